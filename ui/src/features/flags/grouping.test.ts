import { describe, expect, it } from 'vitest';
import type { Flag } from '../../lib/backend/types';
import { groupFlags, markersByPerson, ruleLabel } from './grouping';

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
});
