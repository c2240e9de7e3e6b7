import { describe, expect, it } from 'vitest';
import { viewOf } from '../../lib/backend/fake';
import type { AllocationRow, WorkstreamRow } from '../../lib/backend';
import { allocationGrid, figure, loadState, workstreamRows } from './workload';

const ws = (id: string, required: number, effective: number, extra: Partial<WorkstreamRow> = {}): WorkstreamRow => ({
  id,
  name: id.toUpperCase(),
  team: 'T',
  kind: 'feature',
  priority: null,
  active: true,
  required_fte: required,
  effective_fte: effective,
  allocated_fte: effective,
  load: effective > 0 ? required / effective : null,
  people: 1,
  ...extra,
});

const alloc = (person: string, workstream: string, percent: number, active = true): AllocationRow => ({
  person,
  workstream,
  percent,
  start_date: null,
  end_date: null,
  active,
});

describe('workload', () => {
  it('classifies load against the overload ratio', () => {
    expect(loadState(ws('a', 0, 0), 1.25)).toBe('idle');
    expect(loadState(ws('a', 2, 0), 1.25)).toBe('unstaffed');
    expect(loadState(ws('a', 2, 1.5), 1.25)).toBe('over');
    expect(loadState(ws('a', 2, 1.6), 1.25)).toBe('ok');
  });

  it('lists active workstreams, the ones needing attention first', () => {
    const rows = workstreamRows(
      [ws('ok', 1, 1), ws('gone', 3, 0, { active: false }), ws('over', 3, 1), ws('none', 2, 0), ws('idle', 0, 0)],
      1.25,
    );
    expect(rows.map((r) => [r.id, r.state])).toEqual([
      ['none', 'unstaffed'],
      ['over', 'over'],
      ['ok', 'ok'],
      ['idle', 'idle'],
    ]);
  });

  it('builds the allocation grid of active allocations, over-allocated people first', () => {
    const people = viewOf({
      name: 't',
      as_of: '2026-01-01',
      people: [
        { id: 'a', name: 'Zed' },
        { id: 'b', name: 'Amy' },
        { id: 'c', name: 'Bob' },
      ],
    }).people;
    const grid = allocationGrid(
      people,
      [ws('w1', 1, 1), ws('w2', 1, 1), ws('w3', 1, 0)],
      [alloc('a', 'w1', 60), alloc('a', 'w2', 50), alloc('b', 'w1', 30), alloc('b', 'w1', 20), alloc('c', 'w3', 100, false)],
    );
    expect(grid.columns.map((c) => c.id)).toEqual(['w1', 'w2']);
    expect(grid.rows.map((r) => [r.person.id, r.total, r.over])).toEqual([
      ['a', 110, true],
      ['b', 50, false],
    ]);
    expect(grid.rows[1]?.cells.get('w1')).toBe(50);
    expect(allocationGrid(people, [ws('w1', 1, 1)], [alloc('a', 'w1', 10), alloc('b', 'w1', 10)], 1).more).toBe(1);
  });

  it('writes figures briefly', () => {
    expect([figure(1.5), figure(2), figure(0.33333)]).toEqual(['1.5', '2', '0.33']);
  });
});
