import type {
  CostDiff,
  CostSettings,
  CostStats,
  Edit,
  Flag,
  Projection,
  WorkstreamCost,
} from '../../lib/backend/types';
import { cents, units } from '../../lib/money';
import { refused } from './edits';
import type { FakePerson } from './org';

// Pay as core computes it (crates/core/src/cost), on the fake's people: a person's own cost,
// else their level's band × fte, else unknown (0 in every sum); the run-rate by team against
// budgets, workstream cost, the waterfall between two states and the fiscal year month by
// month. Sums are in cents, as in core, so the waterfall's identity holds exactly. The fake
// has no dates on people: everyone in a state is present all year.

/** Whether a state carries any pay data (core's `has_cost`). */
export function hasCost(people: readonly FakePerson[], settings: CostSettings): boolean {
  return (settings.bands ?? []).length > 0 || (settings.budgets ?? []).length > 0 || people.some((p) => p.cost != null);
}

const levelKey = (level: string) => level.trim().toLowerCase();

/** What each person costs a year, in cents; null when unknown. */
export function costOf(settings: CostSettings): (p: FakePerson) => number | null {
  const bands = new Map<string, number>();
  for (const b of settings.bands ?? []) if (!bands.has(levelKey(b.level))) bands.set(levelKey(b.level), cents(b.annual_cost));
  return (p) => {
    if (p.cost != null) return cents(p.cost);
    const band = p.level ? bands.get(levelKey(p.level)) : undefined;
    return band === undefined ? null : Math.round(band * (p.fte ?? 1));
  };
}

/** `stats.cost`: the run-rate, unknowns and budgets by team. */
export function costStats(people: readonly FakePerson[], settings: CostSettings): CostStats {
  const cost = costOf(settings);
  const byTeam = new Map<string, number>();
  const unknownByTeam: Record<string, number> = {};
  let annual = 0;
  let unknown = 0;
  for (const p of people) {
    const c = cost(p);
    if (c === null) {
      unknown++;
      if (p.team) unknownByTeam[p.team] = (unknownByTeam[p.team] ?? 0) + 1;
    } else annual += c;
    if (p.team) byTeam.set(p.team, (byTeam.get(p.team) ?? 0) + (c ?? 0));
  }
  const budgets: Record<string, number> = {};
  for (const b of settings.budgets ?? []) {
    budgets[b.team] = b.annual_budget;
    if (b.team !== '*' && !byTeam.has(b.team)) byTeam.set(b.team, 0);
  }
  return {
    currency: settings.currency ?? null,
    annual: units(annual),
    unknown,
    by_team: Object.fromEntries([...byTeam].sort(([a], [b]) => a.localeCompare(b)).map(([t, c]) => [t, units(c)])),
    unknown_by_team: unknownByTeam,
    budgets,
  };
}

/** The `over-budget` flags of a state: each team whose run-rate exceeds its budget by more than `tolerance` percent. */
export function overBudget(stats: CostStats, tolerance = 0): Flag[] {
  const flags: Flag[] = [];
  for (const [team, budget] of Object.entries(stats.budgets ?? {})) {
    const spent = team === '*' ? stats.annual : (stats.by_team[team] ?? 0);
    if (cents(spent) * 100 > cents(budget) * (100 + tolerance)) {
      const whom = team === '*' ? 'The whole org' : `Team ${team}`;
      const over = Math.round(((cents(spent) - cents(budget)) * 10000) / Math.max(cents(budget), 1)) / 100;
      flags.push({
        rule: 'over-budget',
        severity: 'warning',
        subject: { kind: 'team', id: team },
        message: `${whom} runs ${over}% over its annual budget (tolerance ${tolerance}%).`,
      });
    }
  }
  return flags;
}

/** Each workstream's cost: Σ over its active allocations of percent / 100 × the person's cost. */
export function workstreamCost(people: readonly FakePerson[], settings: CostSettings, active: (person: string, workstream: string) => number[]): (ws: string) => WorkstreamCost {
  const cost = costOf(settings);
  return (ws) => {
    let annual = 0;
    let unknown = 0;
    for (const p of people) {
      for (const percent of active(p.id, ws)) {
        const c = cost(p);
        if (c === null) unknown++;
        else annual += Math.round((c * percent) / 100);
      }
    }
    return { annual: units(annual), unknown };
  };
}

/** The waterfall from one state to another: before + joined − left + changed = after, in cents. */
export function costDiff(
  before: readonly FakePerson[],
  beforeSettings: CostSettings,
  after: readonly FakePerson[],
  afterSettings: CostSettings,
): CostDiff | undefined {
  if (!hasCost(before, beforeSettings) && !hasCost(after, afterSettings)) return undefined;
  const old = costOf(beforeSettings);
  const now = costOf(afterSettings);
  const was = new Map(before.map((p) => [p.id, old(p)]));
  const is = new Map(after.map((p) => [p.id, now(p)]));
  const d = { before: 0, after: 0, joined: 0, left: 0, changed: 0, unknown_before: 0, unknown_after: 0 };
  const people: CostDiff['people'] = [];
  for (const [id, b] of was) {
    d.before += b ?? 0;
    if (b === null) d.unknown_before++;
    if (!is.has(id)) d.left += b ?? 0;
    else {
      const a = is.get(id) ?? null;
      d.changed += (a ?? 0) - (b ?? 0);
      if (a !== b) people.push({ person: id, before: b === null ? null : units(b), after: a === null ? null : units(a) });
    }
  }
  for (const [id, a] of is) {
    d.after += a ?? 0;
    if (a === null) d.unknown_after++;
    if (!was.has(id)) d.joined += a ?? 0;
  }
  return {
    currency: afterSettings.currency ?? beforeSettings.currency ?? null,
    before: units(d.before),
    after: units(d.after),
    joined: units(d.joined),
    left: units(d.left),
    changed: units(d.changed),
    unknown_before: d.unknown_before,
    unknown_after: d.unknown_after,
    people,
  };
}

/** `amount × days / of`, rounded half up, as core's `Money::pro_rata`. */
function proRata(amount: number, days: number, of: number): number {
  return Math.floor((2 * amount * days + of) / (2 * of));
}

const DAY = 86_400_000;
const utc = (y: number, m: number) => Date.UTC(y, m - 1, 1);

/** The fiscal year holding `asOf`, month by month, everyone present all year (core's `projection`). */
export function projection(people: readonly FakePerson[], settings: CostSettings, asOf: string): Projection {
  const startMonth = settings.fiscal_year_start ?? 1;
  const [y, m] = asOf.split('-').map(Number) as [number, number];
  const year = m >= startMonth ? y : y - 1;
  const start = utc(year, startMonth);
  const end = utc(year + 1, startMonth);
  const yearDays = Math.round((end - start) / DAY);
  const cost = costOf(settings);
  const months: Projection['months'] = [];
  let total = 0;
  for (let k = 0; k < 12; k++) {
    const first = utc(year, startMonth + k);
    const next = utc(year, startMonth + k + 1);
    const before = Math.round((first - start) / DAY);
    const through = before + Math.round((next - first) / DAY);
    let month = 0;
    let unknown = 0;
    for (const p of people) {
      const c = cost(p);
      if (c === null) unknown++;
      else month += proRata(c, through, yearDays) - proRata(c, before, yearDays);
    }
    const d = new Date(first);
    months.push({ month: `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`, cost: units(month), unknown });
    total += month;
  }
  const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
  return { currency: settings.currency ?? null, start: iso(start), end: iso(end), months, total: units(total) };
}

/** A `set-cost` edit on the settings, checked as core checks it: refused ones throw and change nothing. */
export function settingsAfter(settings: CostSettings, edit: Extract<Edit, { op: 'set-cost' }>, teams: ReadonlySet<string>): CostSettings {
  const c = edit.change;
  const amount = (field: string, value: number | null) => {
    if (value !== null && !(value >= 0)) throw refused(`${field}: must be 0 or more, found ${value}`);
  };
  switch (c.field) {
    case 'currency':
      return { ...settings, currency: c.value };
    case 'fiscal_year_start':
      if (!(c.value >= 1 && c.value <= 12)) throw refused(`cost.fiscal_year_start: must be a month from 1 to 12, found ${c.value}`);
      return { ...settings, fiscal_year_start: c.value };
    case 'band': {
      const { level, annual_cost } = c.value;
      if (level.trim() === '') throw refused('band.level: a band needs a level');
      amount('band.annual_cost', annual_cost);
      const bands = settings.bands ?? [];
      const i = bands.findIndex((b) => levelKey(b.level) === levelKey(level));
      if (annual_cost === null) {
        if (i < 0) throw refused(`band.level: no band for level "${level}"`);
        return { ...settings, bands: bands.filter((_, k) => k !== i) };
      }
      const band = { level: i < 0 ? level.trim() : (bands[i]?.level ?? level), annual_cost };
      return { ...settings, bands: i < 0 ? [...bands, band] : bands.map((b, k) => (k === i ? band : b)) };
    }
    case 'budget': {
      const { team, annual_budget } = c.value;
      if (team !== '*' && !teams.has(team)) throw refused(`no team is named "${team}"`);
      amount('budget.annual_budget', annual_budget);
      const budgets = settings.budgets ?? [];
      const i = budgets.findIndex((b) => b.team === team);
      if (annual_budget === null) {
        if (i < 0) throw refused(`budget.team: no budget for team "${team}"`);
        return { ...settings, budgets: budgets.filter((_, k) => k !== i) };
      }
      const budget = { team, annual_budget };
      return { ...settings, budgets: i < 0 ? [...budgets, budget] : budgets.map((b, k) => (k === i ? budget : b)) };
    }
  }
}
