import type { Ahead, Staffing, TeamSeries, Timeline, WorkstreamSeries } from '../../lib/backend';
import { dateInWords, figure, signed } from '../../lib/format';

// The Timeline screen's figures: the heat map's cells, the teams' rows and the problems ahead,
// each with what the scenario compared with has there. Pure, so they are unit-tested.

/** How a staffing state reads in the legend and the cells' tooltips. */
export const STAFFING_LABEL: Record<Staffing, string> = {
  gap: 'Gap',
  tight: 'Tight',
  fine: 'Fine',
  over: 'Over',
  none: 'Not running',
};

/** What each state means, for the legend. */
export const STAFFING_MEANING: Record<Exclude<Staffing, 'none'>, string> = {
  gap: 'flagged: nobody on it, or required / effective above the overload ratio',
  tight: 'below what it requires, within the overload ratio',
  fine: 'at least what it requires',
  over: 'more than the overload ratio times what it requires',
};

const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A month's column header: "Mar", with the year on the first column and on each January. */
export function monthLabel(day: string, first: boolean): { month: string; year: string | null } {
  const [y, m] = day.split('-');
  const month = SHORT_MONTHS[Number(m) - 1] ?? day;
  return { month, year: first || m === '01' ? (y ?? null) : null };
}

/** The index of the month `day` falls in, or -1 when it is outside the months shown. */
export function monthOf(day: string, months: readonly string[]): number {
  const key = day.slice(0, 7);
  return months.findIndex((m) => m.slice(0, 7) === key);
}

/** The first day after the last month shown. */
export function horizonEnd(months: readonly string[]): string | null {
  const last = months[months.length - 1];
  if (!last) return null;
  const [y, m] = last.split('-').map(Number);
  const next = (y ?? 0) * 12 + (m ?? 1);
  return `${String(Math.floor(next / 12)).padStart(4, '0')}-${String((next % 12) + 1).padStart(2, '0')}-01`;
}

/** "1.5/2": effective over required FTE; "–" for a month the workstream is not running. */
export function cellText(effective: number, required: number, staffing: Staffing): string {
  return staffing === 'none' ? '–' : `${figure(effective)}/${figure(required)}`;
}

export interface Cell {
  staffing: Staffing;
  effective: number;
  required: number;
  text: string;
  /** Effective FTE here minus the compared scenario's; null when not comparing or equal. */
  delta: string | null;
  /** The cell differs from the compared scenario's (figures or state). */
  changed: boolean;
  title: string;
}

export interface HeatRow {
  id: string;
  name: string;
  team: string | null;
  cells: Cell[];
  /** Not running in any month shown. */
  idle: boolean;
  /** Where it exists: in the current scenario, or only in the one compared with. */
  only: 'current' | 'compared' | null;
}

const NONE: Pick<WorkstreamSeries, 'required' | 'effective' | 'staffing'> = { required: [], effective: [], staffing: [] };

/**
 * The heat map's rows: every workstream of the current scenario's timeline (and those only the
 * compared one has), by team then name, the ones running in no month shown last.
 */
export function heatRows(t: Timeline, compared: Timeline | null, against: string | null): HeatRow[] {
  const other = new Map((compared?.workstreams ?? []).map((w) => [w.id, w]));
  const mine = new Set(t.workstreams.map((w) => w.id));
  const all: WorkstreamSeries[] = [...t.workstreams, ...(compared?.workstreams ?? []).filter((w) => !mine.has(w.id))];
  const rows = all.map((w): HeatRow => {
    const ours = mine.has(w.id) ? w : { ...w, ...NONE };
    const theirs = compared ? (other.get(w.id) ?? { ...w, ...NONE }) : null;
    const cells = t.months.map((month, m) => cellOf(w.name, month, m, ours, theirs, against));
    return {
      id: w.id,
      name: w.name,
      team: w.team,
      cells,
      idle: cells.every((c) => c.staffing === 'none'),
      only: compared === null ? null : !mine.has(w.id) ? 'compared' : !other.has(w.id) ? 'current' : null,
    };
  });
  return rows.sort(
    (a, b) =>
      Number(a.idle) - Number(b.idle) ||
      Number(a.team === null) - Number(b.team === null) ||
      (a.team ?? '').localeCompare(b.team ?? '') ||
      a.name.localeCompare(b.name),
  );
}

function cellOf(
  name: string,
  month: string,
  m: number,
  ours: Pick<WorkstreamSeries, 'required' | 'effective' | 'staffing'>,
  theirs: Pick<WorkstreamSeries, 'required' | 'effective' | 'staffing'> | null,
  against: string | null,
): Cell {
  const staffing = ours.staffing[m] ?? 'none';
  const effective = ours.effective[m] ?? 0;
  const required = ours.required[m] ?? 0;
  const when = `${name}, ${dateInWords(month)}`;
  const says = (s: Staffing, e: number, r: number) =>
    s === 'none' ? 'not running' : `${figure(e)} effective of ${figure(r)} required FTE (${STAFFING_LABEL[s].toLowerCase()})`;
  let title = `${when}: ${says(staffing, effective, required)}`;
  if (theirs === null) return { staffing, effective, required, text: cellText(effective, required, staffing), delta: null, changed: false, title };
  const [s2, e2, r2] = [theirs.staffing[m] ?? 'none', theirs.effective[m] ?? 0, theirs.required[m] ?? 0];
  const changed = s2 !== staffing || Math.abs(e2 - effective) > 1e-9 || Math.abs(r2 - required) > 1e-9;
  const d = effective - e2;
  if (changed) title += `\nin ${against ?? 'the other scenario'}: ${says(s2, e2, r2)}`;
  return {
    staffing,
    effective,
    required,
    text: cellText(effective, required, staffing),
    delta: changed && Math.abs(d) > 1e-9 ? signed(d) : null,
    changed,
    title,
  };
}

export interface TeamCell {
  headcount: number;
  capacity: number;
  required: number;
  text: string;
  /** IC capacity below what the team's workstreams require. */
  short: boolean;
  delta: string | null;
  title: string;
}

export interface TeamRowView {
  id: string;
  cells: TeamCell[];
}

/** The teams' rows: people and IC capacity each month, against what their workstreams require. */
export function teamRows(t: Timeline, compared: Timeline | null, against: string | null): TeamRowView[] {
  const other = new Map((compared?.teams ?? []).map((s) => [s.id, s]));
  return [...t.teams]
    .filter((s) => s.headcount.some((h) => h > 0) || s.required.some((r) => r > 0))
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((s) => ({ id: s.id, cells: t.months.map((month, m) => teamCell(s, other.get(s.id), compared !== null, month, m, against)) }));
}

function teamCell(s: TeamSeries, o: TeamSeries | undefined, comparing: boolean, month: string, m: number, against: string | null): TeamCell {
  const headcount = s.headcount[m] ?? 0;
  const capacity = s.ic_capacity[m] ?? 0;
  const required = s.required[m] ?? 0;
  let title = `${s.id}, ${dateInWords(month)}: ${headcount} people, IC capacity ${figure(capacity)}, its workstreams require ${figure(required)} FTE`;
  let delta: string | null = null;
  if (comparing) {
    const [h2, c2] = [o?.headcount[m] ?? 0, o?.ic_capacity[m] ?? 0];
    if (h2 !== headcount || Math.abs(c2 - capacity) > 1e-9) {
      title += `\nin ${against ?? 'the other scenario'}: ${h2} people, IC capacity ${figure(c2)}`;
      delta = h2 !== headcount ? `${signed(headcount - h2)} ppl` : signed(capacity - c2);
    }
  }
  return { headcount, capacity, required, text: `${headcount} · ${figure(capacity)}`, short: capacity + 1e-9 < required, delta, title };
}

export interface AheadRow {
  ahead: Ahead;
  day: string;
  starts: boolean;
  /** Compared with another scenario: this one has it and that one does not. */
  fresh: boolean;
}

const key = (a: Ahead) => `${a.rule} ${a.subject.kind} ${a.subject.id} ${a.starts ?? ''} ${a.ends ?? ''}`;

/** The problems ahead in order, and those only the compared scenario has (which this one avoids). */
export function aheadRows(t: Timeline, compared: Timeline | null): { rows: AheadRow[]; avoided: AheadRow[] } {
  const row = (a: Ahead, fresh: boolean): AheadRow => ({ ahead: a, day: a.starts ?? a.ends ?? t.from, starts: a.starts != null, fresh });
  if (compared === null) return { rows: t.ahead.map((a) => row(a, false)), avoided: [] };
  const theirs = new Set(compared.ahead.map(key));
  const ours = new Set(t.ahead.map(key));
  return {
    rows: t.ahead.map((a) => row(a, !theirs.has(key(a)))),
    avoided: compared.ahead.filter((a) => !ours.has(key(a))).map((a) => row(a, false)),
  };
}
