import { describe, expect, it } from 'vitest';
import { viewOf } from '../../test/fake';
import type { AllocationRow, WorkstreamRow } from '../../lib/backend';
import { allocationGrid, cellEdit, loadState, moveCell, parsePercent, workstreamRows } from './workload';
import { figure } from '../../lib/format';

const ws = (id: string, required: number, effective: number, extra: Partial<WorkstreamRow> = {}): WorkstreamRow => ({
  id,
  name: id.toUpperCase(),
  team: 'T',
  kind: 'feature',
  priority: null,
  start_date: null,
  end_date: null,
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
      [ws('w1', 1, 1), ws('w2', 1, 1), ws('w3', 1, 0), ws('w4', 0, 0), ws('w5', 1, 0, { active: false })],
      [alloc('a', 'w1', 60), alloc('a', 'w2', 50), alloc('b', 'w1', 30), alloc('b', 'w1', 20), alloc('c', 'w3', 100, false)],
    );
    // w3 is nobody's but unstaffed: a gap to fill; w4 needs nobody; w5 is not active.
    expect(grid.columns.map((c) => [c.id, c.state])).toEqual([
      ['w1', 'ok'],
      ['w2', 'ok'],
      ['w3', 'unstaffed'],
    ]);
    expect(grid.rows.map((r) => [r.person.id, r.total, r.over])).toEqual([
      ['a', 110, true],
      ['b', 50, false],
    ]);
    expect(grid.rows[1]?.cells.get('w1')).toBe(50);
    expect(allocationGrid(people, [ws('w1', 1, 1)], [alloc('a', 'w1', 10), alloc('b', 'w1', 10)], { limit: 1 }).more).toBe(1);
  });

  it('adds hand-picked people as empty rows after the allocated ones, and offers every active workstream when none is used', () => {
    const people = viewOf({ name: 't', as_of: '2026-01-01', people: [{ id: 'a', name: 'Zed' }, { id: 'b', name: 'Amy' }] }).people;
    const grid = allocationGrid(people, [ws('w1', 0, 0), ws('w2', 0, 0)], [], { extra: ['b', 'ghost', 'b'] });
    expect(grid.rows.map((r) => [r.person.id, r.total, r.cells.size])).toEqual([['b', 0, 0]]);
    expect(grid.columns.map((c) => c.id)).toEqual(['w1', 'w2']);
    const capped = allocationGrid(people, [ws('w1', 0, 0), ws('w2', 0, 0)], [], { columnLimit: 1 });
    expect([capped.columns.length, capped.moreColumns]).toEqual([1, 1]);
  });

  it('reads a typed percent, and says why one cannot be used', () => {
    expect(parsePercent(' 50 ')).toEqual({ kind: 'set', percent: 50 });
    expect(parsePercent('12,5%')).toEqual({ kind: 'set', percent: 12.5 });
    expect(parsePercent('100')).toEqual({ kind: 'set', percent: 100 });
    expect(parsePercent('')).toEqual({ kind: 'remove' });
    expect(parsePercent('0')).toEqual({ kind: 'remove' });
    expect(parsePercent('0.0 %')).toEqual({ kind: 'remove' });
    const invalid = (text: string) => {
      const r = parsePercent(text);
      return r.kind === 'invalid' ? r.message : null;
    };
    expect(invalid('101')).toMatch(/at most 100/);
    expect(invalid('-5')).toMatch(/cannot be negative/);
    expect(invalid('half')).toMatch(/not a percent/);
    expect(invalid('5e1')).toMatch(/not a percent/);
    expect(invalid('1.2.3')).toMatch(/not a percent/);
  });

  it('turns a cell edit into the allocation edit that keeps its dates', () => {
    const dated = { ...alloc('a', 'w1', 60), start_date: '2026-01-01', end_date: '2026-12-31' };
    const later = { ...alloc('a', 'w1', 30, false), start_date: '2027-01-01' };
    // One active allocation: a new percent over the same dates (the backend replaces it).
    expect(cellEdit([dated], 'a', 'w1', { kind: 'set', percent: 80 })).toEqual({
      op: 'allocate',
      allocation: { person: 'a', workstream: 'w1', percent: 80, start_date: '2026-01-01', end_date: '2026-12-31' },
    });
    expect(cellEdit([dated], 'a', 'w1', { kind: 'set', percent: 60 })).toBeNull();
    // An empty cell: a new allocation for every day.
    expect(cellEdit([dated], 'b', 'w1', { kind: 'set', percent: 20 })).toEqual({
      op: 'allocate',
      allocation: { person: 'b', workstream: 'w1', percent: 20, start_date: null, end_date: null },
    });
    expect(cellEdit([dated], 'b', 'w1', { kind: 'remove' })).toBeNull();
    expect(cellEdit([dated], 'a', 'w1', { kind: 'remove' })).toEqual({ op: 'deallocate', person: 'a', workstream: 'w1' });
    // Removing today's allocation keeps next year's: deallocate drops both, so it is put back.
    expect(cellEdit([dated, later], 'a', 'w1', { kind: 'remove' })).toEqual({
      op: 'batch',
      label: 'Allocation of a to w1',
      edits: [
        { op: 'deallocate', person: 'a', workstream: 'w1' },
        { op: 'allocate', allocation: { person: 'a', workstream: 'w1', percent: 30, start_date: '2027-01-01', end_date: null } },
      ],
    });
    // Two overlapping allocations become one over both their dates.
    const open = { ...alloc('a', 'w1', 10), start_date: '2025-06-01' };
    const edit = cellEdit([dated, open, later], 'a', 'w1', { kind: 'set', percent: 50 });
    expect(edit).toMatchObject({ op: 'batch' });
    expect(edit?.op === 'batch' ? edit.edits.at(-1) : null).toEqual({
      op: 'allocate',
      allocation: { person: 'a', workstream: 'w1', percent: 50, start_date: '2025-06-01', end_date: null },
    });
  });

  it('moves between cells with the arrow, Home and End keys, staying inside the grid', () => {
    expect(moveCell({ row: 0, col: 0 }, 'ArrowDown', 3, 4)).toEqual({ row: 1, col: 0 });
    expect(moveCell({ row: 0, col: 0 }, 'ArrowUp', 3, 4)).toEqual({ row: 0, col: 0 });
    expect(moveCell({ row: 2, col: 3 }, 'ArrowRight', 3, 4)).toEqual({ row: 2, col: 3 });
    expect(moveCell({ row: 2, col: 3 }, 'ArrowLeft', 3, 4)).toEqual({ row: 2, col: 2 });
    expect(moveCell({ row: 1, col: 2 }, 'Home', 3, 4)).toEqual({ row: 1, col: 0 });
    expect(moveCell({ row: 1, col: 0 }, 'End', 3, 4)).toEqual({ row: 1, col: 3 });
    expect(moveCell({ row: 1, col: 0 }, 'a', 3, 4)).toBeNull();
    expect(moveCell({ row: 0, col: 0 }, 'ArrowDown', 0, 4)).toBeNull();
  });

  it('writes figures briefly', () => {
    expect([figure(1.5), figure(2), figure(0.33333)]).toEqual(['1.5', '2', '0.33']);
  });
});
