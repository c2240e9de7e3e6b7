import { describe, expect, it } from 'vitest';
import type { ManagerLoad } from './backend';
import { loadHeadline, loadParts } from './load';

const load: ManagerLoad = {
  person: 'p-rachel',
  reports: 7,
  ramping: 2,
  ramping_extra: 1.1,
  open_roles: 1,
  dotted: 1,
  allocated_percent: 40,
  allocations: [{ workstream: 'ws-ledger', name: 'Ledger v2', percent: 40 }],
  load: 9.6,
  capacity: 3.6,
};

describe('manager load in the inspector', () => {
  it('names every part as the flag does, weighted by the thresholds', () => {
    expect(loadParts(load, 1, 0.5)).toEqual([
      '7 reports',
      '2 of them ramping (+1.1)',
      '1 open role (+1)',
      '1 dotted-line report (+0.5)',
      '40% on Ledger v2',
    ]);
    expect(loadParts({ ...load, open_roles: 2, dotted: 0, ramping: 0, allocations: [] }, 1.5, 0.5)).toEqual([
      '7 reports',
      '2 open roles (+3)',
    ]);
  });

  it('says load against capacity and whether it is over', () => {
    expect(loadHeadline(load)).toEqual({ text: '9.6 of 3.6', over: true });
    expect(loadHeadline({ ...load, load: 3.6 })).toEqual({ text: '3.6 of 3.6', over: false });
  });
});
