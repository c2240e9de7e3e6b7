import type { Person, PersonCard } from '../../lib/backend';

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
