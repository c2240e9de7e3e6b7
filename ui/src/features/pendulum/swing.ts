import type { PersonCard, Stats, Suggestion, SwingCost, TimelinePoint } from '../../lib/backend';
import { signed } from '../../lib/format';

// The swing planner's choices and the report's small capacity chart, as pure functions.

/** The way a person can swing: ICs to manager, anyone leading people back to IC. */
export function direction(person: PersonCard): 'manager' | 'ic' {
  return person.role === 'ic' ? 'manager' : 'ic';
}

/** Who could report to a new manager: their peers (same manager), ICs, not assistants, by name. */
export function peersFor(person: PersonCard, people: readonly PersonCard[]): PersonCard[] {
  return people
    .filter(
      (p) =>
        p.id !== person.id &&
        p.manager_id === person.manager_id &&
        p.role === 'ic' &&
        !p.assistant &&
        p.status !== 'open',
    )
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Who could take over a manager's reports: their direct reports, by name. */
export function successorsFor(person: PersonCard, people: readonly PersonCard[]): PersonCard[] {
  return people
    .filter((p) => p.manager_id === person.id && p.status !== 'open')
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Stats before and after as the `[before, after]` metrics map the comparison table reads. */
export function statsMetrics(before: Stats, after: Stats): Record<string, [number, number]> {
  const keys = ['headcount', 'managers', 'ics', 'open_roles', 'ic_capacity', 'mean_span', 'max_span', 'layers'] as const;
  return Object.fromEntries(keys.map((k) => [k, [before[k], after[k]] as [number, number]]));
}

/** A label on an axis of the capacity chart, where it is drawn. */
export interface Tick {
  at: number;
  label: string;
}

/** The swing report's capacity chart: both lines inside axes, with month and value labels. */
export interface CapacityChart {
  width: number;
  height: number;
  /** The plot's box: left, right, top, bottom. */
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  before: string;
  after: string;
  /** Values on the vertical axis (lowest and highest, and the middle when they differ). */
  values: Tick[];
  /** Months on the horizontal axis: the first, the middle and the last. */
  months: Tick[];
  /** The last month's capacity with and without the swing, at the height it is drawn. */
  endAfter: Tick;
  endBefore: Tick | null;
}

/**
 * IC capacity with and without the swing month by month, on one vertical scale from the lowest
 * value to the highest, with the axes' labels (`format` writes a value, `month` a `YYYY-MM`).
 */
export function capacityChart(
  points: readonly TimelinePoint[],
  width: number,
  height: number,
  format: (v: number) => string,
  month: (m: string) => string,
): CapacityChart {
  const [x0, x1, y0, y1] = [34, width - 34, 6, height - 16];
  const values = points.flatMap((p) => [p.ic_capacity, p.ic_capacity_before]);
  const lo = values.length ? Math.min(...values) : 0;
  const hi = values.length ? Math.max(...values) : 0;
  // A flat series still gets a scale one unit tall, centred on it.
  const [min, max] = hi - lo < 1e-9 ? [lo - 0.5, hi + 0.5] : [lo, hi];
  const x = (i: number) => (points.length <= 1 ? (x0 + x1) / 2 : x0 + (i * (x1 - x0)) / (points.length - 1));
  const y = (v: number) => y1 - ((v - min) * (y1 - y0)) / (max - min);
  const line = (pick: (p: TimelinePoint) => number) =>
    points.map((p, i) => `${x(i).toFixed(1)},${y(pick(p)).toFixed(1)}`).join(' ');
  const ticks = hi - lo < 1e-9 ? [lo] : [lo, (lo + hi) / 2, hi];
  const at = [0, Math.floor((points.length - 1) / 2), points.length - 1].filter((i, k, all) => i >= 0 && all.indexOf(i) === k);
  const last = points[points.length - 1];
  const endAfter = { at: y(last?.ic_capacity ?? lo), label: format(last?.ic_capacity ?? 0) };
  const before = last ? { at: y(last.ic_capacity_before), label: format(last.ic_capacity_before) } : null;
  return {
    width,
    height,
    x0,
    x1,
    y0,
    y1,
    before: line((p) => p.ic_capacity_before),
    after: line((p) => p.ic_capacity),
    values: ticks.map((v) => ({ at: y(v), label: format(v) })),
    months: at.map((i) => ({ at: x(i), label: month(points[i]!.month) })),
    endAfter,
    // One label when both lines end within a label's height of each other.
    endBefore: before && Math.abs(before.at - endAfter.at) >= 9 ? before : null,
  };
}

/** What a swing does to cost, as the planner says it: the run-rate's change and each affected workstream's. */
export interface SwingCostLines {
  /** after − before of the run-rate; 0 when the swing keeps everyone's level. */
  runRate: number;
  before: number;
  after: number;
  currency: string | null;
  workstreams: { id: string; name: string; before: number; after: number }[];
}

export function swingCostLines(cost: SwingCost, nameOf: (id: string) => string | undefined): SwingCostLines {
  const r = cost.run_rate;
  return {
    runRate: Math.round((r.after - r.before) * 100) / 100,
    before: r.before,
    after: r.after,
    currency: r.currency ?? null,
    workstreams: Object.entries(cost.workstreams)
      .filter(([, [b, a]]) => a !== b)
      .map(([id, [before, after]]) => ({ id, name: nameOf(id) ?? id, before, after }))
      .sort((x, y) => x.name.localeCompare(y.name)),
  };
}

/** A suggestion in one line: who swings where, then its effect as `simulate` reports it. */
export function suggestionLine(s: Suggestion, nameOf: (id: string) => string | undefined): { title: string; effect: string } {
  const name = (id: string) => nameOf(id) ?? id;
  const w = s.swing;
  const title =
    w.to === 'ic'
      ? `${name(w.person)} to IC, ${w.successor ? `${name(w.successor)} takes the team` : 'reports to peer managers'}`
      : `${name(w.person)} to manager of ${w.reports.length} (${w.reports.map(name).join(', ')})`;
  const parts = [
    `resolves ${s.resolves.length}`,
    s.adds.length === 0 ? 'adds no flag' : `adds ${s.adds.length}`,
    `${s.moves} ${s.moves === 1 ? 'move' : 'moves'}`,
    `IC capacity ${signed(s.ic_capacity_delta)}`,
  ];
  return { title, effect: parts.join(' · ') };
}
