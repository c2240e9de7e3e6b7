import { describe, expect, it } from 'vitest';
import { viewOf } from '../../test/fake';
import type { TimelinePoint } from '../../lib/backend';
import { direction, peersFor, sparkline, statsMetrics, successorsFor } from './swing';

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

  it('draws both capacity series on one scale', () => {
    const point = (ic: number, before: number): TimelinePoint => ({
      month: '2027-01',
      date: '2027-01-01',
      ic_capacity: ic,
      ic_capacity_before: before,
      workstreams: {},
      workstreams_before: {},
    });
    const line = sparkline([point(10, 12), point(11, 12), point(12, 12)], 100, 40, 0);
    expect([line.min, line.max]).toEqual([10, 12]);
    expect(line.after).toBe('0.0,40.0 50.0,20.0 100.0,0.0');
    expect(line.before).toBe('0.0,0.0 50.0,0.0 100.0,0.0');
    expect(sparkline([point(5, 5)], 100, 40).after).toBe('50.0,20.0');
  });
});
