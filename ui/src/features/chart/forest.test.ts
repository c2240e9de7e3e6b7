import { describe, expect, it } from 'vitest';
import { viewOf, type FakePerson } from '../../test/fake';
import { Forest } from './forest';

function forestOf(people: FakePerson[]): Forest {
  return new Forest(viewOf({ name: 't', as_of: '2026-01-01', people }).people);
}

describe('forest', () => {
  const people: FakePerson[] = [
    { id: 'ceo', name: 'A' },
    { id: 'vp', name: 'B', manager_id: 'ceo' },
    { id: 'em', name: 'C', manager_id: 'vp' },
    { id: 'ic1', name: 'D', manager_id: 'em' },
    { id: 'ic2', name: 'E', manager_id: 'em' },
    { id: 'cto', name: 'F', manager_id: 'ceo' },
  ];

  it('hides everyone under a collapsed person, not the person', () => {
    const f = forestOf(people);
    expect([...f.hidden(new Set(['vp']))].sort()).toEqual(['em', 'ic1', 'ic2']);
    expect(f.hidden(new Set()).size).toBe(0);
    expect(f.hasReports('em')).toBe(true);
    expect(f.hasReports('ic1')).toBe(false);
  });

  it('reveals a person by expanding their managers only', () => {
    const f = forestOf(people);
    const next = f.reveal(new Set(['vp', 'em', 'cto']), 'ic1');
    expect([...next]).toEqual(['cto']);
    expect(f.ancestors('ic2')).toEqual(['em', 'vp', 'ceo']);
  });

  it('walks a 200,000-long reporting chain without recursion', () => {
    const n = 200_000;
    const chain: FakePerson[] = Array.from({ length: n }, (_, i) => ({
      id: `c${i}`,
      name: `P${i}`,
      manager_id: i === 0 ? null : `c${i - 1}`,
    }));
    const f = forestOf(chain);
    expect(f.ancestors(`c${n - 1}`).length).toBe(n - 1);
    expect(f.hidden(new Set(['c0'])).size).toBe(n - 1);
    // What this checks is the depth, not the speed: a loaded machine takes over the default 5 s.
  }, 60_000);

  it('stops at a reporting cycle', () => {
    const f = new Forest([
      { ...viewOf({ name: 't', as_of: '2026-01-01', people: [{ id: 'a', name: 'A' }] }).people[0]!, manager_id: 'b' },
      { ...viewOf({ name: 't', as_of: '2026-01-01', people: [{ id: 'b', name: 'B' }] }).people[0]!, manager_id: 'a' },
    ]);
    expect(f.ancestors('a')).toEqual(['b']);
    expect([...f.hidden(new Set(['a']))].sort()).toEqual(['a', 'b']);
  });
});
