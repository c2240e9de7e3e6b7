import { describe, expect, it } from 'vitest';
import { paidOrg } from '../appHarness';
import { costDiff, costOf, costStats, overBudget, projection, settingsAfter } from './pay';
import type { FakePerson } from './org';

// The fake's pay model against hand-computed figures, so the UI's tests run on real sums.

const org = paidOrg();
const settings = org.pay ?? {};

describe('the fake backend models pay as core does', () => {
  it('costs own cost, else band × fte, else unknown', () => {
    const cost = costOf(settings);
    const by = (id: string) => cost(org.people.find((p) => p.id === id) as FakePerson);
    expect(by('ada')).toBe(15_000_000); // own cost, in cents
    expect(by('bela')).toBe(10_200_000); // L5 × 1
    expect(by('chen')).toBe(6_720_000); // L4 × 0.8
    expect(by('dana')).toBeNull();
  });

  it('sums the run-rate by team against budgets, unknowns counted apart', () => {
    const s = costStats(org.people, settings);
    expect(s.annual).toBe(319_200);
    expect(s.unknown).toBe(1);
    expect(s.by_team).toEqual({ Payments: 67_200, Platform: 252_000 });
    expect(s.unknown_by_team).toEqual({ Payments: 1 });
    expect(overBudget(s).map((f) => f.subject.id)).toEqual(['Platform']);
    expect(overBudget(s, 5)).toEqual([]); // 5% over 240,000 is 252,000: not above it
  });

  it('keeps before + joined − left + changed = after on random edits', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let run = 0; run < 200; run++) {
      const before: FakePerson[] = org.people.map((p) => ({ ...p, fte: Math.ceil(rand() * 100) / 100, cost: rand() < 0.3 ? Math.round(rand() * 2e7) / 100 : null }));
      const after: FakePerson[] = before
        .filter(() => rand() < 0.8)
        .map((p) => ({ ...p, level: rand() < 0.3 ? 'L4' : p.level }))
        .concat(rand() < 0.5 ? [{ id: `new-${run}`, name: 'New', level: 'L5', fte: 0.5 }] : []);
      const band = settingsAfter(settings, { op: 'set-cost', change: { field: 'band', value: { level: 'L5', annual_cost: Math.round(rand() * 2e7) / 100 } } }, new Set());
      const d = costDiff(before, settings, after, band);
      if (!d) throw new Error('pay data on both sides');
      const c = (x: number) => Math.round(x * 100);
      expect(c(d.before) + c(d.joined) - c(d.left) + c(d.changed)).toBe(c(d.after));
    }
  });

  it('projects the fiscal year month by month, pro-rated by days, summing to the run-rate', () => {
    const p = projection(org.people, { ...settings, fiscal_year_start: 4 }, '2026-03-01');
    expect(p.start).toBe('2025-04-01');
    expect(p.end).toBe('2026-04-01');
    expect(p.months.map((m) => m.month)).toEqual(['2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03']);
    // Everyone all year: the months add up to the run-rate to the cent; April has 30 of 365 days.
    expect(p.total).toBe(319_200);
    expect(p.months[0]?.cost).toBe(26_235.62); // 31,920,000 × 30 / 365 cents, rounded half up
    expect(p.months.every((m) => m.unknown === 1)).toBe(true);
  });

  it('refuses set-cost edits as core does', () => {
    const teams = new Set(['Platform', 'Payments']);
    expect(() => settingsAfter(settings, { op: 'set-cost', change: { field: 'budget', value: { team: 'Nope', annual_budget: 1 } } }, teams)).toThrow();
    expect(() => settingsAfter(settings, { op: 'set-cost', change: { field: 'band', value: { level: ' ', annual_cost: 1 } } }, teams)).toThrow();
    expect(() => settingsAfter(settings, { op: 'set-cost', change: { field: 'band', value: { level: 'L9', annual_cost: null } } }, teams)).toThrow();
    const raised = settingsAfter(settings, { op: 'set-cost', change: { field: 'band', value: { level: 'l5', annual_cost: 110000 } } }, teams);
    expect(raised.bands?.map((b) => `${b.level}=${b.annual_cost}`)).toEqual(['L4=84000', 'L5=110000', 'M2=136000']);
  });
});
