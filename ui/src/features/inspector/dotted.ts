import type { PersonCard } from '../../lib/backend';

// A person's dotted lines (secondary managers, no effect on spans) as the inspector lists and
// edits them: each edit sends the whole new list, which core checks the way `refusal` does.

/** One dotted line as listed: the secondary manager's id, and their card when they are in the view. */
export interface DottedEntry {
  id: string;
  card: PersonCard | undefined;
}

/** The person's dotted lines in the order on file. */
export function dottedEntries(person: PersonCard, byId: ReadonlyMap<string, PersonCard>): DottedEntry[] {
  return person.dotted_managers.map((id) => ({ id, card: byId.get(id) }));
}

const label = (p: PersonCard) => (p.status === 'open' ? 'this open role' : p.name);

/**
 * Why core would refuse a dotted line from `person` to `candidate` (core's `check_dotted`: not
 * to oneself, not twice; unknown ids cannot be picked here), or `null` when it is fine.
 */
export function refusal(person: PersonCard, candidate: PersonCard): string | null {
  if (candidate.id === person.id) return `${person.name} can't have a dotted line to themselves.`;
  if (person.dotted_managers.includes(candidate.id)) return `${person.name} already has a dotted line to ${label(candidate)}.`;
  return null;
}

/** Lower case without accents, so "zoe" finds "Zoë" and "ines" finds "Inês". */
function folded(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export interface Candidate {
  card: PersonCard;
  /** Why it can't be picked, or `null`. */
  refusal: string | null;
}

/**
 * People whose name (or id) holds `query`, names that start with it first, then by name; each
 * with the reason core would refuse it. Empty for an empty query. O(people).
 */
export function candidates(person: PersonCard, people: readonly PersonCard[], query: string, limit = 8): Candidate[] {
  const q = folded(query.trim());
  if (q === '') return [];
  const hits: { card: PersonCard; starts: boolean }[] = [];
  for (const p of people) {
    const name = folded(p.name);
    if (name.includes(q) || folded(p.id).includes(q)) hits.push({ card: p, starts: name.startsWith(q) });
  }
  hits.sort((a, b) => Number(b.starts) - Number(a.starts) || a.card.name.localeCompare(b.card.name) || a.card.id.localeCompare(b.card.id));
  return hits.slice(0, limit).map(({ card }) => ({ card, refusal: refusal(person, card) }));
}

/** The list with `id` added at the end. */
export function withDotted(person: PersonCard, id: string): string[] {
  return [...person.dotted_managers, id];
}

/** The list without `id`. */
export function withoutDotted(person: PersonCard, id: string): string[] {
  return person.dotted_managers.filter((d) => d !== id);
}
