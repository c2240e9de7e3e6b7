import { describe, expect, it } from 'vitest';
import type { Flag } from '../../lib/backend/types';
import { viewOf } from '../../test/fake';
import { groupByMissingManager, groupFlags, subjectLabel, teamAnchor, teamMembers } from './grouping';
import { markersByPerson, ruleLabel } from '../../lib/flags';

const flag = (rule: Flag['rule'], severity: Flag['severity'], id: string, kind: Flag['subject']['kind'] = 'person'): Flag => ({
  rule,
  severity,
  subject: { kind, id },
  message: `${rule} on ${id}`,
});

describe('flag grouping', () => {
  const flags = [
    flag('span-too-wide', 'warning', 'a'),
    flag('pendulum-due', 'info', 'a'),
    flag('cycle', 'error', 'b'),
    flag('span-too-wide', 'warning', 'c'),
    flag('workstream-unstaffed', 'error', 'ws1', 'workstream'),
    flag('span-too-narrow', 'warning', 'd'),
  ];

  it('groups by severity in error, warning, info order, then by rule', () => {
    const groups = groupFlags(flags);
    expect(groups.map((g) => [g.severity, g.count])).toEqual([
      ['error', 2],
      ['warning', 3],
      ['info', 1],
    ]);
    expect(groups[1]?.rules.map((r) => [r.rule, r.flags.length])).toEqual([
      ['span-too-wide', 2],
      ['span-too-narrow', 1],
    ]);
    expect(groupFlags([])).toEqual([]);
  });

  it('marks each person with their worst severity', () => {
    const markers = markersByPerson([...flags, flag('cycle', 'error', 'a')]);
    expect(markers.get('a')).toMatchObject({ worst: 'error', count: 3 });
    expect(markers.get('c')).toMatchObject({ worst: 'warning', count: 1 });
    expect(markers.has('ws1')).toBe(false);
  });

  it('labels rules for people', () => {
    expect(ruleLabel('single-point-of-failure')).toBe('Single point of failure');
  });

  it('finds the card a team flag points at and the members to highlight', () => {
    const people = viewOf({
      name: 't',
      as_of: '2026-01-01',
      people: [
        { id: 'root', name: 'Root', team: 'Core' },
        { id: 'm', name: 'Mo', manager_id: 'root', team: 'Apps' },
        { id: 'x', name: 'Xi', manager_id: 'm', team: 'Data' },
        { id: 'y', name: 'Yu', manager_id: 'root', team: 'Data' },
        { id: 'z', name: 'Zoe', manager_id: 'y', team: 'Data' },
      ],
    }).people;
    expect(teamMembers(people, 'Data').map((p) => p.id).sort()).toEqual(['x', 'y', 'z']);
    // Yu is the highest in the org of the Data team (layer 2; Xi is on layer 3).
    expect(teamAnchor(people, 'Data')).toBe('y');
    expect(teamAnchor(people, 'Data', 'z')).toBe('z');
    expect(teamAnchor(people, 'Data', 'gone')).toBe('y');
    expect(teamAnchor(people, 'Nobody')).toBeUndefined();
  });

  it('names a flag subject by its kind', () => {
    const person = (id: string) => (id === 'a' ? 'Ada' : undefined);
    const workstream = (id: string) => (id === 'w' ? 'Public API' : undefined);
    expect(subjectLabel({ kind: 'person', id: 'a' }, person, workstream)).toBe('Ada');
    expect(subjectLabel({ kind: 'person', id: 'q' }, person, workstream)).toBe('q');
    expect(subjectLabel({ kind: 'workstream', id: 'w' }, person, workstream)).toBe('Public API');
    expect(subjectLabel({ kind: 'team', id: 'Data' }, person, workstream)).toBe('Data');
  });
});

describe('unknown-manager flags by missing manager', () => {
  it('groups by the manager id on file, the largest group first, then by id', () => {
    const managers: Record<string, string> = { a: 'm-2', b: 'm-1', c: 'm-2', d: 'm-3', e: 'm-1' };
    const flags = ['a', 'b', 'c', 'd', 'e', 'gone'].map((id) => flag('unknown-manager', 'error', id));
    const groups = groupByMissingManager(flags, (id) => managers[id]);
    expect(groups.map((g) => [g.manager, g.flags.map((f) => f.subject.id)])).toEqual([
      ['m-1', ['b', 'e']],
      ['m-2', ['a', 'c']],
      ['?', ['gone']],
      ['m-3', ['d']],
    ]);
  });
});
