import { describe, expect, it } from 'vitest';
import { FakeBackend, viewOf } from '../../test/fake';
import { addUnderFreshId, allocationLines, freshId, newReport, removalQuestion } from './people';

const cards = viewOf({
  name: 't',
  as_of: '2026-01-01',
  people: [
    { id: 'p-1', name: 'Head of the org', team: 'Core' },
    { id: 'p-7', name: 'Ines', manager_id: 'p-1' },
    { id: 'p-2x', name: 'Odd id', manager_id: 'p-1' },
    { id: 'q', name: 'Role', manager_id: 'p-1', status: 'open' },
  ],
}).people;
const card = (id: string) => cards.find((p) => p.id === id)!;

describe('adding and removing people', () => {
  it('picks an id past every p-<n> in use', () => {
    expect(freshId([])).toBe('p-1');
    expect(freshId(['p-1'])).toBe('p-2');
    expect(freshId(cards.map((p) => p.id))).toBe('p-8');
    expect(freshId(['p0', 'p-09', 'x-3'])).toBe('p-10');
  });

  it('makes a new report or an open role under the manager, in their team', () => {
    expect(newReport(card('p-1'), 'report', 'p-8')).toEqual({
      id: 'p-8',
      name: 'New person',
      title: '',
      manager_id: 'p-1',
      team: 'Core',
      status: 'active',
      dotted_managers: [],
    });
    expect(newReport(card('p-7'), 'open-role', 'p-9')).toMatchObject({ name: 'Open role', title: 'Open role', status: 'open', team: null });
  });

  it('says where the reports of a removed person go', () => {
    expect(removalQuestion(card('p-1'), 3, undefined)).toBe('Remove Head of the org? Their 3 reports move to the top of the org.');
    expect(removalQuestion(card('p-7'), 1, card('p-1'))).toBe('Remove Ines? Their 1 report moves up to Head of the org.');
    expect(removalQuestion(card('q'), 0, card('p-1'))).toBe('Remove this open role? They have no reports.');
  });

  it("lists a person's allocations, the active ones first, with their dates in words", () => {
    const row = (workstream: string, percent: number, active: boolean, start_date: string | null = null, end_date: string | null = null) => ({
      person: 'a',
      workstream,
      percent,
      active,
      start_date,
      end_date,
    });
    const names = (id: string) => ({ api: 'Public API', db: 'Database move' })[id];
    const { lines, total } = allocationLines(
      [row('db', 30, false, '2027-01-01'), row('api', 60, true, '2026-01-01', '2026-12-31'), row('ops', 20, true), row('db', 10, false, null, '2025-06-01')],
      names,
    );
    expect(lines.map((l) => [l.name, l.percent, l.active, l.when])).toEqual([
      ['ops', 20, true, ''],
      ['Public API', 60, true, '1 January 2026 – 31 December 2026'],
      ['Database move', 10, false, 'until 1 June 2025'],
      ['Database move', 30, false, 'from 1 January 2027'],
    ]);
    expect(total).toBe(80);
  });

  it('tries the next id when one is taken by someone the view does not show', async () => {
    const backend = new FakeBackend({ name: 't', as_of: '2026-01-01', people: [{ id: 'p-1', name: 'Head' }, { id: 'p-2', name: 'Later hire', manager_id: 'p-1' }] });
    await backend.openDemo();
    const head = (await backend.view({})).view.people[0]!;
    const tried: string[] = [];
    const { person, info } = await addUnderFreshId(['p-1'], (id) => newReport(head, 'report', id), (p) => {
      tried.push(p.id);
      return backend.applyEdit({ edit: { op: 'add-person', person: p } });
    });
    expect(tried).toEqual(['p-2', 'p-3']);
    expect([person.id, info.info.can_undo]).toEqual(['p-3', true]);
    // Other failures are not retried, and the retries stop.
    const failing = addUnderFreshId([], (id) => newReport(head, 'report', id), () => Promise.reject({ code: 'io', message: 'disk full' }));
    await expect(failing).rejects.toMatchObject({ code: 'io' });
    let calls = 0;
    const refusing = addUnderFreshId([], (id) => newReport(head, 'report', id), () => (calls++, Promise.reject({ code: 'refused', message: 'no' })), 3);
    await expect(refusing).rejects.toMatchObject({ code: 'refused' });
    expect(calls).toBe(3);
  });
});
