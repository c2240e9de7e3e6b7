import { describe, expect, it } from 'vitest';
import { RULE_DEFAULTS } from '../../lib/backend';
import { FakeBackend, type FakeOrg } from '../../test/fake';
import { plannedOrg } from '../../test/appHarness';
import { timelineOf } from '../../test/fake/timeline';
import { aheadRows, cellText, heatRows, horizonEnd, monthLabel, monthOf, teamRows } from './timeline';

const plan = (org: FakeOrg) => ({ people: org.people, workstreams: org.workstreams ?? [] });

describe('the fake timeline (the real definitions over the fake org)', () => {
  const t = timelineOf(plan(plannedOrg()), '2026-03-14', 12, RULE_DEFAULTS.overload_ratio);

  it('starts on the first of the viewed month, one value per month', () => {
    expect(t.months[0]).toBe('2026-03-01');
    expect(t.months[11]).toBe('2027-02-01');
    expect(horizonEnd(t.months)).toBe('2027-03-01');
    expect(monthOf('2026-09-17', t.months)).toBe(6);
    expect(monthOf('2027-03-01', t.months)).toBe(-1);
  });

  it('computes each workstream month by month', () => {
    const [a, b, c] = t.workstreams;
    expect(a?.effective.slice(0, 5)).toEqual([1, 1, 1, 1.5, 1.5]);
    expect(a?.staffing.slice(0, 4)).toEqual(['fine', 'fine', 'fine', 'over']);
    expect(b?.effective.slice(5, 8)).toEqual([1.7, 0.8, 0.8]);
    expect(b?.staffing.slice(5, 8)).toEqual(['tight', 'gap', 'gap']);
    expect(c?.required.slice(3, 5)).toEqual([0, 1]);
    expect(c?.staffing.slice(3, 5)).toEqual(['none', 'gap']);
  });

  it('counts each team', () => {
    expect(t.teams.map((x) => [x.id, x.headcount[0], x.ic_capacity[0], x.required[4]])).toEqual([
      ['Core', 3, 2, 2],
      ['Data', 2, 2, 2],
    ]);
  });

  it('finds the first day each problem starts or ends', () => {
    expect(t.ahead.map((x) => [x.starts ?? x.ends, x.rule, x.subject.id, x.starts ? 'starts' : 'ends'])).toEqual([
      ['2026-07-01', 'workstream-unstaffed', 'c', 'starts'],
      ['2026-09-01', 'workstream-overloaded', 'b', 'starts'],
    ]);
    expect(t.ahead[1]?.message).toBe('Billing rewrite becomes overloaded on 2026-09-01.');
  });
});

describe('the heat map and the comparison', () => {
  it('reads effective / required in each cell, and nothing where the workstream is not running', () => {
    expect(cellText(1.7, 2, 'tight')).toBe('1.7/2');
    expect(cellText(0.3333, 1, 'gap')).toBe('0.33/1');
    expect(cellText(0, 0, 'none')).toBe('–');
    expect(monthLabel('2026-03-01', true)).toEqual({ month: 'Mar', year: '2026' });
    expect(monthLabel('2026-04-01', false)).toEqual({ month: 'Apr', year: null });
    expect(monthLabel('2027-01-01', false)).toEqual({ month: 'Jan', year: '2027' });
  });

  it('shows what a scenario changes, cell by cell, and the problems it adds or avoids', async () => {
    const backend = new FakeBackend(plannedOrg());
    await backend.openDemo();
    await backend.forkScenario('keep quinn');
    await backend.applyEdit({ edit: { op: 'deallocate', person: 'quinn', workstream: 'b' } });
    await backend.applyEdit({
      edit: { op: 'allocate', allocation: { person: 'quinn', workstream: 'b', percent: 90, start_date: null, end_date: null } },
    });
    const shown = await backend.timeline({ against: 'baseline', months: 12 });
    expect(shown.against).toBe('baseline');
    const rows = heatRows(shown.timeline, shown.compared, shown.against);
    expect(rows.map((r) => r.id)).toEqual(['a', 'c', 'b']);
    const b = rows.find((r) => r.id === 'b')!;
    // Until September both scenarios agree; from then, Quinn staying keeps it tight, not a gap.
    expect(b.cells.slice(5, 7).map((c) => [c.text, c.staffing, c.changed, c.delta])).toEqual([
      ['1.7/2', 'tight', false, null],
      ['1.7/2', 'tight', true, '+0.9'],
    ]);
    expect(b.cells[6]?.title).toContain('in baseline: 0.8 effective of 2 required FTE (gap)');
    const ahead = aheadRows(shown.timeline, shown.compared);
    expect(ahead.rows.map((r) => [r.ahead.subject.id, r.fresh])).toEqual([['c', false]]);
    expect(ahead.avoided.map((r) => [r.day, r.ahead.subject.id])).toEqual([['2026-09-01', 'b']]);
    const teams = teamRows(shown.timeline, shown.compared, shown.against);
    expect(teams.map((r) => r.cells[0]?.text)).toEqual(['3 · 2', '2 · 2']);
  });

  it('refuses a horizon outside 1 to 120 months as the real session does', async () => {
    const backend = new FakeBackend(plannedOrg());
    await backend.openDemo();
    await expect(backend.timeline({ months: 0 })).rejects.toMatchObject({ code: 'usage' });
  });
});
