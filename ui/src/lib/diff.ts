import type { Diff } from './backend';

// How a scenario comparison reads: which figures changed and by how much, and who to
// highlight on the chart.

export interface MetricRow {
  name: string;
  label: string;
  before: number;
  after: number;
  delta: number;
}

const LABELS: Record<string, string> = {
  headcount: 'People',
  managers: 'Managers',
  ics: 'ICs',
  open_roles: 'Open roles',
  ic_capacity: 'IC capacity',
  mean_span: 'Mean span',
  max_span: 'Largest span',
  layers: 'Layers',
  errors: 'Errors',
  warnings: 'Warnings',
  info: 'Notes',
};

/** Figures in a fixed order (known ones first), changed ones marked by a non-zero delta. */
export function metricRows(diff: Diff): MetricRow[] {
  const known = Object.keys(LABELS);
  const names = Object.keys(diff.metrics).sort(
    (a, b) => (known.indexOf(a) + 1 || 99) - (known.indexOf(b) + 1 || 99) || a.localeCompare(b),
  );
  return names.map((name) => {
    const [before, after] = diff.metrics[name] ?? [0, 0];
    return { name, label: LABELS[name] ?? name.replace(/_/g, ' '), before, after, delta: round(after - before) };
  });
}

/** People the chart should mark: moved, added or with a changed field. */
export function touched(diff: Diff): Set<string> {
  return new Set([...diff.moved.map((m) => m.person), ...diff.added, ...diff.changed.map((c) => c.person)]);
}

export function isEmpty(diff: Diff): boolean {
  return (
    diff.added.length + diff.removed.length + diff.moved.length + diff.changed.length === 0 &&
    diff.flags_added.length + diff.flags_resolved.length === 0 &&
    Object.values(diff.metrics).every(([a, b]) => a === b) &&
    (diff.cost == null || diff.cost.people.length + diff.cost.joined + diff.cost.left + diff.cost.changed === 0)
  );
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
