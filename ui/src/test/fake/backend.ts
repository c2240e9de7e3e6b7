import type { Backend } from '../../lib/backend/backend';
import type {
  ApiError,
  CostSettings,
  DatedEdit,
  Diff,
  DocumentInfo,
  ExportFormat,
  HistoryReport,
  ImportPreview,
  PdfOptions,
  PdfPreview,
  RecentDocument,
  Reloaded,
  Shown,
  SkippedRow,
  Suggestion,
  SuggestRequest,
  Swing,
  SwingReport,
  TimelineRequest,
  TimelineShown,
  UpdateInfo,
  UpdatePreview,
  ViewRequest,
} from '../../lib/backend/types';
import { RULE_DEFAULTS } from '../../lib/backend';
import { appliedWithWorkstreams, refused, swung } from './edits';
import type { FakeOrg, FakePerson, FakeWorkstream } from './org';
import { pdfPages } from './pdf';
import { costDiff, projection, settingsAfter } from './pay';
import { timelineOf } from './timeline';
import { historyOf, viewOf } from './view';

// An in-memory backend for unit tests and for running the UI on the dev server: a session
// with documents, scenarios, undo and redo over the fake's orgs (./org), views (./view) and
// edits (./edits).

/** One document's edits and scenarios, kept while another is open (documents save themselves). */
interface FakeState {
  states: FakePerson[][];
  at: number;
  scenarios: Map<string, { history: FakePerson[][]; at: number }>;
  scenario: string;
}

export class FakeBackend implements Backend {
  private open: FakeOrg | null = null;
  /** Every state of the open org: `states[at]` is shown, earlier ones are undo, later redo. */
  private states: FakePerson[][] = [];
  private at = 0;
  /** Scenarios other than the current one, each with its own history; and the current one's name. */
  private scenarios = new Map<string, { history: FakePerson[][]; at: number }>();
  private scenario = 'baseline';
  /** The day last viewed: like the real session, compare, simulate and export use it. */
  private viewed: string | null = null;
  /** The calendar day the fake pretends it is. */
  readonly today = '2026-11-24';
  /** Every call, for tests that check what the UI asked for. */
  readonly calls: string[] = [];

  /** The name the next new-document save dialog answers; null: the user cancels it. */
  newName: string | null = 'Untitled';
  /** Opened documents, newest first; and the list as `recentDocuments` last returned it. */
  private recent: FakeOrg[] = [];
  private listed: FakeOrg[] = [];
  private saved = new Map<FakeOrg, FakeState>();
  /**
   * The workstreams of each state, keyed by the state's people (a state is never changed once
   * made), so undo, redo and scenarios carry workstream edits; a document's first state has its own.
   */
  private workstreamsOf = new WeakMap<FakePerson[], FakeWorkstream[]>();
  /** The pay settings of each state, the same way: `set-cost` edits are undone and forked like any. */
  private settingsOf = new WeakMap<FakePerson[], CostSettings>();
  /** "Show compensation" of each document opened, saved in it (off until turned on). */
  private compensation = new Map<FakeOrg, boolean>();

  constructor(
    private readonly demo: FakeOrg,
    private picked: FakeOrg | null = null,
  ) {}

  /** What the next open (and import) dialog answers; null: the user cancels it. */
  pick(org: FakeOrg | null) {
    this.picked = org;
  }

  async current(): Promise<DocumentInfo | null> {
    this.calls.push('current');
    return this.open ? this.info() : null;
  }

  async openDemo(): Promise<DocumentInfo> {
    this.calls.push('openDemo');
    return this.show(this.demo);
  }

  async openDocument(): Promise<DocumentInfo | null> {
    this.calls.push('openDocument');
    return this.picked ? this.show(this.picked) : null;
  }

  async newDocument(): Promise<DocumentInfo | null> {
    this.calls.push('newDocument');
    if (this.newName === null) return null;
    return this.show({
      name: this.newName,
      as_of: this.demo.as_of,
      location: '~/Documents',
      people: [{ id: 'p-1', name: 'Head of the org', title: 'Director', role: 'director' }],
    });
  }

  async recentDocuments(): Promise<RecentDocument[]> {
    this.calls.push('recentDocuments');
    this.listed = [...this.recent];
    return this.listed.map((org) => ({ name: org.name, location: org.location ?? '~/Documents' }));
  }

  async openRecent(index: number): Promise<DocumentInfo> {
    this.calls.push('openRecent');
    const org = this.listed[index];
    if (!org) throw { code: 'usage', message: `no recent document has index ${index}` } satisfies ApiError;
    return this.show(org);
  }

  async resetDemo(): Promise<DocumentInfo> {
    this.calls.push('resetDemo');
    this.saved.delete(this.demo);
    this.compensation.delete(this.demo);
    if (this.open === this.demo) this.open = null;
    return this.show(this.demo);
  }

  async importPreview(): Promise<ImportPreview | null> {
    this.calls.push('importPreview');
    if (!this.picked) return null;
    return {
      mappings: [
        {
          file: 'people.csv',
          kind: 'people',
          format: 'CSV, comma-separated',
          sheet: null,
          sheets: [],
          header_row: 1,
          records: this.picked.people.length,
          columns: [
            { column: 1, header: 'Employee ID', field: 'id', note: null },
            { column: 2, header: 'Name', field: 'name', note: null },
            { column: 3, header: 'Reports To', field: 'manager_id', note: null },
            { column: 4, header: 'Shoe size', field: null, note: 'not a Pendulum field' },
          ],
        },
      ],
      errors: [],
      more_errors: 0,
      warnings: [],
      more_warnings: 0,
      people: this.picked.people.length,
      teams: 0,
      workstreams: 0,
      allocations: 0,
      bands: 0,
      budgets: 0,
    };
  }

  async importConfirm(): Promise<DocumentInfo | null> {
    this.calls.push('importConfirm');
    if (!this.picked) throw { code: 'usage', message: 'no import is waiting' } satisfies ApiError;
    return this.show(this.picked);
  }

  async view(request: ViewRequest): Promise<Shown> {
    this.calls.push('view');
    return this.shown(request);
  }

  /** What the real session answers after a change: the info, the view, and the comparison asked for. */
  private shown(request: ViewRequest): Shown {
    const open = this.mustBeOpen();
    if (request.as_of) this.viewed = request.as_of;
    const people = this.states[this.at] ?? open.people;
    const asOf = this.viewed ?? open.as_of;
    const view = viewOf(this.stateOrg(people), { ...request, as_of: asOf }, this.showPay());
    const info = this.info();
    view.scenario = info.scenario;
    view.skipped = [...this.skipped];
    const against = request.against ?? null;
    const compared = against !== null && against !== this.scenario && this.names().includes(against);
    const person = request.history_of ? view.people.find((p) => p.id === request.history_of) : undefined;
    const other = compared ? this.stateOf(against) : null;
    return {
      info,
      view,
      diff: compared ? this.diffWith(against) : null,
      history: person ? historyOf(person, open.as_of) : null,
      ...(other && this.showPay() ? { compare_projection: projection(other, this.settings(other), asOf) } : {}),
    };
  }

  /** The open org as one of its states holds it: people, workstreams, pay settings. */
  private stateOrg(people: FakePerson[]): FakeOrg {
    return { ...this.mustBeOpen(), people, workstreams: this.workstreams(people), pay: this.settings(people) };
  }

  private settings(state: FakePerson[]): CostSettings {
    return this.settingsOf.get(state) ?? this.open?.pay ?? {};
  }

  private showPay(): boolean {
    const open = this.mustBeOpen();
    return this.compensation.get(open) ?? open.show_compensation ?? false;
  }

  /** The shown state of a scenario (the current one's, or another's). */
  private stateOf(name: string): FakePerson[] {
    if (name === this.scenario) return this.states[this.at] ?? [];
    const other = this.scenarios.get(name);
    if (!other) throw { code: 'unknown', message: `no scenario is named "${name}"` } satisfies ApiError;
    return other.history[other.at] ?? [];
  }

  async showCompensation(on: boolean, request: ViewRequest = {}): Promise<Shown> {
    this.calls.push('showCompensation');
    this.compensation.set(this.mustBeOpen(), on);
    return this.shown(request);
  }

  async applyEdit(dated: DatedEdit, request: ViewRequest = {}): Promise<Shown> {
    this.calls.push('applyEdit');
    if (this.mustBeOpen().read_only) throw { code: 'io', message: `${this.mustBeOpen().name} is open read-only` } satisfies ApiError;
    const people = this.states[this.at] ?? [];
    if (dated.edit.op === 'set-cost') {
      const teams = new Set(people.map((p) => p.team).filter((t): t is string => !!t));
      this.commit(people, undefined, settingsAfter(this.settings(people), dated.edit, teams));
      return this.shown(request);
    }
    const next = appliedWithWorkstreams({ people, workstreams: this.workstreams(people) }, dated.edit);
    this.commit(next.people, next.workstreams);
    return this.shown(request);
  }

  private workstreams(state: FakePerson[]): FakeWorkstream[] {
    return this.workstreamsOf.get(state) ?? this.open?.workstreams ?? [];
  }

  /** Makes `people` (with `workstreams` and `settings`, by default the current state's) the state after the current one. */
  private commit(people: FakePerson[], workstreams?: FakeWorkstream[], settings?: CostSettings) {
    const current = this.states[this.at] ?? [];
    const streams = workstreams ?? this.workstreams(current);
    // A fresh array per state, so no two states share a key in workstreamsOf.
    const state = [...people];
    this.workstreamsOf.set(state, streams);
    this.settingsOf.set(state, settings ?? this.settings(current));
    this.states = this.states.slice(0, this.at + 1);
    this.states.push(state);
    this.at++;
  }

  async undo(request: ViewRequest = {}): Promise<Shown> {
    this.calls.push('undo');
    this.mustBeOpen();
    this.at = Math.max(0, this.at - 1);
    return this.shown(request);
  }

  async redo(request: ViewRequest = {}): Promise<Shown> {
    this.calls.push('redo');
    this.mustBeOpen();
    this.at = Math.min(this.states.length - 1, this.at + 1);
    return this.shown(request);
  }

  async switchScenario(name: string, request: ViewRequest = {}): Promise<Shown> {
    this.calls.push('switchScenario');
    this.mustBeOpen();
    const next = this.scenarios.get(name);
    if (!next) throw { code: 'unknown', message: `no scenario is named "${name}"` } satisfies ApiError;
    this.scenarios.set(this.scenario, { history: this.states, at: this.at });
    this.scenarios.delete(name);
    ({ history: this.states, at: this.at } = next);
    this.scenario = name;
    return this.shown(request);
  }

  async forkScenario(name: string, request: ViewRequest = {}): Promise<Shown> {
    this.calls.push('forkScenario');
    this.fork(name);
    return this.shown(request);
  }

  private fork(name: string) {
    this.mustBeOpen();
    if (name.trim() === '' || this.names().includes(name)) throw refused(`a scenario is already named "${name}"`);
    this.scenarios.set(this.scenario, { history: this.states, at: this.at });
    this.states = [this.states[this.at] ?? []];
    this.at = 0;
    this.scenario = name;
  }

  async renameScenario(name: string, newName: string, request: ViewRequest = {}): Promise<Shown> {
    this.calls.push('renameScenario');
    this.mustBeOpen();
    if (name === 'baseline') throw refused('the baseline keeps its name');
    if (!this.names().includes(name)) throw { code: 'unknown', message: `no scenario is named "${name}"` } satisfies ApiError;
    if (newName.trim() === '' || this.names().includes(newName)) throw refused(`a scenario is already named "${newName}"`);
    if (name === this.scenario) this.scenario = newName;
    else {
      const state = this.scenarios.get(name);
      this.scenarios.delete(name);
      if (state) this.scenarios.set(newName, state);
    }
    return this.shown(request);
  }

  async deleteScenario(name: string, request: ViewRequest = {}): Promise<Shown> {
    this.calls.push('deleteScenario');
    this.mustBeOpen();
    if (name === 'baseline') throw refused('the baseline cannot be deleted');
    if (name === this.scenario) {
      const base = this.scenarios.get('baseline');
      this.scenarios.delete('baseline');
      if (base) ({ history: this.states, at: this.at } = base);
      this.scenario = 'baseline';
    } else if (!this.scenarios.delete(name)) {
      throw { code: 'unknown', message: `no scenario is named "${name}"` } satisfies ApiError;
    }
    return this.shown(request);
  }

  async compare(against = 'baseline'): Promise<Diff> {
    this.calls.push('compare');
    return this.diffWith(against);
  }

  private diffWith(against: string): Diff {
    const open = this.mustBeOpen();
    const other = against === this.scenario ? { history: this.states, at: this.at } : this.scenarios.get(against);
    if (!other) throw { code: 'unknown', message: `no scenario is named "${against}"` } satisfies ApiError;
    const before = other.history[other.at] ?? [];
    const after = this.states[this.at] ?? [];
    const was = new Map(before.map((p) => [p.id, p]));
    const is = new Map(after.map((p) => [p.id, p]));
    const diff: Diff = { added: [], removed: [], moved: [], changed: [], metrics: {}, flags_added: [], flags_resolved: [] };
    for (const p of after) {
      const old = was.get(p.id);
      if (!old) diff.added.push(p.id);
      else {
        if ((old.manager_id ?? null) !== (p.manager_id ?? null))
          diff.moved.push({ person: p.id, from: old.manager_id ?? null, to: p.manager_id ?? null });
        for (const field of ['name', 'title', 'team', 'role', 'status'] as const)
          if (old[field] !== p[field]) diff.changed.push({ person: p.id, field, old: old[field] ?? null, new: p[field] ?? null });
      }
    }
    for (const p of before) if (!is.has(p.id)) diff.removed.push(p.id);
    const a = viewOf({ ...open, people: before }).stats;
    const b = viewOf({ ...open, people: after }).stats;
    for (const key of ['headcount', 'managers', 'ics', 'open_roles', 'mean_span', 'max_span', 'layers'] as const)
      diff.metrics[key] = [a[key], b[key]];
    // While pay is hidden the comparison holds no waterfall, as the real session's.
    const cost = this.showPay() ? costDiff(before, this.settings(before), after, this.settings(after)) : undefined;
    if (cost) diff.cost = cost;
    return diff;
  }

  async simulate(swing: Swing): Promise<SwingReport> {
    this.calls.push('simulate');
    const open = this.mustBeOpen();
    const before = this.states[this.at] ?? [];
    const after = swung(before, swing);
    const moves = after
      .filter((p, i) => (p.manager_id ?? null) !== (before[i]?.manager_id ?? null))
      .map((p, i) => ({ person: p.id, from: before[i]?.manager_id ?? null, to: p.manager_id ?? null }));
    const a = viewOf({ ...open, people: before }).stats;
    const b = viewOf({ ...open, people: after }).stats;
    const [y, m] = swing.date.split('-').map(Number);
    const timeline = Array.from({ length: 12 }, (_, k) => {
      const month = `${(y ?? 2026) + Math.floor(((m ?? 1) - 1 + k) / 12)}-${String((((m ?? 1) - 1 + k) % 12) + 1).padStart(2, '0')}`;
      return { month, date: `${month}-01`, ic_capacity: b.ic_capacity, ic_capacity_before: a.ic_capacity, workstreams: {}, workstreams_before: {} };
    });
    const report: SwingReport = { swing, as_of: open.as_of, before: a, after: b, flags_added: [], flags_resolved: [], moves, timeline, loads: [], edit: { op: 'swing', swing } };
    // A swing keeps everyone's level, so its run-rate effect is the waterfall of two equal costs.
    const settings = this.settings(before);
    const runRate = this.showPay() ? costDiff(before, settings, after, settings) : undefined;
    if (runRate) report.cost = { run_rate: runRate, workstreams: {} };
    return report;
  }

  async applySwing(swing: Swing, into: string, request: ViewRequest = {}): Promise<Shown> {
    this.calls.push('applySwing');
    this.fork(into);
    this.commit(swung(this.states[this.at] ?? [], swing));
    return this.shown(request);
  }

  async history(person: string): Promise<HistoryReport> {
    this.calls.push('history');
    const open = this.mustBeOpen();
    const p = viewOf({ ...open, people: this.states[this.at] ?? [] }).people.find((x) => x.id === person);
    if (!p) throw { code: 'unknown', message: `no person has id "${person}"` } satisfies ApiError;
    return historyOf(p, open.as_of);
  }

  /** Files the fake "wrote", by name: a test double for the save dialog plus export. */
  readonly exported: string[] = [];

  /**
   * What the next update dialog picks (null: the user cancels), and the scenario edits that
   * stop applying when it is applied: the fake keeps whole states, not an edit log to replay,
   * so a test says which edits the real session would skip.
   */
  nextExport: FakeOrg | null = null;
  conflictsOnUpdate: { scenario: string; edit: number; op: string; reason: string }[] = [];
  private previewed: FakeOrg | null = null;
  private skipped: SkippedRow[] = [];
  private updates: UpdateInfo[] = [];
  /** The states each update replaced, for undo. */
  private replaced: { states: FakePerson[][]; at: number; skipped: SkippedRow[] }[] = [];

  async updatePreview(): Promise<UpdatePreview | null> {
    this.calls.push('updatePreview');
    const open = this.mustBeOpen();
    if (!this.nextExport) return null;
    this.previewed = this.nextExport;
    const before = new Map((this.states[0] ?? open.people).map((p) => [p.id, p]));
    const after = new Map(this.nextExport.people.map((p) => [p.id, p]));
    const byId = (a: string, b: string) => a.localeCompare(b);
    const preview: UpdatePreview = {
      joined: [...after.keys()].filter((id) => !before.has(id)).sort(byId),
      left: [...before.keys()].filter((id) => !after.has(id)).sort(byId),
      moved: [],
      changed: [],
      conflicts: this.conflictsOnUpdate.map((c) => ({ ...c })),
    };
    for (const [id, p] of after) {
      const old = before.get(id);
      if (!old) continue;
      if ((old.manager_id ?? null) !== (p.manager_id ?? null))
        preview.moved.push({ person: id, from: old.manager_id ?? null, to: p.manager_id ?? null });
      if ((old.title ?? '') !== (p.title ?? ''))
        preview.changed.push({ person: id, field: 'title', old: old.title ?? '', new: p.title ?? '' });
    }
    preview.moved.sort((a, b) => byId(a.person, b.person));
    return preview;
  }

  async updateApply(request: ViewRequest = {}): Promise<Shown> {
    this.calls.push('updateApply');
    const open = this.mustBeOpen();
    if (open.read_only) throw { code: 'io', message: `${open.name} is open read-only` } satisfies ApiError;
    const next = this.previewed;
    if (!next) throw { code: 'usage', message: 'no update is waiting: pick the newer export first' } satisfies ApiError;
    this.replaced.push({ states: this.states, at: this.at, skipped: this.skipped });
    this.states = [next.people];
    this.at = 0;
    this.skipped = this.conflictsOnUpdate
      .filter((c) => c.scenario === this.scenario)
      .map((c) => ({ seq: c.edit, op: c.op, reason: c.reason }));
    const n = (k: number, one: string) => `${k} ${one}`;
    const preview = await this.updatePreview();
    this.calls.pop();
    this.updates.push({
      id: this.updates.length + 1,
      day: this.today,
      source: `${next.name}.csv`,
      summary: `${n(preview?.joined.length ?? 0, 'joined')}, ${n(preview?.left.length ?? 0, 'left')}`,
      undone: false,
    });
    this.previewed = null;
    return this.shown(request);
  }

  async undoUpdate(request: ViewRequest = {}): Promise<Shown> {
    this.calls.push('undoUpdate');
    const last = [...this.updates].reverse().find((u) => !u.undone);
    const kept = this.replaced.pop();
    if (!last || !kept) throw { code: 'usage', message: 'there is no update to undo' } satisfies ApiError;
    last.undone = true;
    this.states = kept.states;
    this.at = kept.at;
    this.skipped = kept.skipped;
    return this.shown(request);
  }

  async dropEdit(seq: number, request: ViewRequest = {}): Promise<Shown> {
    this.calls.push('dropEdit');
    if (!this.skipped.some((k) => k.seq === seq))
      throw { code: 'unknown', message: `no applied edit ${seq} in scenario ${this.scenario}` } satisfies ApiError;
    this.skipped = this.skipped.filter((k) => k.seq !== seq);
    return this.shown(request);
  }

  /** File names the fake's "folder" already holds: a CSV export refuses to replace them. */
  readonly existing = new Set<string>();
  /** Set by a test: how "another program" changed the open file. */
  changedElsewhere: DocumentInfo['changed_elsewhere'] = null;

  async reloadDocument(): Promise<Reloaded> {
    this.calls.push('reloadDocument');
    const kept = this.changedElsewhere === 'replaced' ? `${this.mustBeOpen().name} (my version).pendulum` : null;
    this.changedElsewhere = null;
    return { info: this.info(), kept_copy: kept };
  }

  async exportTo(format: ExportFormat, pdf?: PdfOptions, replace?: boolean): Promise<string[] | null> {
    this.calls.push('exportTo');
    const open = this.mustBeOpen();
    if (format === 'csv') {
      const beside = ['workstreams', 'allocations', 'workload'].map((s) => `${open.name}-${s}.csv`);
      const taken = beside.filter((n) => this.existing.has(n));
      if (taken.length > 0 && !replace)
        throw {
          code: 'exists',
          message: `${taken.join(', ')} already exist beside ${open.name}.csv: the CSV export writes it too and replaces such files only when asked`,
        } satisfies ApiError;
      const names = [`${open.name}.csv`, ...beside];
      this.exported.push(...names);
      return names;
    }
    if (pdf?.page !== undefined && !['a4', 'letter', 'a3'].includes(pdf.page))
      throw { code: 'usage', message: `unknown page size "${pdf.page}"` } satisfies ApiError;
    // The same page counts and refusals as the preview (a poster too small among them).
    if (format === 'pdf' && pdf) pdfPages(open.name, viewOf({ ...open, people: this.states[this.at] ?? [] }).people, pdf);
    const name = `${open.name}.${format}`;
    this.exported.push(name);
    return [name];
  }

  async pdfPreview(pdf: PdfOptions): Promise<PdfPreview> {
    this.calls.push('pdfPreview');
    const open = this.mustBeOpen();
    return pdfPages(open.name, viewOf({ ...open, people: this.states[this.at] ?? [] }).people, pdf);
  }

  async timeline(request: TimelineRequest): Promise<TimelineShown> {
    this.calls.push('timeline');
    const open = this.mustBeOpen();
    const months = request.months ?? RULE_DEFAULTS.horizon_months;
    if (!Number.isInteger(months) || months < 1 || months > 120)
      throw { code: 'usage', message: `months must be a whole number from 1 to 120, found ${months}` } satisfies ApiError;
    const from = request.from ?? this.viewed ?? open.as_of;
    const of = (people: FakePerson[]) => timelineOf({ people, workstreams: this.workstreams(people) }, from, months, RULE_DEFAULTS.overload_ratio);
    const against = request.against ?? null;
    const other = against === null || against === this.scenario ? undefined : this.scenarios.get(against);
    return {
      scenario: this.scenario,
      timeline: of(this.states[this.at] ?? open.people),
      against: other ? against : null,
      compared: other ? of(other.history[other.at] ?? []) : null,
    };
  }

  /** What `suggest` answers: a test sets the suggestions the real session would compute. */
  suggestions: Suggestion[] = [];

  async suggest(request: SuggestRequest): Promise<Suggestion[]> {
    this.calls.push('suggest');
    this.mustBeOpen();
    const limit = request.limit ?? 3;
    const wanted = request.for ?? null;
    const mine = this.suggestions.filter((s) => wanted === null || (s.for.rule === wanted.rule && s.for.subject.id === wanted.subject));
    const perFlag = new Map<string, number>();
    return mine.filter((s) => {
      const key = `${s.for.rule}:${s.for.subject.id}`;
      const n = perFlag.get(key) ?? 0;
      perFlag.set(key, n + 1);
      return n < limit;
    });
  }

  private names(): string[] {
    return [this.scenario, ...this.scenarios.keys()];
  }

  private show(org: FakeOrg): DocumentInfo {
    this.viewed = null;
    if (this.open) {
      this.saved.set(this.open, { states: this.states, at: this.at, scenarios: this.scenarios, scenario: this.scenario });
    }
    this.open = org;
    const kept = this.saved.get(org);
    this.states = kept?.states ?? [org.people];
    this.at = kept?.at ?? 0;
    this.scenarios = kept?.scenarios ?? new Map();
    this.scenario = kept?.scenario ?? 'baseline';
    // The demo has its own menu entries, so only the user's files are listed as recent.
    if (org !== this.demo) this.recent = [org, ...this.recent.filter((o) => o !== org)].slice(0, 10);
    return this.info();
  }

  private mustBeOpen(): FakeOrg {
    if (!this.open) throw { code: 'usage', message: 'no document is open' } satisfies ApiError;
    return this.open;
  }

  private info(): DocumentInfo {
    const org = this.mustBeOpen();
    return {
      name: org.name,
      scenario: this.scenario,
      scenarios: this.names()
        .sort((x, y) => Number(y === 'baseline') - Number(x === 'baseline') || x.localeCompare(y))
        .map((name, i) => ({ id: i + 1, name, parent: name === 'baseline' ? null : 'baseline' })),
      as_of: this.viewed ?? org.as_of,
      today: this.today,
      can_undo: this.at > 0,
      can_redo: this.at < this.states.length - 1,
      read_only: org.read_only ?? false,
      show_compensation: this.showPay(),
      read_only_reason: null,
      changed_elsewhere: this.changedElsewhere,
      updates: this.updates.map((u) => ({ ...u })),
    };
  }
}
