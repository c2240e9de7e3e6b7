// @vitest-environment jsdom
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CostDiff } from '../../lib/backend';
import { FakeBackend } from '../../test/fake';
import { mountApp, paidOrg, settle, stubBrowser, unstubBrowser, type MountedApp } from '../../test/appHarness';
import { axis, stepSign, waterfallSteps } from './waterfall';

beforeAll(stubBrowser);
afterAll(unstubBrowser);
const open: MountedApp[] = [];
afterEach(() => {
  for (const a of open.splice(0)) a.close();
});

const diff = (d: Partial<CostDiff>): CostDiff => ({
  currency: 'EUR',
  before: 1000,
  after: 1000,
  joined: 0,
  left: 0,
  changed: 0,
  unknown_before: 0,
  unknown_after: 0,
  people: [],
  ...d,
});

describe('the waterfall', () => {
  it('chains its steps from before and lands on after', () => {
    const steps = waterfallSteps(diff({ before: 1000.1, joined: 200.2, left: 50.05, changed: -10.1, after: 1140.15 }));
    expect(steps.map((s) => [s.key, s.from, s.to])).toEqual([
      ['before', 0, 1000.1],
      ['joined', 1000.1, 1200.3],
      ['left', 1200.3, 1150.25],
      ['changed', 1150.25, 1140.15],
      ['after', 0, 1140.15],
    ]);
  });

  it('writes a step of nothing without a sign (no "−€0")', () => {
    expect(stepSign('left', 0)).toBe('');
    expect(stepSign('joined', 0.4)).toBe('');
    expect(stepSign('left', 1200)).toBe('−');
    expect(stepSign('joined', 1200)).toBe('+');
    expect(stepSign('before', 1200)).toBe('');
  });

  it('starts its axis above 0 when the changes are small beside the totals, so they still show', () => {
    expect(axis(waterfallSteps(diff({ before: 1000, joined: 500, after: 1500 })))).toEqual({ lo: 0, hi: 1500 });
    const small = axis(waterfallSteps(diff({ before: 7_000_000, joined: 100_000, after: 7_100_000 })));
    expect(small.lo).toBe(6_850_000);
    expect(small.hi).toBe(7_100_000);
  });
});

describe('scenario compare with compensation shown', () => {
  async function compared() {
    const backend = new FakeBackend(paidOrg());
    const a = await mountApp(backend);
    open.push(a);
    a.button('Show compensation').click();
    await settle();
    a.button('Scenarios').click();
    await settle();
    const name = a.target.querySelector<HTMLInputElement>('input[aria-label="New scenario name"]')!;
    name.value = 'Raise L5';
    name.dispatchEvent(new Event('input', { bubbles: true }));
    name.form!.requestSubmit();
    await settle();
    return { a, backend };
  }

  it('draws the waterfall and both fiscal years, and follows a band edit in the scenario', async () => {
    const { a, backend } = await compared();
    a.button('Compare').click();
    await settle();
    const step = (key: string) => a.target.querySelector(`tr[data-step="${key}"] td.num`)!;
    expect(step('before').textContent).toBe('€319,200');
    expect(step('changed').textContent).toBe('€0');

    // One round trip: the band edit answers with the comparison and the compared fiscal year.
    await backend.applyEdit({ edit: { op: 'set-cost', change: { field: 'band', value: { level: 'L5', annual_cost: 110000 } } } });
    a.button('Compare').click();
    await settle();
    expect(step('changed').textContent).toBe('+€8,000');
    expect(step('after').textContent).toBe('€327,200');
    expect(a.target.querySelector('[data-testid=waterfall] svg')?.querySelectorAll('rect.bar').length).toBe(5);
    const months = a.target.querySelectorAll('.projection tbody tr');
    expect(months.length).toBe(12);
    const total = [...a.target.querySelectorAll('.projection tfoot td.num')].map((td) => td.textContent);
    expect(total).toEqual(['€319,200', '€327,200', '+€8,000']);
  });

  it('shows no waterfall once compensation is turned off', async () => {
    const { a } = await compared();
    a.button('Compare').click();
    await settle();
    expect(a.target.querySelector('[data-testid=waterfall]')).not.toBeNull();
    a.button('Show compensation').click();
    await settle();
    expect(a.target.querySelector('[data-testid=waterfall]')).toBeNull();
    expect(a.target.querySelector('.projection')).toBeNull();
    expect(a.target.querySelector('aside')?.textContent).not.toContain('€');
  });
});
