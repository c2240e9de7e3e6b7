import type { AllocationRow, Edit, IsoDate, PersonCard, Workstream, WorkstreamChange, WorkstreamKind, WorkstreamRow } from '../../lib/backend';

// Adding, changing and removing workstreams: the checks the form makes before anything is
// sent (the backend makes them again) and the edits it sends. Pure, so they are unit-tested.

/** Every kind, with its label: a record, so a kind added on the Rust side is a type error here. */
export const KIND_LABEL: Record<WorkstreamKind, string> = {
  feature: 'Feature',
  migration: 'Migration',
  operations: 'Operations',
  other: 'Other',
};

export const KINDS = Object.keys(KIND_LABEL) as WorkstreamKind[];

/** The kind a new workstream starts with (the model's default). */
export const DEFAULT_KIND: WorkstreamKind = 'feature';

/**
 * A workstream row with its dates. The api's row does not carry them yet; when it does not,
 * the fields are absent (undefined), which the screen shows as unknown rather than as none.
 */
export type DatedRow = WorkstreamRow & { start_date?: IsoDate | null; end_date?: IsoDate | null };

/** Whether the row says what its dates are (null included: no date). */
export function knowsDates(w: DatedRow): boolean {
  return w.start_date !== undefined && w.end_date !== undefined;
}

const MAX_SLUG = 40;

/** "Ledger v2 — Café" → "ledger-v2-cafe": lower-case ASCII letters and digits joined by dashes. */
export function slug(name: string): string {
  const plain = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (plain.length <= MAX_SLUG) return plain;
  const cut = plain.slice(0, MAX_SLUG);
  if (plain[MAX_SLUG] === '-') return cut;
  // Cut at a word's end when one is near, so the id does not end in half a word.
  const dash = cut.lastIndexOf('-');
  return (dash >= MAX_SLUG / 2 ? cut.slice(0, dash) : cut).replace(/-+$/, '');
}

/** `ws-<slug of name>`, with `-2`, `-3`… when taken; `ws-workstream` when the name has no letter or digit to use. */
export function workstreamId(name: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const base = `ws-${slug(name) || 'workstream'}`;
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const id = `${base}-${n}`;
    if (!used.has(id)) return id;
  }
}

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

/** A name as typed: trimmed, and not empty. */
export function checkName(text: string): Checked<string> {
  const name = text.trim();
  return name === '' ? { ok: false, message: 'A workstream needs a name' } : { ok: true, value: name };
}

/** Reads "1", "0.5" or "1,5" as the FTE a workstream needs: a number ≥ 0. */
export function checkRequiredFte(text: string): Checked<number> {
  const t = text.trim().replace(',', '.');
  if (t === '') return { ok: false, message: 'Type the FTE the workstream needs: a number, 0 or more (0 sets no target)' };
  if (/^-\s*(\d+\.?\d*|\.\d+)$/.test(t)) return { ok: false, message: 'Required FTE cannot be negative: type 0 or more' };
  const n = /^\+?(\d+\.?\d*|\.\d+)$/.test(t) ? Number(t) : NaN;
  if (!Number.isFinite(n)) return { ok: false, message: `"${text.trim()}" is not a number: type the FTE needed, such as 1 or 2.5` };
  return { ok: true, value: n };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A day typed as YYYY-MM-DD (a real calendar day), or null when left empty. */
export function checkDate(text: string, what: string): Checked<IsoDate | null> {
  const t = text.trim();
  if (t === '') return { ok: true, value: null };
  const m = ISO_DATE.exec(t);
  const [y, mo, d] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
  const day = new Date(Date.UTC(y, mo - 1, d));
  const real = m !== null && day.getUTCFullYear() === y && day.getUTCMonth() === mo - 1 && day.getUTCDate() === d;
  return real ? { ok: true, value: t } : { ok: false, message: `The ${what} "${t}" is not a day: type it as YYYY-MM-DD, e.g. 2026-03-01` };
}

/** Start and end as typed: each a day or empty, and the end not before the start. */
export function checkDates(start: string, end: string): Checked<{ start: IsoDate | null; end: IsoDate | null }> {
  const s = checkDate(start, 'start date');
  if (!s.ok) return s;
  const e = checkDate(end, 'end date');
  if (!e.ok) return e;
  if (s.value !== null && e.value !== null && e.value < s.value)
    return { ok: false, message: `The end date ${e.value} comes before the start date ${s.value}` };
  return { ok: true, value: { start: s.value, end: e.value } };
}

/** What the "Add workstream" form holds, as typed. */
export interface WorkstreamDraft {
  name: string;
  team: string;
  kind: WorkstreamKind;
  required: string;
  start: string;
  end: string;
}

export function emptyDraft(): WorkstreamDraft {
  return { name: '', team: '', kind: DEFAULT_KIND, required: '1', start: '', end: '' };
}

export type DraftField = 'name' | 'required' | 'dates';

/** The workstream the form describes under a fresh id, or the first field that cannot be used and why. */
export function newWorkstream(
  draft: WorkstreamDraft,
  taken: Iterable<string>,
): { ok: true; workstream: Workstream } | { ok: false; field: DraftField; message: string } {
  const name = checkName(draft.name);
  if (!name.ok) return { ok: false, field: 'name', message: name.message };
  const required = checkRequiredFte(draft.required);
  if (!required.ok) return { ok: false, field: 'required', message: required.message };
  const dates = checkDates(draft.start, draft.end);
  if (!dates.ok) return { ok: false, field: 'dates', message: dates.message };
  const team = draft.team.trim();
  return {
    ok: true,
    workstream: {
      id: workstreamId(name.value, taken),
      name: name.value,
      team: team === '' ? null : team,
      required_fte: required.value,
      kind: draft.kind,
      start_date: dates.value.start,
      end_date: dates.value.end,
      priority: null,
    },
  };
}

/** A field of a workstream's row that can be edited in place. */
export type RowField = 'name' | 'team' | 'kind' | 'required' | 'dates';

/** What the row's editor shows when it opens. */
export function rowText(w: DatedRow, field: Exclude<RowField, 'dates'>): string {
  switch (field) {
    case 'name':
      return w.name;
    case 'team':
      return w.team ?? '';
    case 'kind':
      return w.kind;
    case 'required':
      // The exact figure, not the rounded one the table shows: saving it unchanged changes nothing.
      return String(w.required_fte);
  }
}

/**
 * The edit that gives workstream `w` the typed value, null when nothing would change, or why
 * the value cannot be used. Dates are typed as `[start, end]`.
 */
export function rowEdit(w: DatedRow, field: RowField, typed: string | readonly [string, string]): Checked<Edit | null> {
  const update = (change: WorkstreamChange): Edit => ({ op: 'update-workstream', id: w.id, change });
  const text = typeof typed === 'string' ? typed : typed[0];
  switch (field) {
    case 'name': {
      const name = checkName(text);
      if (!name.ok) return name;
      return { ok: true, value: name.value === w.name ? null : update({ field: 'name', value: name.value }) };
    }
    case 'team': {
      const team = text.trim() === '' ? null : text.trim();
      return { ok: true, value: team === w.team ? null : update({ field: 'team', value: team }) };
    }
    case 'kind': {
      const kind = KINDS.find((k) => k === text);
      if (kind === undefined) return { ok: false, message: `"${text}" is not a kind: pick one of ${KINDS.join(', ')}` };
      return { ok: true, value: kind === w.kind ? null : update({ field: 'kind', value: kind }) };
    }
    case 'required': {
      const fte = checkRequiredFte(text);
      if (!fte.ok) return fte;
      return { ok: true, value: fte.value === w.required_fte ? null : update({ field: 'required_fte', value: fte.value }) };
    }
    case 'dates': {
      const [start, end] = typeof typed === 'string' ? [typed, ''] : typed;
      const dates = checkDates(start, end);
      if (!dates.ok) return dates;
      const was = { start: w.start_date ?? null, end: w.end_date ?? null };
      const edits: Edit[] = [];
      const setStart = update({ field: 'start_date', value: dates.value.start });
      const setEnd = update({ field: 'end_date', value: dates.value.end });
      const startChanged = dates.value.start !== was.start;
      const endChanged = dates.value.end !== was.end;
      // Each change is checked against the other date as it stands: a start moved past the old
      // end needs the new end in first, anything else goes start first.
      const endFirst = startChanged && endChanged && dates.value.start !== null && was.end !== null && dates.value.start > was.end;
      if (endFirst) edits.push(setEnd, setStart);
      else {
        if (startChanged) edits.push(setStart);
        if (endChanged) edits.push(setEnd);
      }
      if (edits.length === 0) return { ok: true, value: null };
      const only = edits.length === 1 ? edits[0] : undefined;
      return { ok: true, value: only ?? { op: 'batch', label: `Dates of ${w.name}`, edits } };
    }
  }
}

/**
 * "1 Mar 2026 – 30 Jun 2026", "from 1 Mar 2026", "until …", or "Any time" when neither is set.
 * Each day is held together by no-break spaces, so a narrow column wraps only after the dash.
 */
export function datesText(start: IsoDate | null, end: IsoDate | null): string {
  const day = (d: IsoDate) => {
    const m = ISO_DATE.exec(d);
    if (!m) return d;
    const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][Number(m[2]) - 1];
    return month ? `${Number(m[3])}\u00a0${month}\u00a0${m[1]}` : d;
  };
  if (start !== null && end !== null) return `${day(start)}\u00a0– ${day(end)}`;
  if (start !== null) return `from ${day(start)}`;
  if (end !== null) return `until ${day(end)}`;
  return 'Any time';
}

/**
 * What removing `w` takes with it, asked before it goes: every allocation to it on any day
 * (the backend drops them all), and how many people hold them.
 */
export function removalQuestion(w: WorkstreamRow, allocations: readonly AllocationRow[], people: readonly PersonCard[]): string {
  const mine = allocations.filter((a) => a.workstream === w.id);
  const holders = [...new Set(mine.map((a) => a.person))];
  const head = `Remove “${w.name}”?`;
  if (mine.length === 0) return `${head} Nobody is allocated to it.`;
  const names = new Map(people.map((p) => [p.id, p.name]));
  const named = holders.slice(0, 3).map((id) => names.get(id) ?? id);
  const rest = holders.length - named.length;
  const who = rest > 0 ? `${named.join(', ')} and ${rest} more` : named.length > 1 ? `${named.slice(0, -1).join(', ')} and ${named.at(-1)}` : named.join('');
  const count = mine.length === 1 ? 'Its 1 allocation' : `Its ${mine.length} allocations`;
  return `${head} ${count} (${who}) go${mine.length === 1 ? 'es' : ''} with it.`;
}

/** Teams a workstream can be given: the view's teams and every team named by a person or a workstream, sorted. */
export function teamNames(
  teams: readonly { id: string }[],
  people: readonly PersonCard[],
  workstreams: readonly WorkstreamRow[],
): string[] {
  const names = new Set<string>(teams.map((t) => t.id));
  for (const p of people) if (p.team) names.add(p.team);
  for (const w of workstreams) if (w.team) names.add(w.team);
  return [...names].sort((a, b) => a.localeCompare(b));
}
