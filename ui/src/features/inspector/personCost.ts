import type { Band, PersonCard } from '../../lib/backend';

// Where a person's cost comes from, as the inspector says it: core's rule (crates/core/src/cost)
// read back from what the view carries — their own cost, else their level's band × fte.

export type CostSource =
  | { kind: 'own' }
  | { kind: 'band'; level: string; band: number; fte: number }
  | { kind: 'unknown'; why: string };

/** Why `person` costs what the view says (the view sends `cost` only while compensation is shown). */
export function costSource(person: PersonCard, bands: readonly Band[]): CostSource {
  if (person.cost_on_file != null) return { kind: 'own' };
  if (person.level === null || person.level.trim() === '') return { kind: 'unknown', why: 'no cost on file and no level' };
  const key = person.level.trim().toLowerCase();
  const band = bands.find((b) => b.level.trim().toLowerCase() === key);
  if (!band) return { kind: 'unknown', why: `no cost on file and no band for level ${person.level}` };
  return { kind: 'band', level: band.level, band: band.annual_cost, fte: person.fte };
}
