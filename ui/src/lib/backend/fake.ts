import type { Backend } from './backend';
import type {
  AllocationRow,
  ApiError,
  DatedEdit,
  Diff,
  DocumentInfo,
  Edit,
  ExportFormat,
  HistoryReport,
  ImportPreview,
  Flag,
  Layout,
  LayoutEdge,
  LayoutNode,
  Orientation,
  OrgView,
  PdfOptions,
  PdfPreview,
  PersonCard,
  PersonChange,
  RecentDocument,
  Role,
  RuleConfig,
  Shown,
  Stats,
  Status,
  Swing,
  SwingReport,
  ViewRequest,
  WorkstreamRow,
} from './types';

// An in-memory backend for unit tests and for running the UI in a plain browser. It derives
// what the Rust side derives (headcount under, depth, a simple tree layout) just well enough
// to exercise the UI; the real rules and the real layout live in Rust.

export interface FakePerson {
  id: string;
  name: string;
  title?: string;
  manager_id?: string | null;
  role?: Role;
  team?: string | null;
  status?: Status;
  /** Secondary managers (dotted lines), by id. */
  dotted_managers?: string[];
  /** Their allocations (kept on the person so undo and scenarios carry them along). */
  allocations?: FakeAllocation[];
}

export interface FakeAllocation {
  workstream: string;
  percent: number;
  start_date?: string | null;
  end_date?: string | null;
}

export interface FakeWorkstream {
  id: string;
  name: string;
  team?: string | null;
  kind?: WorkstreamRow['kind'];
  required_fte: number;
  start_date?: string | null;
  end_date?: string | null;
  priority?: string | null;
}

export interface FakeOrg {
  name: string;
  as_of: string;
  people: FakePerson[];
  flags?: Flag[];
  workstreams?: FakeWorkstream[];
  /** Where the file lives, as the recent list shows it. */
  location?: string;
  /** Opened read-only (the file cannot be written): edits are refused, as the real session does. */
  read_only?: boolean;
}

/** One document's edits and scenarios, kept while another is open (documents save themselves). */
interface FakeState {
  states: FakePerson[][];
  at: number;
  scenarios: Map<string, { history: FakePerson[][]; at: number }>;
  scenario: string;
}

/** Page sizes in points, portrait. */
const PAGE_POINTS = { a4: [595, 842], letter: [612, 792], a3: [842, 1191] } as const;
/** Title, summary, flags and workload pages around the chart's. */
const REPORT_PAGES = 4;
/** People the fake fits on one chart page when nothing splits the chart. */
const PEOPLE_PER_PAGE = 40;

export const CARD_WIDTH = 240;
export const CARD_HEIGHT = 96;
const GAP_X = 24;
const GAP_Y = 56;

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
    const view = viewOf({ ...open, people, workstreams: this.workstreams(people) }, { ...request, as_of: this.viewed ?? open.as_of });
    const info = this.info();
    view.scenario = info.scenario;
    const against = request.against ?? null;
    const compared = against !== null && against !== this.scenario && this.names().includes(against);
    const person = request.history_of ? view.people.find((p) => p.id === request.history_of) : undefined;
    return { info, view, diff: compared ? this.diffWith(against) : null, history: person ? historyOf(person, open.as_of) : null };
  }

  async applyEdit(dated: DatedEdit, request: ViewRequest = {}): Promise<Shown> {
    this.calls.push('applyEdit');
    if (this.mustBeOpen().read_only) throw { code: 'io', message: `${this.mustBeOpen().name} is open read-only` } satisfies ApiError;
    const people = this.states[this.at] ?? [];
    const next = appliedWithWorkstreams({ people, workstreams: this.workstreams(people) }, dated.edit);
    this.commit(next.people, next.workstreams);
    return this.shown(request);
  }

  private workstreams(state: FakePerson[]): FakeWorkstream[] {
    return this.workstreamsOf.get(state) ?? this.open?.workstreams ?? [];
  }

  /** Makes `people` (with `workstreams`, by default the current state's) the state after the current one. */
  private commit(people: FakePerson[], workstreams?: FakeWorkstream[]) {
    const streams = workstreams ?? this.workstreams(this.states[this.at] ?? []);
    // A fresh array per state, so no two states share a key in workstreamsOf.
    const state = [...people];
    this.workstreamsOf.set(state, streams);
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
    return { swing, as_of: open.as_of, before: a, after: b, flags_added: [], flags_resolved: [], moves, timeline, edit: { op: 'swing', swing } };
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

  async exportTo(format: ExportFormat, pdf?: PdfOptions): Promise<string[] | null> {
    this.calls.push('exportTo');
    const open = this.mustBeOpen();
    if (pdf?.page !== undefined && !['a4', 'letter', 'a3'].includes(pdf.page))
      throw { code: 'usage', message: `unknown page size "${pdf.page}"` } satisfies ApiError;
    if (format === 'pdf' && pdf) checkPdf(pdf);
    const name = `${open.name}.${format}`;
    this.exported.push(name);
    return [name];
  }

  async pdfPreview(pdf: PdfOptions): Promise<PdfPreview> {
    this.calls.push('pdfPreview');
    const open = this.mustBeOpen();
    checkPdf(pdf);
    const [w, h] = PAGE_POINTS[pdf.page ?? 'a4'];
    const [width, height] = pdf.landscape ? [h, w] : [w, h];
    const people = viewOf({ ...open, people: this.states[this.at] ?? [] }).people;
    const pages = REPORT_PAGES + chartPages(people, pdf);
    const title = escapeXml(pdf.title ?? open.name);
    const svgs = Array.from(
      { length: Math.min(pages, 12) },
      (_, i) =>
        `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
        `<rect width="${width}" height="${height}" fill="#fff"/><text x="36" y="54" font-size="18">${title}</text>` +
        `<text x="36" y="${height - 30}" font-size="10">Page ${i + 1} of ${pages}</text></svg>`,
    );
    return { pages, width, height, svgs };
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
      show_compensation: false,
    };
  }
}

/** The fake's role history: the role shown, since records began. */
function historyOf(p: PersonCard, asOf: string): HistoryReport {
  return {
    person: p.id,
    name: p.name,
    as_of: asOf,
    role: p.role,
    since: null,
    days_in_role: null,
    years_in_role: null,
    spells: [{ role: p.role, since: null, until: null, source: 'import' }],
  };
}

/** The fake's swing: reports move under the new manager, or to the successor (else the manager's manager). */
function swung(people: FakePerson[], swing: Swing): FakePerson[] {
  const me = people.find((p) => p.id === swing.person);
  if (!me) throw refused(`no person has id "${swing.person}"`);
  if (swing.to === 'manager') {
    const reports = new Set(swing.reports ?? []);
    return people.map((p) =>
      p.id === me.id ? { ...p, role: 'manager' } : reports.has(p.id) ? { ...p, manager_id: me.id } : p,
    );
  }
  const heir = swing.successor ?? me.manager_id ?? null;
  return people.map((p) =>
    p.id === me.id ? { ...p, role: 'ic' } : p.manager_id === me.id && p.id !== heir ? { ...p, manager_id: heir } : p,
  );
}

/** One edit on the fake's people and workstreams: workstream edits here, the rest by `applied`. */
function appliedWithWorkstreams(
  state: { people: FakePerson[]; workstreams: FakeWorkstream[] },
  edit: Edit,
): { people: FakePerson[]; workstreams: FakeWorkstream[] } {
  const { people, workstreams } = state;
  const index = (id: string) => {
    const i = workstreams.findIndex((w) => w.id === id);
    if (i < 0) throw refused(`no workstream has id "${id}"`);
    return i;
  };
  const checkFte = (v: number) => {
    if (!(v >= 0 && Number.isFinite(v))) throw refused(`required_fte: must be a number ≥ 0, found ${v}`);
  };
  const checkDates = (field: string, start: string | null | undefined, end: string | null | undefined) => {
    if (start && end && end < start) throw refused(`${field}: end date ${end} is before start date ${start}`);
  };
  switch (edit.op) {
    case 'batch': {
      let next = state;
      for (const e of edit.edits) next = appliedWithWorkstreams(next, e);
      return next;
    }
    case 'add-workstream': {
      const w = edit.workstream;
      if (w.id.trim() === '') throw refused('workstream.id: a workstream needs a non-empty id');
      if (workstreams.some((x) => x.id === w.id)) throw refused(`a workstream with id "${w.id}" already exists`);
      if (w.name.trim() === '') throw refused('workstream.name: must not be empty');
      checkFte(w.required_fte ?? 0);
      checkDates('workstream.end_date', w.start_date, w.end_date);
      const added: FakeWorkstream = {
        id: w.id,
        name: w.name,
        team: w.team ?? null,
        kind: w.kind ?? 'feature',
        required_fte: w.required_fte ?? 0,
        start_date: w.start_date ?? null,
        end_date: w.end_date ?? null,
        priority: w.priority ?? null,
      };
      return { people, workstreams: [...workstreams, added] };
    }
    case 'update-workstream': {
      const i = index(edit.id);
      const w = workstreams[i] as FakeWorkstream;
      const c = edit.change;
      if (c.field === 'name' && c.value.trim() === '') throw refused('workstream.name: must not be empty');
      if (c.field === 'required_fte') checkFte(c.value);
      if (c.field === 'start_date') checkDates('workstream.start_date', c.value, w.end_date);
      if (c.field === 'end_date') checkDates('workstream.end_date', w.start_date, c.value);
      return { people, workstreams: workstreams.map((x, k) => (k === i ? { ...x, [c.field]: c.value } : x)) };
    }
    case 'remove-workstream': {
      index(edit.id);
      return {
        people: people.map((p) =>
          (p.allocations ?? []).some((a) => a.workstream === edit.id)
            ? { ...p, allocations: (p.allocations ?? []).filter((a) => a.workstream !== edit.id) }
            : p,
        ),
        workstreams: workstreams.filter((w) => w.id !== edit.id),
      };
    }
    default:
      return { people: applied(people, edit, workstreams), workstreams };
  }
}

/** One edit on the fake's people: the new state, or a thrown `refused` as the Rust side would. */
function applied(people: FakePerson[], edit: Edit, workstreams: readonly FakeWorkstream[]): FakePerson[] {
  const known = (id: string) => {
    if (!people.some((p) => p.id === id)) throw refused(`no person has id "${id}"`);
  };
  switch (edit.op) {
    case 'set-rule':
      throw { code: 'usage', message: 'the fake backend has no rules' } satisfies ApiError;
    case 'batch': {
      let next = people;
      for (const e of edit.edits) next = applied(next, e, workstreams);
      return next;
    }
    case 'add-person': {
      const p = edit.person;
      if (p.id.trim() === '') throw refused('id: a person needs a non-empty id');
      if (people.some((q) => q.id === p.id)) throw refused(`a person with id "${p.id}" already exists`);
      if (p.name.trim() === '') throw refused('name: must not be empty');
      if (p.manager_id) known(p.manager_id);
      const added: FakePerson = { id: p.id, name: p.name, title: p.title ?? '', manager_id: p.manager_id ?? null, team: p.team ?? null };
      if (p.role) added.role = p.role;
      if (p.status) added.status = p.status;
      return [...people, added];
    }
    case 'remove-person': {
      const gone = people.find((p) => p.id === edit.id);
      if (!gone) throw refused(`no person has id "${edit.id}"`);
      const up = gone.manager_id ?? null;
      // As in core: the removed person's reports go up a level, and dotted lines to them go.
      return people
        .filter((p) => p.id !== edit.id)
        .map((p) => (p.manager_id === edit.id ? { ...p, manager_id: up } : p))
        .map((p) => (p.dotted_managers?.includes(edit.id) ? { ...p, dotted_managers: p.dotted_managers.filter((d) => d !== edit.id) } : p));
    }
    case 'allocate': {
      const a = edit.allocation;
      known(a.person);
      if (!workstreams.some((w) => w.id === a.workstream)) throw refused(`no workstream has id "${a.workstream}"`);
      if (!(a.percent > 0 && a.percent <= 100)) throw refused(`allocation.percent: must be in (0, 100], found ${a.percent}`);
      if (a.start_date && a.end_date && a.end_date < a.start_date)
        throw refused(`allocation.end_date: end date ${a.end_date} is before start date ${a.start_date}`);
      const next: FakeAllocation = { workstream: a.workstream, percent: a.percent, start_date: a.start_date, end_date: a.end_date };
      const same = (x: FakeAllocation) =>
        x.workstream === a.workstream && (x.start_date ?? null) === a.start_date && (x.end_date ?? null) === a.end_date;
      return people.map((p) => {
        if (p.id !== a.person) return p;
        const list = p.allocations ?? [];
        return { ...p, allocations: list.some(same) ? list.map((x) => (same(x) ? next : x)) : [...list, next] };
      });
    }
    case 'deallocate': {
      known(edit.person);
      const holder = people.find((p) => p.id === edit.person);
      if (!(holder?.allocations ?? []).some((x) => x.workstream === edit.workstream))
        throw refused(`"${edit.person}" has no allocation to workstream "${edit.workstream}"`);
      return people.map((p) =>
        p.id === edit.person ? { ...p, allocations: (p.allocations ?? []).filter((x) => x.workstream !== edit.workstream) } : p,
      );
    }
    case 'update-person':
      known(edit.id);
      if (edit.change.field === 'dotted_managers') checkDotted(people, edit.id, edit.change.value);
      return people.map((p) => (p.id === edit.id ? updated(p, edit.change) : p));
    case 'move-person': {
      const { id, manager } = edit;
      known(id);
      if (manager !== null) {
        known(manager);
        // Walk up from the new manager: meeting the moved person means a cycle.
        const managerOf = new Map(people.map((p) => [p.id, p.manager_id ?? null]));
        const seen = new Set<string>();
        for (let at: string | null = manager; at !== null && !seen.has(at); at = managerOf.get(at) ?? null) {
          if (at === id) throw refused(`moving "${id}" under "${manager}" would create a reporting cycle`);
          seen.add(at);
        }
      }
      return people.map((p) => (p.id === id ? { ...p, manager_id: manager } : p));
    }
    default:
      throw { code: 'usage', message: `the fake backend does not model ${edit.op} edits` } satisfies ApiError;
  }
}

/** Core's `check_dotted`: no dotted line to oneself, none listed twice, every one a known person. */
function checkDotted(people: readonly FakePerson[], id: string, dotted: readonly string[]) {
  dotted.forEach((d, i) => {
    if (d === id) throw refused(`dotted_managers: "${id}" cannot have a dotted line to themselves`);
    if (dotted.slice(0, i).includes(d)) throw refused(`dotted_managers: "${d}" is listed twice`);
    if (!people.some((p) => p.id === d)) throw refused(`no person has id "${d}"`);
  });
}

/** Whether a day falls in [start, end): the Rust side's `within`. */
function within(start: string | null | undefined, end: string | null | undefined, day: string): boolean {
  return (!start || start <= day) && (!end || day < end);
}

/** The fake models the fields the chart shows; others are refused rather than dropped. */
function updated(p: FakePerson, change: PersonChange): FakePerson {
  switch (change.field) {
    case 'name':
    case 'title':
      return { ...p, [change.field]: change.value };
    case 'team':
      return { ...p, team: change.value };
    case 'role':
      return change.value === null ? { ...p, role: undefined } : { ...p, role: change.value };
    case 'status':
      return { ...p, status: change.value };
    case 'dotted_managers':
      return { ...p, dotted_managers: [...change.value] };
    default:
      throw { code: 'usage', message: `the fake backend does not model ${change.field}` } satisfies ApiError;
  }
}

/** The api's checks on PDF options: a known page size and counts of at least one. */
function checkPdf(pdf: PdfOptions) {
  if (pdf.page !== undefined && !['a4', 'letter', 'a3'].includes(pdf.page))
    throw { code: 'usage', message: `unknown page size "${pdf.page}"` } satisfies ApiError;
  for (const key of ['break_every_levels', 'break_min_people'] as const) {
    const n = pdf[key];
    if (n !== undefined && (!Number.isInteger(n) || n < 1))
      throw { code: 'usage', message: `${key} must be a whole number of at least 1` } satisfies ApiError;
  }
}

/**
 * The fake's chart pages: one, or a page for the root plus one per manager that starts a
 * new page (every N levels down, or heading at least M people), else one per 40 people.
 */
function chartPages(people: PersonCard[], pdf: PdfOptions): number {
  if (pdf.root !== undefined && !people.some((p) => p.id === pdf.root))
    throw { code: 'unknown', message: `no person has id "${pdf.root}"` } satisfies ApiError;
  if (pdf.one_page) return 1;
  const children = new Map<string, PersonCard[]>();
  for (const p of people) {
    if (p.manager_id === null) continue;
    const siblings = children.get(p.manager_id);
    if (siblings) siblings.push(p);
    else children.set(p.manager_id, [p]);
  }
  // Breadth first from the printed roots, with each person's level below their root.
  const queue: [PersonCard, number][] = people
    .filter((p) => (pdf.root === undefined ? p.manager_id === null : p.id === pdf.root))
    .map((p) => [p, 0]);
  let breaks = 0;
  for (let k = 0; k < queue.length; k++) {
    const [p, level] = queue[k] as [PersonCard, number];
    const n = pdf.break_every_levels;
    const m = pdf.break_min_people;
    if (level > 0 && p.direct > 0 && ((n !== undefined && level % n === 0) || (m !== undefined && p.total + 1 >= m))) breaks++;
    for (const c of children.get(p.id) ?? []) queue.push([c, level + 1]);
  }
  if (pdf.break_every_levels === undefined && pdf.break_min_people === undefined)
    return Math.max(1, Math.ceil(queue.length / PEOPLE_PER_PAGE));
  return 1 + breaks;
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function refused(message: string): ApiError {
  return { code: 'refused', message };
}

/** The rule thresholds' defaults (core's `RuleConfig::default()`): the fake never changes them. */
const RULE_DEFAULTS: RuleConfig = {
  manager_max_span: 5,
  director_max_span: 5,
  min_span: 2,
  max_layers: 6,
  overload_ratio: 1.25,
  max_migrations: 1,
  pendulum_years: 3,
  ramp_days: 90,
  manager_ic_fraction: 0.2,
  ic_reramp_days: 60,
  horizon_months: 12,
  budget_tolerance: 0,
};

/** The view the Rust side would send for `org`: cards, a layout that skips collapsed subtrees, stats. */
export function viewOf(org: FakeOrg, request: ViewRequest = {}): OrgView {
  const n = org.people.length;
  const index = new Map<string, number>();
  org.people.forEach((p, i) => index.set(p.id, i));
  const parent = org.people.map((p) => {
    const m = p.manager_id ? index.get(p.manager_id) : undefined;
    return m === undefined ? -1 : m;
  });
  const children: number[][] = org.people.map(() => []);
  const roots: number[] = [];
  parent.forEach((m, i) => (m >= 0 ? children[m]?.push(i) : roots.push(i)));

  // Breadth-first order gives depths; its reverse gives subtree totals, without recursion.
  const order: number[] = [...roots];
  const depth = new Array<number>(n).fill(1);
  for (let k = 0; k < order.length; k++) {
    const i = order[k] as number;
    for (const c of children[i] ?? []) {
      depth[c] = (depth[i] ?? 1) + 1;
      order.push(c);
    }
  }
  const total = new Array<number>(n).fill(0);
  for (let k = order.length - 1; k >= 0; k--) {
    const i = order[k] as number;
    const m = parent[i] ?? -1;
    if (m >= 0) total[m] = (total[m] ?? 0) + (total[i] ?? 0) + 1;
  }

  const people: PersonCard[] = org.people.map((p, i) => {
    const direct = children[i]?.length ?? 0;
    const role: Role = p.role ?? (direct === 0 ? 'ic' : (children[i] ?? []).some((c) => (children[c]?.length ?? 0) > 0) ? 'director' : 'manager');
    return {
      id: p.id,
      name: p.name,
      title: p.title ?? '',
      role,
      team: p.team ?? null,
      level: null,
      status: p.status ?? 'active',
      manager_id: p.manager_id ?? null,
      dotted_managers: [...(p.dotted_managers ?? [])],
      fte: 1,
      location: null,
      email: null,
      start_date: null,
      end_date: null,
      role_since: null,
      role_on_file: p.role ?? null,
      assistant: false,
      ramp: 1,
      allocated_percent: 0,
      span: direct,
      direct,
      total: total[i] ?? 0,
      depth: depth[i] ?? 1,
    };
  });

  const collapsed = new Set(request.collapsed ?? []);
  const asOf = request.as_of ?? org.as_of;
  const drawn = layoutOf(order, roots, children, org.people.map((p) => p.id), collapsed, depth, request.left_right ? 'left-right' : 'top-down');
  const dotted = dottedOf(org.people, drawn.nodes);
  return {
    as_of: asOf,
    scenario: 'baseline',
    people,
    layout: {
      as_of: asOf,
      width: drawn.nodes.reduce((w, b) => Math.max(w, b.x + b.width), 0),
      height: drawn.nodes.reduce((h, b) => Math.max(h, b.y + b.height), 0),
      ...drawn,
      dotted,
    },
    flags: org.flags ?? [],
    stats: statsOf(people),
    rules: RULE_DEFAULTS,
    teams: teamsOf(order, people),
    ...workloadOf(org, people, asOf),
  };
}

/** Teams as the real view gives them: no leads on file here, so the highest member met breadth-first leads. */
function teamsOf(order: readonly number[], people: readonly PersonCard[]): OrgView['teams'] {
  const teams = new Map<string, { lead: string; people: number }>();
  for (const i of order) {
    const p = people[i];
    if (!p?.team) continue;
    const t = teams.get(p.team);
    if (t) t.people += 1;
    else teams.set(p.team, { lead: p.id, people: 1 });
  }
  return [...teams].map(([id, t]) => ({ id, lead: t.lead, kind: null, people: t.people }));
}

/** Workstream rows, allocation rows and the org's key dates, with every ramp factor 1. */
function workloadOf(org: FakeOrg, people: PersonCard[], asOf: string): Pick<OrgView, 'workstreams' | 'allocations' | 'key_dates'> {
  const streams = org.workstreams ?? [];
  const open = new Map(streams.map((w) => [w.id, within(w.start_date, w.end_date, asOf)]));
  const allocations: AllocationRow[] = [];
  const dates = new Set<string>();
  for (const w of streams) for (const d of [w.start_date, w.end_date]) if (d) dates.add(d);
  for (const p of org.people) {
    for (const a of p.allocations ?? []) {
      for (const d of [a.start_date, a.end_date]) if (d) dates.add(d);
      const active = (open.get(a.workstream) ?? false) && within(a.start_date, a.end_date, asOf);
      allocations.push({ person: p.id, workstream: a.workstream, percent: a.percent, start_date: a.start_date ?? null, end_date: a.end_date ?? null, active });
    }
  }
  const percent = new Map<string, number>();
  for (const a of allocations) if (a.active) percent.set(a.person, (percent.get(a.person) ?? 0) + a.percent);
  for (const p of people) p.allocated_percent = percent.get(p.id) ?? 0;
  // The rows carry their dates, which the api's rows do not yet: the workload screen reads them when present.
  const workstreams: (WorkstreamRow & { start_date: string | null; end_date: string | null })[] = streams.map((w) => {
    const mine = allocations.filter((a) => a.active && a.workstream === w.id);
    const fte = Math.round(mine.reduce((sum, a) => sum + a.percent / 100, 0) * 10000) / 10000;
    return {
      id: w.id,
      name: w.name,
      team: w.team ?? null,
      kind: w.kind ?? 'feature',
      priority: w.priority ?? null,
      active: open.get(w.id) ?? false,
      start_date: w.start_date ?? null,
      end_date: w.end_date ?? null,
      required_fte: w.required_fte,
      effective_fte: fte,
      allocated_fte: fte,
      load: fte > 0 ? Math.round((w.required_fte / fte) * 10000) / 10000 : null,
      people: new Set(mine.map((a) => a.person)).size,
    };
  });
  return { workstreams, allocations, key_dates: [...dates].sort() };
}

/**
 * Dotted lines between drawn people, in the order of the person's card, each from the bottom
 * of the manager's card down (or up) to the middle of the person's card and into its side;
 * the real routes come from Rust.
 */
function dottedOf(people: readonly FakePerson[], nodes: readonly LayoutNode[]): LayoutEdge[] {
  const box = new Map(nodes.map((n) => [n.id, n]));
  const dottedOfPerson = new Map(people.map((p) => [p.id, p.dotted_managers ?? []]));
  const lines: LayoutEdge[] = [];
  for (const n of nodes) {
    const listed = dottedOfPerson.get(n.id) ?? [];
    listed.forEach((d, i) => {
      const m = box.get(d);
      if (!m || d === n.id || listed.slice(0, i).includes(d)) return;
      const x = m.x + (m.x < n.x ? (m.width * 3) / 4 : m.width / 4);
      const side = m.x < n.x ? n.x : n.x + n.width;
      const y = n.y + n.height / 2;
      lines.push({ from: d, to: n.id, points: [[x, m.y + m.height], [x, y], [side, y]] });
    });
  }
  return lines;
}

function layoutOf(
  order: number[],
  roots: number[],
  children: number[][],
  ids: string[],
  collapsed: Set<string>,
  depth: number[],
  orientation: Orientation = 'top-down',
): Pick<Layout, 'nodes' | 'edges'> {
  if (orientation === 'top-down') return treeLayout(order, roots, children, ids, collapsed, depth, CARD_WIDTH, CARD_HEIGHT);
  // Left to right: lay out top-down with the card's extents swapped, then transpose.
  const t = treeLayout(order, roots, children, ids, collapsed, depth, CARD_HEIGHT, CARD_WIDTH);
  return {
    nodes: t.nodes.map((n) => ({ id: n.id, x: n.y, y: n.x, width: CARD_WIDTH, height: CARD_HEIGHT })),
    edges: t.edges.map((e) => ({ ...e, points: e.points.map(([x, y]): [number, number] => [y, x]) })),
  };
}

function treeLayout(
  order: number[],
  roots: number[],
  children: number[][],
  ids: string[],
  collapsed: Set<string>,
  depth: number[],
  CARD_WIDTH: number,
  CARD_HEIGHT: number,
): Pick<Layout, 'nodes' | 'edges'> {
  const shown = (i: number) => (collapsed.has(ids[i] ?? '') ? [] : (children[i] ?? []));
  const width = new Array<number>(ids.length).fill(CARD_WIDTH);
  for (let k = order.length - 1; k >= 0; k--) {
    const i = order[k] as number;
    const kids = shown(i);
    if (kids.length === 0) continue;
    const sum = kids.reduce((s, c) => s + (width[c] ?? CARD_WIDTH), 0) + GAP_X * (kids.length - 1);
    width[i] = Math.max(CARD_WIDTH, sum);
  }
  const left = new Array<number>(ids.length).fill(0);
  let x = 0;
  for (const r of roots) {
    left[r] = x;
    x += (width[r] ?? CARD_WIDTH) + GAP_X * 2;
  }
  const nodes: LayoutNode[] = [];
  const edges: LayoutEdge[] = [];
  const stack = [...roots].reverse();
  while (stack.length > 0) {
    const i = stack.pop() as number;
    const nx = (left[i] ?? 0) + ((width[i] ?? CARD_WIDTH) - CARD_WIDTH) / 2;
    const ny = ((depth[i] ?? 1) - 1) * (CARD_HEIGHT + GAP_Y);
    nodes.push({ id: ids[i] ?? '', x: nx, y: ny, width: CARD_WIDTH, height: CARD_HEIGHT });
    const kids = shown(i);
    let cx = (left[i] ?? 0) + ((width[i] ?? CARD_WIDTH) - (kids.reduce((s, c) => s + (width[c] ?? 0), 0) + GAP_X * (kids.length - 1))) / 2;
    const midY = ny + CARD_HEIGHT + GAP_Y / 2;
    for (const c of kids) {
      left[c] = cx;
      const childX = cx + ((width[c] ?? CARD_WIDTH) - CARD_WIDTH) / 2 + CARD_WIDTH / 2;
      edges.push({
        from: ids[i] ?? '',
        to: ids[c] ?? '',
        points: [
          [nx + CARD_WIDTH / 2, ny + CARD_HEIGHT],
          [nx + CARD_WIDTH / 2, midY],
          [childX, midY],
          [childX, ny + CARD_HEIGHT + GAP_Y],
        ],
      });
      cx += (width[c] ?? CARD_WIDTH) + GAP_X;
    }
    for (let k = kids.length - 1; k >= 0; k--) stack.push(kids[k] as number);
  }
  return { nodes, edges };
}

function statsOf(people: PersonCard[]): Stats {
  const histogram: Record<string, number> = {};
  let headcount = 0;
  let managers = 0;
  let open = 0;
  let spanSum = 0;
  let maxSpan = 0;
  let layers = 0;
  for (const p of people) {
    layers = Math.max(layers, p.depth);
    if (p.status === 'open') {
      open++;
      continue;
    }
    headcount++;
    if (p.role !== 'ic') {
      managers++;
      spanSum += p.span;
      maxSpan = Math.max(maxSpan, p.span);
      histogram[String(p.span)] = (histogram[String(p.span)] ?? 0) + 1;
    }
  }
  return {
    headcount,
    managers,
    ics: headcount - managers,
    open_roles: open,
    ic_capacity: headcount - managers,
    mean_span: managers === 0 ? 0 : Math.round((spanSum / managers) * 10000) / 10000,
    max_span: maxSpan,
    layers,
    span_histogram: histogram,
  };
}

const FIRST = ['Ada', 'Bela', 'Chen', 'Dana', 'Emeka', 'Farah', 'Goran', 'Hana', 'Ines', 'Jonas', 'Kiri', 'Lena', 'Mateo', 'Nadia', 'Omar', 'Priya', 'Quinn', 'Rosa', 'Sami', 'Tomás'];
const LAST = ['Okafor', 'Lindqvist', 'Tanaka', 'Moreau', 'Haddad', 'Novak', 'Silva', 'Kowalski', 'Mensah', 'Rossi', 'Ibarra', 'Fischer', 'Nguyen', 'Costa'];
const TEAMS = ['Platform', 'Payments', 'Search', 'Mobile', 'Data', 'Growth', 'Security', 'Infra'];

/**
 * A deterministic org of `n` people: one root, managers of up to `span` reports, names
 * from fixed lists. Used by tests and by the UI when it runs outside Tauri.
 */
export function syntheticOrg(n: number, span = 6): FakeOrg {
  const people: FakePerson[] = [];
  for (let i = 0; i < n; i++) {
    const manager = i === 0 ? null : `p${Math.floor((i - 1) / span)}`;
    people.push({
      id: `p${i}`,
      name: `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}`,
      title: i === 0 ? 'Chief Technology Officer' : i <= span ? 'Director of Engineering' : 'Software Engineer',
      manager_id: manager,
      team: i === 0 ? null : (TEAMS[i % TEAMS.length] ?? null),
    });
  }
  return { name: `Synthetic org (${n})`, as_of: '2026-11-24', people };
}
