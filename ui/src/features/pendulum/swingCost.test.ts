import { describe, expect, it } from 'vitest';
import { swingCostLines } from './swing';

describe("a swing's cost effect", () => {
  it('is none on the run-rate when levels are kept; workstreams that move are named', () => {
    const run_rate = { currency: 'EUR', before: 500000, after: 500000, joined: 0, left: 0, changed: 0, unknown_before: 0, unknown_after: 0, people: [] };
    const lines = swingCostLines({ run_rate, workstreams: { api: [61200, 0], db: [51000, 51000], ops: [0, 61200] } }, (id) => ({ api: 'Public API', ops: 'On-call' })[id]);
    expect(lines.runRate).toBe(0);
    expect(lines.workstreams).toEqual([
      { id: 'ops', name: 'On-call', before: 0, after: 61200 },
      { id: 'api', name: 'Public API', before: 61200, after: 0 },
    ]);
  });
});
