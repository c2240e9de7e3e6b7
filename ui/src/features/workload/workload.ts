import { figure } from '../../lib/format';
import { RULE_DEFAULTS, type AllocationRow, type Edit, type PersonCard, type WorkstreamRow } from '../../lib/backend';

// The workload screen's figures: how loaded each workstream is and who is allocated where.
// Pure, so the thresholds and the grid are unit-tested.

export type LoadState = 'unstaffed' | 'over' | 'ok' | 'idle';

/** How a load state reads in the table, the grid's headers and their tooltips. */
export const STATE_LABEL: Record<LoadState, string> = {
  unstaffed: 'Unstaffed',
  over: 'Overloaded',
  ok: 'Staffed',
  idle: 'No target',
};

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

export type GridColumn = WorkstreamRow & { state: LoadState };

export interface Grid {
  columns: GridColumn[];
  rows: GridRow[];
  /** People with allocations left out beyond the row limit. */
  more: number;
  /** Workstreams left out beyond the column limit. */
  moreColumns: number;
}

export interface GridOptions {
  /** At most this many rows (people). */
  limit?: number;
  /** At most this many columns (workstreams). */
  columnLimit?: number;
  /** People to show as rows even without an allocation (added by the user to fill in). */
  extra?: readonly string[];
  /** Workstreams shown as columns whenever active (just added by the user, to allocate people to). */
  pinned?: readonly string[];
  overloadRatio?: number;
}

/**
 * The person × workstream grid of allocations active on the view's day. Rows: people with
 * an allocation, over their FTE first, then by name; then the `extra` people without one.
 * Columns: active workstreams someone is allocated to, that are unstaffed (the gaps to fill)
 * or `pinned`, or every active one when there is none of these, by team and name.
 */
export function allocationGrid(
  people: readonly PersonCard[],
  workstreams: readonly WorkstreamRow[],
  allocations: readonly AllocationRow[],
  options: GridOptions = {},
): Grid {
  const { limit = 400, columnLimit = 80, extra = [], pinned = [], overloadRatio = RULE_DEFAULTS.overload_ratio } = options;
  const byPerson = new Map<string, Map<string, number>>();
  const used = new Set<string>();
  for (const a of allocations) {
    if (!a.active) continue;
    let cells = byPerson.get(a.person);
    if (!cells) byPerson.set(a.person, (cells = new Map()));
    cells.set(a.workstream, (cells.get(a.workstream) ?? 0) + a.percent);
    used.add(a.workstream);
  }
  const active = workstreams.filter((w) => w.active).map((w) => ({ ...w, state: loadState(w, overloadRatio) }));
  const pins = new Set(pinned);
  let candidates = active.filter((w) => used.has(w.id) || w.state === 'unstaffed' || pins.has(w.id));
  if (candidates.length === 0) candidates = active;
  candidates.sort((a, b) => (a.team ?? '').localeCompare(b.team ?? '') || a.name.localeCompare(b.name));
  const rows: GridRow[] = [];
  const byId = new Map(people.map((p) => [p.id, p]));
  for (const person of people) {
    const cells = byPerson.get(person.id);
    if (!cells) continue;
    let total = 0;
    for (const v of cells.values()) total += v;
    rows.push({ person, cells, total, over: total > person.fte * 100 + 1e-9 });
  }
  rows.sort((a, b) => Number(b.over) - Number(a.over) || a.person.name.localeCompare(b.person.name));
  const shown = rows.slice(0, limit);
  const seen = new Set(shown.map((r) => r.person.id));
  for (const id of extra) {
    const person = byId.get(id);
    if (!person || seen.has(id) || byPerson.has(id)) continue;
    seen.add(id);
    shown.push({ person, cells: new Map(), total: 0, over: false });
  }
  return {
    columns: candidates.slice(0, columnLimit),
    rows: shown,
    more: Math.max(0, rows.length - limit),
    moreColumns: Math.max(0, candidates.length - columnLimit),
  };
}

/** What was typed in a cell: a new percent, a removal (empty or 0), or why it cannot be used. */
export type CellInput = { kind: 'set'; percent: number } | { kind: 'remove' } | { kind: 'invalid'; message: string };

/** Reads "50", "50%", "12,5" or "" (remove) as a percent of a full-time week, in (0, 100]. */
export function parsePercent(text: string): CellInput {
  const t = text.trim().replace(/%$/, '').trim().replace(',', '.');
  if (t === '') return { kind: 'remove' };
  const n = /^[+-]?(\d+\.?\d*|\.\d+)$/.test(t) ? Number(t) : NaN;
  if (!Number.isFinite(n)) return { kind: 'invalid', message: `"${text.trim()}" is not a percent: type a number from 0 to 100` };
  if (n < 0) return { kind: 'invalid', message: 'A percent cannot be negative: type 0 or leave it empty to remove' };
  if (n === 0) return { kind: 'remove' };
  if (n > 100) return { kind: 'invalid', message: `${figure(n)}% is more than a full week: at most 100` };
  return { kind: 'set', percent: Math.round(n * 100) / 100 };
}

/**
 * The edit that makes the cell (person, workstream) show `input` on the view's day; null when
 * nothing would change. One allocation active that day keeps its dates; several active ones
 * become one spanning them all; allocations of the pair on other days are kept (deallocate
 * removes every one, so a batch adds those back and undo takes it back in one step).
 */
export function cellEdit(
  allocations: readonly AllocationRow[],
  person: string,
  workstream: string,
  input: { kind: 'set'; percent: number } | { kind: 'remove' },
): Edit | null {
  const pair = allocations.filter((a) => a.person === person && a.workstream === workstream);
  const active = pair.filter((a) => a.active);
  const others = pair.filter((a) => !a.active);
  const label = `Allocation of ${person} to ${workstream}`;
  const dated = (a: AllocationRow, percent = a.percent): Edit => ({
    op: 'allocate',
    allocation: { person, workstream, percent, start_date: a.start_date, end_date: a.end_date },
  });
  const rebuilt = (last: Edit[]): Edit => {
    const edits: Edit[] = [{ op: 'deallocate', person, workstream }, ...others.map((a) => dated(a)), ...last];
    return edits.length === 1 ? (edits[0] as Edit) : { op: 'batch', label, edits };
  };
  if (input.kind === 'remove') return active.length === 0 ? null : rebuilt([]);
  const percent = input.percent;
  const only = active.length === 1 ? active[0] : undefined;
  if (only) return only.percent === percent ? null : dated(only, percent);
  if (active.length === 0) {
    return { op: 'allocate', allocation: { person, workstream, percent, start_date: null, end_date: null } };
  }
  const starts = active.map((a) => a.start_date);
  const ends = active.map((a) => a.end_date);
  const start = starts.includes(null) ? null : (starts as string[]).reduce((x, y) => (y < x ? y : x));
  const end = ends.includes(null) ? null : (ends as string[]).reduce((x, y) => (y > x ? y : x));
  return rebuilt([{ op: 'allocate', allocation: { person, workstream, percent, start_date: start, end_date: end } }]);
}

export interface CellPosition {
  row: number;
  col: number;
}

/** Where an arrow, Home or End key moves in a rows × cols grid (clamped); null for other keys. */
export function moveCell(at: CellPosition, key: string, rows: number, cols: number): CellPosition | null {
  if (rows === 0 || cols === 0) return null;
  const clamp = (v: number, n: number) => Math.max(0, Math.min(n - 1, v));
  const step: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
  const d = step[key];
  if (d) return { row: clamp(at.row + d[0], rows), col: clamp(at.col + d[1], cols) };
  if (key === 'Home') return { row: clamp(at.row, rows), col: 0 };
  if (key === 'End') return { row: clamp(at.row, rows), col: cols - 1 };
  return null;
}
