import { describe, expect, it } from 'vitest';
import type { PersonCard } from '../../lib/backend';
import { costSource } from './personCost';

const bands = [{ level: 'L5', annual_cost: 102000 }];
const card = (p: Partial<PersonCard>) => ({ id: 'x', name: 'X', level: null, fte: 1, ...p }) as PersonCard;

describe('where a person’s cost comes from', () => {
  it('is their own cost, else their band × fte, else unknown with the reason', () => {
    expect(costSource(card({ cost: 90000, cost_on_file: 90000, level: 'L5' }), bands)).toEqual({ kind: 'own' });
    expect(costSource(card({ cost: 51000, level: ' l5 ', fte: 0.5 }), bands)).toEqual({ kind: 'band', level: 'L5', band: 102000, fte: 0.5 });
    expect(costSource(card({ level: 'L9' }), bands)).toEqual({ kind: 'unknown', why: 'no cost on file and no band for level L9' });
    // A field left out and one sent as null read the same.
    expect(costSource(card({ cost: 102000, cost_on_file: null as unknown as undefined, level: 'L5' }), bands).kind).toBe('band');
    expect(costSource(card({}), bands)).toEqual({ kind: 'unknown', why: 'no cost on file and no level' });
  });
});
