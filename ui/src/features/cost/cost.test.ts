import { describe, expect, it } from 'vitest';
import { bandEdit, budgetEdit, runRate, teamLines } from './cost';

const stats = {
  currency: 'EUR',
  annual: 319200,
  unknown: 1,
  by_team: { Payments: 67200, Platform: 252000, Search: 40000 },
  unknown_by_team: { Payments: 1 },
  budgets: { Platform: 240000, Payments: 100000, Data: 50000, '*': 400000 },
};

describe('the cost panel', () => {
  it('lists teams with a budget first, each against it exactly', () => {
    const lines = teamLines(stats);
    expect(lines.map((l) => [l.team, l.runRate, l.budget, l.over, l.unknown])).toEqual([
      ['Data', 0, 50000, false, 0],
      ['Payments', 67200, 100000, false, 1],
      ['Platform', 252000, 240000, true, 0],
      ['Search', 40000, null, false, 0],
    ]);
    expect(lines[2]?.share).toBeCloseTo(1.05);
  });

  it('reads the run-rate tile against the whole org’s budget', () => {
    expect(runRate(stats)).toEqual({ annual: 319200, unknown: 1, budget: 400000, over: false });
    expect(runRate({ ...stats, budgets: {} }).budget).toBeNull();
    expect(runRate({ ...stats, annual: 400000.01 }).over).toBe(true);
  });

  it('turns typed amounts into set-cost edits; empty text removes what exists', () => {
    expect(bandEdit('L5', '110,000', true)).toEqual({ edit: { op: 'set-cost', change: { field: 'band', value: { level: 'L5', annual_cost: 110000 } } } });
    expect(bandEdit('L5', '', true)).toEqual({ edit: { op: 'set-cost', change: { field: 'band', value: { level: 'L5', annual_cost: null } } } });
    expect(bandEdit('L5', '', false)).toEqual({ edit: null });
    expect(bandEdit(' ', '1', false)).toEqual({ error: 'a band needs a level' });
    expect(budgetEdit('*', '€1,000,000', false)).toEqual({ edit: { op: 'set-cost', change: { field: 'budget', value: { team: '*', annual_budget: 1000000 } } } });
    expect(budgetEdit('Platform', 'x', true)).toEqual({ error: 'type an amount, like 95,000' });
  });
});
