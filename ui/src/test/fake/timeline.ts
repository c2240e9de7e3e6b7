import type { Ahead, Rule, Severity, Staffing, TeamSeries, Timeline, WorkstreamSeries } from '../../lib/backend/types';
import type { FakePerson, FakeWorkstream } from './org';

// The fake backend's timeline: the real one's definitions (docs/model.md, "Timeline") over the
// fake's orgs, where people have no dates and every ramp factor is 1, so only allocations and
// workstreams start and end. The problems ahead are the three workload rules, checked on every
// day an allocation or workstream starts or ends.

/** The org the timeline reads: the current state's people and workstreams. */
export interface FakePlan {
  people: readonly FakePerson[];
  workstreams: readonly FakeWorkstream[];
}

/** "2027-03-14" → "2027-03-01" plus `k` months. */
export function monthStart(day: string, k = 0): string {
  const [y, m] = day.split('-').map(Number);
  const index = (y ?? 1970) * 12 + ((m ?? 1) - 1) + k;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

/** How effective FTE meets what a workstream requires: core's `Staffing::of`. */
export function staffingOf(required: number, effective: number, overloadRatio: number): Staffing {
  if (required <= 0) return effective > 0 ? 'over' : 'none';
  const ratio = effective > 0 ? required / effective : Infinity;
  if (ratio > overloadRatio) return 'gap';
  if (effective < required) return 'tight';
  return effective > required * overloadRatio ? 'over' : 'fine';
}

const round4 = (x: number) => Math.round(x * 10000) / 10000;

function within(start: string | null | undefined, end: string | null | undefined, day: string): boolean {
  return (!start || start <= day) && (!end || day < end);
}

/** Each workstream's required FTE, effective FTE and active allocations on `day`. */
function loads(plan: FakePlan, day: string): Map<string, { required: number; effective: number; allocations: number }> {
  const out = new Map<string, { required: number; effective: number; allocations: number }>();
  for (const w of plan.workstreams) {
    if (out.has(w.id)) continue;
    out.set(w.id, { required: within(w.start_date, w.end_date, day) ? w.required_fte : 0, effective: 0, allocations: 0 });
  }
  const active = new Map(plan.workstreams.map((w) => [w.id, within(w.start_date, w.end_date, day)]));
  for (const p of plan.people) {
    for (const a of p.allocations ?? []) {
      const load = out.get(a.workstream);
      if (!load || !active.get(a.workstream) || !within(a.start_date, a.end_date, day)) continue;
      load.effective += a.percent / 100;
      load.allocations += 1;
    }
  }
  return out;
}

interface Finding {
  rule: Rule;
  severity: Severity;
  kind: 'person' | 'workstream';
  id: string;
  name: string;
}

/** The workload rules' flags on `day`, keyed by rule and subject. */
function findings(plan: FakePlan, day: string, overloadRatio: number): Map<string, Finding> {
  const out = new Map<string, Finding>();
  const names = new Map(plan.workstreams.map((w) => [w.id, w.name]));
  for (const [id, load] of loads(plan, day)) {
    if (load.required <= 0) continue;
    const name = names.get(id) ?? id;
    if (load.allocations === 0) out.set(`workstream-unstaffed ${id}`, { rule: 'workstream-unstaffed', severity: 'error', kind: 'workstream', id, name });
    else if (load.required / load.effective > overloadRatio)
      out.set(`workstream-overloaded ${id}`, { rule: 'workstream-overloaded', severity: 'warning', kind: 'workstream', id, name });
  }
  const active = new Map(plan.workstreams.map((w) => [w.id, within(w.start_date, w.end_date, day)]));
  for (const p of plan.people) {
    const percent = (p.allocations ?? [])
      .filter((a) => active.get(a.workstream) && within(a.start_date, a.end_date, day))
      .reduce((sum, a) => sum + a.percent, 0);
    if (percent > 100) out.set(`person-overallocated ${p.id}`, { rule: 'person-overallocated', severity: 'warning', kind: 'person', id: p.id, name: p.name });
  }
  return out;
}

const BECOMES: Record<string, [string, string]> = {
  'workstream-unstaffed': ['becomes unstaffed', 'is staffed again'],
  'workstream-overloaded': ['becomes overloaded', 'is no longer overloaded'],
  'person-overallocated': ['becomes over-allocated', 'is no longer over-allocated'],
};
const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The timeline of `plan` over `months` months from `from`, as the real session computes it. */
export function timelineOf(plan: FakePlan, from: string, months: number, overloadRatio: number): Timeline {
  const days = Array.from({ length: months }, (_, k) => monthStart(from, k));
  const end = monthStart(from, months);

  const workstreams = new Map<string, WorkstreamSeries>();
  for (const w of [...plan.workstreams].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    if (!workstreams.has(w.id))
      workstreams.set(w.id, { id: w.id, name: w.name, team: w.team ?? null, required: [], effective: [], staffing: [] });
  }
  const teamIds = new Set<string>();
  for (const p of plan.people) if (p.team) teamIds.add(p.team);
  for (const w of plan.workstreams) if (w.team) teamIds.add(w.team);
  const teams = new Map<string, TeamSeries>(
    [...teamIds].sort().map((id) => [id, { id, headcount: [], ic_capacity: [], required: [] }]),
  );
  const hasReports = new Set(plan.people.map((p) => p.manager_id).filter((m): m is string => !!m));

  for (const day of days) {
    const load = loads(plan, day);
    for (const row of workstreams.values()) {
      const l = load.get(row.id) ?? { required: 0, effective: 0, allocations: 0 };
      row.required.push(round4(l.required));
      row.effective.push(round4(l.effective));
      row.staffing.push(staffingOf(l.required, l.effective, overloadRatio));
    }
    for (const t of teams.values()) {
      const members = plan.people.filter((p) => p.team === t.id);
      t.headcount.push(members.filter((p) => p.status !== 'open').length);
      const ics = members.filter((p) => (p.role ?? (hasReports.has(p.id) ? 'manager' : 'ic')) === 'ic');
      t.ic_capacity.push(ics.length);
      const required = plan.workstreams.filter((w) => w.team === t.id).reduce((s, w) => s + (load.get(w.id)?.required ?? 0), 0);
      t.required.push(round4(required));
    }
  }

  // Every day an allocation or workstream starts or ends, after `from` and before the end.
  const changes = new Set<string>();
  const dated = [...plan.workstreams, ...plan.people.flatMap((p) => p.allocations ?? [])];
  for (const x of dated) for (const d of [x.start_date, x.end_date]) if (d && d > from && d < end) changes.add(d);
  const ahead: Ahead[] = [];
  let before = findings(plan, from, overloadRatio);
  for (const day of [...changes].sort()) {
    const now = findings(plan, day, overloadRatio);
    const news: Ahead[] = [];
    for (const [key, f] of now) if (!before.has(key)) news.push(aheadOf(f, day, true));
    for (const [key, f] of before) if (!now.has(key)) news.push(aheadOf(f, day, false));
    news.sort(
      (a, b) =>
        SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
        a.rule.localeCompare(b.rule) ||
        a.subject.id.localeCompare(b.subject.id),
    );
    ahead.push(...news);
    before = now;
  }
  return { from, months: days, workstreams: [...workstreams.values()], teams: [...teams.values()], ahead };
}

function aheadOf(f: Finding, day: string, starts: boolean): Ahead {
  const [on, off] = BECOMES[f.rule] ?? ['starts', 'ends'];
  return {
    rule: f.rule,
    severity: f.severity,
    subject: { kind: f.kind, id: f.id },
    ...(starts ? { starts: day } : { ends: day }),
    message: `${f.name} ${starts ? on : off} on ${day}.`,
    detail: `${f.name}: ${f.rule}`,
  };
}
