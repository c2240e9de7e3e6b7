import { describe, expect, it } from 'vitest';
import { viewOf } from '../../test/fake';
import type { AllocationRow, WorkstreamRow } from '../../lib/backend';
import { allocationGrid } from './workload';
import {
  checkDates,
  checkRequiredFte,
  datesText,
  emptyDraft,
  KINDS,
  newWorkstream,
  removalQuestion,
  rowEdit,
  slug,
  teamNames,
  workstreamId,
  type DatedRow,
} from './workstreams';

const row = (extra: Partial<DatedRow> = {}): DatedRow => ({
  id: 'ws-api',
  name: 'Public API',
  team: 'Platform',
  kind: 'feature',
  priority: null,
  active: true,
  required_fte: 2,
  effective_fte: 1,
  allocated_fte: 1,
  load: 2,
  people: 1,
  start_date: '2026-01-01',
  end_date: '2026-12-31',
  ...extra,
});

const alloc = (person: string, workstream: string, active = true): AllocationRow => ({
  person,
  workstream,
  percent: 50,
  start_date: null,
  end_date: null,
  active,
});

const invalid = <T>(r: { ok: true; value: T } | { ok: false; message: string }) => (r.ok ? null : r.message);

describe('workstream ids', () => {
  it('slugs a name into lower-case ASCII words joined by dashes', () => {
    expect(slug('Ledger v2')).toBe('ledger-v2');
    expect(slug('  Café — Crème Brûlée!! ')).toBe('cafe-creme-brulee');
    expect(slug('Data/ML: 2027 plan')).toBe('data-ml-2027-plan');
    expect(slug('日本')).toBe('');
    // Long names are cut at a word's end, never leaving a dash at the end.
    const long = slug('The very long name of a migration nobody will ever finish on time');
    expect(long.length).toBeLessThanOrEqual(40);
    expect(long).toBe('the-very-long-name-of-a-migration-nobody');
    expect(slug('a'.repeat(60))).toBe('a'.repeat(40));
    expect(slug('abcdefghij '.repeat(5))).toBe('abcdefghij-abcdefghij-abcdefghij');
  });

  it('makes ws-<slug>, unique against the ids taken', () => {
    expect(workstreamId('Ledger v2', [])).toBe('ws-ledger-v2');
    expect(workstreamId('Ledger v2', ['ws-ledger-v2'])).toBe('ws-ledger-v2-2');
    expect(workstreamId('Ledger  V2', ['ws-ledger-v2', 'ws-ledger-v2-2', 'ws-ledger-v2-4'])).toBe('ws-ledger-v2-3');
    expect(workstreamId('日本', [])).toBe('ws-workstream');
    expect(workstreamId('???', ['ws-workstream'])).toBe('ws-workstream-2');
  });
});

describe('checks before sending', () => {
  it('reads a required FTE as a number ≥ 0, and says why another cannot be used', () => {
    expect(checkRequiredFte('1')).toEqual({ ok: true, value: 1 });
    expect(checkRequiredFte(' 2.5 ')).toEqual({ ok: true, value: 2.5 });
    expect(checkRequiredFte('1,5')).toEqual({ ok: true, value: 1.5 });
    expect(checkRequiredFte('.5')).toEqual({ ok: true, value: 0.5 });
    expect(checkRequiredFte('0')).toEqual({ ok: true, value: 0 });
    expect(invalid(checkRequiredFte('-1'))).toMatch(/cannot be negative/);
    expect(invalid(checkRequiredFte('- 0.5'))).toMatch(/cannot be negative/);
    expect(invalid(checkRequiredFte(''))).toMatch(/a number, 0 or more/);
    expect(invalid(checkRequiredFte('two'))).toBe('"two" is not a number: type the FTE needed, such as 1 or 2.5');
    expect(invalid(checkRequiredFte('1e3'))).toMatch(/not a number/);
    expect(invalid(checkRequiredFte('Infinity'))).toMatch(/not a number/);
  });

  it('reads dates as real YYYY-MM-DD days, the end not before the start', () => {
    expect(checkDates('', '')).toEqual({ ok: true, value: { start: null, end: null } });
    expect(checkDates('2026-03-01', '2026-03-01')).toEqual({ ok: true, value: { start: '2026-03-01', end: '2026-03-01' } });
    expect(invalid(checkDates('2026-02-30', ''))).toMatch(/start date "2026-02-30" is not a day/);
    expect(invalid(checkDates('', '1/3/2026'))).toMatch(/end date "1\/3\/2026" is not a day: type it as YYYY-MM-DD/);
    expect(invalid(checkDates('2026-06-01', '2026-05-31'))).toBe('The end date 2026-05-31 comes before the start date 2026-06-01');
  });

  it('turns the add form into a workstream, or names the first field to fix', () => {
    const taken = ['ws-checkout'];
    expect(newWorkstream({ ...emptyDraft(), name: ' Checkout ' }, taken)).toEqual({
      ok: true,
      workstream: {
        id: 'ws-checkout-2',
        name: 'Checkout',
        team: null,
        required_fte: 1,
        kind: 'feature',
        start_date: null,
        end_date: null,
        priority: null,
      },
    });
    const full = newWorkstream(
      { name: 'Ledger', team: ' Payments ', kind: 'migration', required: '2,5', start: '2026-04-01', end: '2026-10-01' },
      taken,
    );
    expect(full.ok && full.workstream).toMatchObject({ id: 'ws-ledger', team: 'Payments', kind: 'migration', required_fte: 2.5, start_date: '2026-04-01', end_date: '2026-10-01' });
    expect(newWorkstream({ ...emptyDraft(), name: '   ' }, taken)).toEqual({ ok: false, field: 'name', message: 'A workstream needs a name' });
    expect(newWorkstream({ ...emptyDraft(), name: 'X', required: '-2' }, taken)).toMatchObject({ ok: false, field: 'required' });
    expect(newWorkstream({ ...emptyDraft(), name: 'X', start: '2026-05-01', end: '2026-01-01' }, taken)).toMatchObject({ ok: false, field: 'dates' });
    expect(KINDS).toEqual(['feature', 'migration', 'operations', 'other']);
    expect(emptyDraft().kind).toBe('feature');
  });
});

describe('row edits', () => {
  it('sends one update for a changed field and nothing for an unchanged one', () => {
    const w = row();
    expect(rowEdit(w, 'name', ' Public API v2 ')).toEqual({
      ok: true,
      value: { op: 'update-workstream', id: 'ws-api', change: { field: 'name', value: 'Public API v2' } },
    });
    expect(rowEdit(w, 'name', 'Public API ')).toEqual({ ok: true, value: null });
    expect(invalid(rowEdit(w, 'name', ' '))).toBe('A workstream needs a name');
    expect(rowEdit(w, 'required', '0')).toEqual({
      ok: true,
      value: { op: 'update-workstream', id: 'ws-api', change: { field: 'required_fte', value: 0 } },
    });
    expect(rowEdit(w, 'required', '2.0')).toEqual({ ok: true, value: null });
    expect(invalid(rowEdit(w, 'required', '-0.5'))).toMatch(/cannot be negative/);
    expect(rowEdit(w, 'kind', 'operations')).toEqual({
      ok: true,
      value: { op: 'update-workstream', id: 'ws-api', change: { field: 'kind', value: 'operations' } },
    });
    expect(invalid(rowEdit(w, 'kind', 'epic'))).toMatch(/not a kind/);
    expect(rowEdit(w, 'team', '')).toEqual({
      ok: true,
      value: { op: 'update-workstream', id: 'ws-api', change: { field: 'team', value: null } },
    });
    expect(rowEdit(w, 'team', 'Platform')).toEqual({ ok: true, value: null });
  });

  it('changes dates in an order the backend accepts, each checked against the other as it stands', () => {
    const w = row();
    const set = (field: 'start_date' | 'end_date', value: string | null) => ({ op: 'update-workstream', id: 'ws-api', change: { field, value } });
    expect(rowEdit(w, 'dates', ['2026-01-01', ''])).toEqual({ ok: true, value: set('end_date', null) });
    expect(rowEdit(w, 'dates', ['2026-01-01', '2026-12-31'])).toEqual({ ok: true, value: null });
    // Both later than the old end: the end moves first, or the new start would be after it.
    expect(rowEdit(w, 'dates', ['2027-03-01', '2027-06-01'])).toEqual({
      ok: true,
      value: { op: 'batch', label: 'Dates of Public API', edits: [set('end_date', '2027-06-01'), set('start_date', '2027-03-01')] },
    });
    // Both earlier: the start moves first, or the new end would be before the old start.
    expect(rowEdit(w, 'dates', ['2025-01-01', '2025-06-01'])).toEqual({
      ok: true,
      value: { op: 'batch', label: 'Dates of Public API', edits: [set('start_date', '2025-01-01'), set('end_date', '2025-06-01')] },
    });
    expect(invalid(rowEdit(w, 'dates', ['2026-05-01', '2026-04-01']))).toMatch(/comes before/);
  });

  it('writes dates in words, each day held together', () => {
    const plain = (text: string) => text.replace(/\u00a0/g, ' ');
    expect(datesText('2026-03-01', '2026-06-30')).toBe('1\u00a0Mar\u00a02026\u00a0– 30\u00a0Jun\u00a02026');
    expect(plain(datesText('2026-03-01', null))).toBe('from 1 Mar 2026');
    expect(plain(datesText(null, '2027-01-15'))).toBe('until 15 Jan 2027');
    expect(datesText(null, null)).toBe('Any time');
  });
});

describe('removal and the grid', () => {
  it('asks naming every allocation that goes with the workstream, on any day', () => {
    const people = viewOf({
      name: 't',
      as_of: '2026-01-01',
      people: [
        { id: 'a', name: 'Ada' },
        { id: 'b', name: 'Bela' },
        { id: 'c', name: 'Chen' },
        { id: 'd', name: 'Dana' },
      ],
    }).people;
    const w = row();
    expect(removalQuestion(w, [], people)).toBe('Remove “Public API”? Nobody is allocated to it.');
    expect(removalQuestion(w, [alloc('a', 'ws-api'), alloc('b', 'other')], people)).toBe(
      'Remove “Public API”? Its 1 allocation (Ada) goes with it.',
    );
    expect(removalQuestion(w, [alloc('a', 'ws-api'), alloc('a', 'ws-api', false), alloc('b', 'ws-api')], people)).toBe(
      'Remove “Public API”? Its 3 allocations (Ada and Bela) go with it.',
    );
    const four = ['a', 'b', 'c', 'd'].map((p) => alloc(p, 'ws-api'));
    expect(removalQuestion(w, four, people)).toBe('Remove “Public API”? Its 4 allocations (Ada, Bela, Chen and 1 more) go with it.');
  });

  it('shows a pinned workstream as a column even when nobody needs or holds it', () => {
    const people = viewOf({ name: 't', as_of: '2026-01-01', people: [{ id: 'a', name: 'Ada' }] }).people;
    const used: WorkstreamRow = { ...row({ id: 'used', name: 'Used' }) };
    const idle: WorkstreamRow = { ...row({ id: 'new', name: 'New', required_fte: 0, effective_fte: 0 }) };
    const allocations = [alloc('a', 'used')];
    expect(allocationGrid(people, [used, idle], allocations).columns.map((c) => c.id)).toEqual(['used']);
    expect(allocationGrid(people, [used, idle], allocations, { pinned: ['new'] }).columns.map((c) => c.id)).toEqual(['new', 'used']);
    // Not active on the day: pinned or not, it is no column.
    expect(allocationGrid(people, [used, { ...idle, active: false }], allocations, { pinned: ['new'] }).columns.map((c) => c.id)).toEqual(['used']);
  });

  it('offers the teams of the view, of people and of workstreams, once each', () => {
    const people = viewOf({ name: 't', as_of: '2026-01-01', people: [{ id: 'a', name: 'Ada', team: 'Search' }, { id: 'b', name: 'Bo' }] }).people;
    expect(teamNames([{ id: 'Payments' }], people, [row({ team: 'Platform' }), row({ team: 'Search' }), row({ team: null })])).toEqual([
      'Payments',
      'Platform',
      'Search',
    ]);
  });
});
