import { toApiError, type AllocationRow, type Person, type PersonCard } from '../../lib/backend';
import { dateInWords } from '../../lib/format';

// Adding and removing people from the inspector: the new person's id and fields, and what
// the confirmation of a removal says. Pure, so it is unit-tested.

const GENERATED = /^p-(\d+)$/;

/** `p-<n>` one past the largest `p-<n>` in use (a new document's first person is `p-1`). */
export function freshId(ids: Iterable<string>): string {
  let max = 0;
  for (const id of ids) {
    const m = GENERATED.exec(id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `p-${max + 1}`;
}

/**
 * Adds `make(id)` under the first fresh id the backend accepts: the view only holds the people
 * present on its day, so a `p-<n>` of a later hire can be taken; a refusal tries the next one.
 */
export async function addUnderFreshId<T>(
  taken: Iterable<string>,
  make: (id: string) => Person,
  apply: (person: Person) => Promise<T>,
  attempts = 50,
): Promise<{ person: Person; info: T }> {
  const used = new Set(taken);
  for (let attempt = 1; ; attempt++) {
    const person = make(freshId(used));
    try {
      return { person, info: await apply(person) };
    } catch (reason) {
      if (toApiError(reason).code !== 'refused' || attempt >= attempts) throw reason;
      used.add(person.id);
    }
  }
}

export type Addition = 'report' | 'open-role';

/** A new report of `manager`: a person to rename, or an open role; in the manager's team. */
export function newReport(manager: PersonCard, kind: Addition, id: string): Person {
  const open = kind === 'open-role';
  return {
    id,
    name: open ? 'Open role' : 'New person',
    title: open ? 'Open role' : '',
    manager_id: manager.id,
    team: manager.team,
    status: open ? 'open' : 'active',
    dotted_managers: [],
  };
}

const nameOf = (p: PersonCard) => (p.status === 'open' ? 'this open role' : p.name);

/** The question a removal asks: who goes, and where their direct reports move. */
export function removalQuestion(person: PersonCard, reports: number, manager: PersonCard | undefined): string {
  const who = `Remove ${nameOf(person)}?`;
  if (reports === 0) return `${who} They have no reports.`;
  const them = reports === 1 ? 'Their 1 report moves' : `Their ${reports} reports move`;
  return manager ? `${who} ${them} up to ${nameOf(manager)}.` : `${who} ${them} to the top of the org.`;
}

export interface AllocationLine {
  workstream: string;
  name: string;
  percent: number;
  active: boolean;
  /** When it applies, in words ("from 1 January 2027"); empty when always. */
  when: string;
}

/** A person's allocations for the inspector: active ones first, then by start date and name. */
export function allocationLines(
  allocations: readonly AllocationRow[],
  workstreamName: (id: string) => string | undefined,
): { lines: AllocationLine[]; total: number } {
  const when = (a: AllocationRow) => {
    const from = a.start_date ? dateInWords(a.start_date) : null;
    const until = a.end_date ? dateInWords(a.end_date) : null;
    if (from && until) return `${from} – ${until}`;
    if (from) return `from ${from}`;
    if (until) return `until ${until}`;
    return '';
  };
  const lines = allocations
    .map((a) => ({ a, line: { workstream: a.workstream, name: workstreamName(a.workstream) ?? a.workstream, percent: a.percent, active: a.active, when: when(a) } }))
    .sort(
      (x, y) =>
        Number(y.a.active) - Number(x.a.active) ||
        (x.a.start_date ?? '').localeCompare(y.a.start_date ?? '') ||
        x.line.name.localeCompare(y.line.name),
    )
    .map((x) => x.line);
  const total = allocations.reduce((sum, a) => sum + (a.active ? a.percent : 0), 0);
  return { lines, total };
}
