import { describe, expect, it } from 'vitest';
import { viewOf } from '../../test/fake';
import type { TimelinePoint } from '../../lib/backend';
import { capacityChart, direction, peersFor, statsMetrics, successorsFor } from './swing';
import { shortMonth } from '../../lib/format';

const people = viewOf({
  name: 't',
  as_of: '2026-01-01',
  people: [
    { id: 'm', name: 'Mia' },
    { id: 'a', name: 'Zoe', manager_id: 'm' },
    { id: 'b', name: 'Ben', manager_id: 'm' },
    { id: 'c', name: 'Cat', manager_id: 'm', status: 'open' },
    { id: 'd', name: 'Dan', manager_id: 'b' },
  ],
}).people;
const byId = (id: string) => people.find((p) => p.id === id)!;

describe('swing planning', () => {
  it('swings ICs to manager and managers to IC', () => {
    expect(direction(byId('a'))).toBe('manager');
    expect(direction(byId('b'))).toBe('ic');
    expect(direction(byId('m'))).toBe('ic');
  });

  it('offers IC peers as reports and direct reports as successors', () => {
    expect(peersFor(byId('a'), people).map((p) => p.id)).toEqual([]);
    expect(peersFor(byId('d'), people).map((p) => p.id)).toEqual([]);
    expect(successorsFor(byId('m'), people).map((p) => p.id)).toEqual(['b', 'a']);
    const flat = viewOf({
      name: 't',
      as_of: '2026-01-01',
      people: [{ id: 'm', name: 'M' }, { id: 'x', name: 'Xi', manager_id: 'm' }, { id: 'y', name: 'Al', manager_id: 'm' }],
    }).people;
    expect(peersFor(flat[1]!, flat).map((p) => p.id)).toEqual(['y']);
  });

  it('turns stats into before/after metrics', () => {
    const s = viewOf({ name: 't', as_of: '2026-01-01', people: [{ id: 'm', name: 'M' }] }).stats;
    expect(statsMetrics(s, { ...s, managers: 2 }).managers).toEqual([s.managers, 2]);
  });

  it('draws both capacity series on one scale, inside labelled axes', () => {
    const point = (ic: number, before: number): TimelinePoint => ({
      month: '2027-01',
      date: '2027-01-01',
      ic_capacity: ic,
      ic_capacity_before: before,
      workstreams: {},
      workstreams_before: {},
    });
    const months = ['2027-01', '2027-02', '2027-03'];
    const c = capacityChart(
      [point(10, 12), point(11, 12), point(12, 12)].map((p, i) => ({ ...p, month: months[i]! })),
      200,
      100,
      (v) => v.toFixed(1),
      shortMonth,
    );
    // The plot box sits inside the axes' labels; 10 is its bottom, 12 its top.
    expect([c.x0, c.x1, c.y0, c.y1]).toEqual([34, 166, 6, 84]);
    expect(c.after).toBe('34.0,84.0 100.0,45.0 166.0,6.0');
    expect(c.before).toBe('34.0,6.0 100.0,6.0 166.0,6.0');
    expect(c.values.map((t) => [t.label, t.at])).toEqual([
      ['10.0', 84],
      ['11.0', 45],
      ['12.0', 6],
    ]);
    expect(c.months.map((t) => t.label)).toEqual(['Jan 2027', 'Feb 2027', 'Mar 2027']);
    // Both lines end at 12: one label.
    expect(c.endAfter).toEqual({ at: 6, label: '12.0' });
    expect(c.endBefore).toBeNull();
    // A flat series gets a scale one unit tall around it, and one value tick.
    const flat = capacityChart([point(5, 5)], 200, 100, String, shortMonth);
    expect(flat.after).toBe('100.0,45.0');
    expect(flat.values.map((t) => t.label)).toEqual(['5']);
    expect(flat.months).toHaveLength(1);
  });
});
