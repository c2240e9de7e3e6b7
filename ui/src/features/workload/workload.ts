import type { AllocationRow, PersonCard, WorkstreamRow } from '../../lib/backend';

// The workload screen's figures: how loaded each workstream is and who is allocated where.
// Pure, so the thresholds and the grid are unit-tested.

export type LoadState = 'unstaffed' | 'over' | 'ok' | 'idle';

/** `idle`: nothing required. `unstaffed`: required but nobody effective. `over`: required / effective above the ratio. */
export function loadState(w: WorkstreamRow, overloadRatio: number): LoadState {
  if (w.required_fte <= 0) return 'idle';
  if (w.effective_fte <= 0) return 'unstaffed';
  return w.required_fte / w.effective_fte > overloadRatio ? 'over' : 'ok';
}

const ORDER: Record<LoadState, number> = { unstaffed: 0, over: 1, ok: 2, idle: 3 };

/** Active workstreams, the ones needing attention first, then by team and name. */
export function workstreamRows(rows: readonly WorkstreamRow[], overloadRatio: number): (WorkstreamRow & { state: LoadState })[] {
  return rows
    .filter((w) => w.active)
    .map((w) => ({ ...w, state: loadState(w, overloadRatio) }))
    .sort(
      (a, b) =>
        ORDER[a.state] - ORDER[b.state] ||
        (a.team ?? '').localeCompare(b.team ?? '') ||
        a.name.localeCompare(b.name),
    );
}

export interface GridRow {
  person: PersonCard;
  /** Percent per workstream id (allocations to the same workstream added up). */
  cells: Map<string, number>;
  total: number;
  over: boolean;
}

export interface Grid {
  columns: WorkstreamRow[];
  rows: GridRow[];
  /** People with allocations left out beyond the row limit. */
  more: number;
}

/**
 * The person × workstream grid of allocations active on the view's day: only people and
 * workstreams that have one, people over their FTE first, then by name; at most `limit` rows.
 */
export function allocationGrid(
  people: readonly PersonCard[],
  workstreams: readonly WorkstreamRow[],
  allocations: readonly AllocationRow[],
  limit = 400,
): Grid {
  const byPerson = new Map<string, Map<string, number>>();
  const used = new Set<string>();
  for (const a of allocations) {
    if (!a.active) continue;
    let cells = byPerson.get(a.person);
    if (!cells) byPerson.set(a.person, (cells = new Map()));
    cells.set(a.workstream, (cells.get(a.workstream) ?? 0) + a.percent);
    used.add(a.workstream);
  }
  const columns = workstreams
    .filter((w) => used.has(w.id))
    .sort((a, b) => (a.team ?? '').localeCompare(b.team ?? '') || a.name.localeCompare(b.name));
  const rows: GridRow[] = [];
  for (const person of people) {
    const cells = byPerson.get(person.id);
    if (!cells) continue;
    let total = 0;
    for (const v of cells.values()) total += v;
    rows.push({ person, cells, total, over: total > person.fte * 100 + 1e-9 });
  }
  rows.sort((a, b) => Number(b.over) - Number(a.over) || a.person.name.localeCompare(b.person.name));
  return { columns, rows: rows.slice(0, limit), more: Math.max(0, rows.length - limit) };
}

/** 1.5 → "1.5", 2 → "2", 0.3333 → "0.33": figures as people write them. */
export function figure(x: number): string {
  return String(Math.round(x * 100) / 100);
}
