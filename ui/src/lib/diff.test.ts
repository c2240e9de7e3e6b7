import { describe, expect, it } from 'vitest';
import type { Diff } from './backend';
import { isEmpty, metricRows, touched } from './diff';
import { signed } from './format';

const diff = (over: Partial<Diff> = {}): Diff => ({
  added: [],
  removed: [],
  moved: [],
  changed: [],
  metrics: {},
  flags_added: [],
  flags_resolved: [],
  ...over,
});

describe('scenario comparison', () => {
  it('orders figures and computes deltas', () => {
    const rows = metricRows(diff({ metrics: { zeta: [1, 1], layers: [5, 6], headcount: [87, 86], mean_span: [4.3, 4.05] } }));
    expect(rows.map((r) => [r.label, r.delta])).toEqual([
      ['People', -1],
      ['Mean span', -0.25],
      ['Layers', 1],
      ['zeta', 0],
    ]);
  });

  it('marks moved, added and changed people', () => {
    const d = diff({
      moved: [{ person: 'a', from: 'm', to: 'n' }],
      added: ['b'],
      removed: ['c'],
      changed: [{ person: 'd', field: 'title', old: 'x', new: 'y' }],
    });
    expect([...touched(d)].sort()).toEqual(['a', 'b', 'd']);
    expect(isEmpty(d)).toBe(false);
    expect(isEmpty(diff({ metrics: { headcount: [3, 3] } }))).toBe(true);
  });

  it('signs deltas', () => {
    expect([signed(2), signed(-0.5), signed(0)]).toEqual(['+2', '−0.5', '0']);
  });
});
