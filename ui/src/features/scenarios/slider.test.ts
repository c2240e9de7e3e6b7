// @vitest-environment jsdom
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ViewRequest } from '../../lib/backend';
import { FakeBackend } from '../../test/fake';
import { mountApp, settle, staffedOrg, stubBrowser, unstubBrowser, until } from '../../test/appHarness';
import { dayNumber } from './asOf';

beforeAll(stubBrowser);
afterAll(unstubBrowser);

describe('as-of slider', () => {
  it('spans the key dates and the years around today, with ticks and the day in words', async () => {
    const { target, close } = await mountApp(new FakeBackend(staffedOrg()));
    const slider = target.querySelector<HTMLInputElement>('input[type=range]')!;
    expect([Number(slider.min), Number(slider.max), Number(slider.value)]).toEqual([
      dayNumber('2025-03-01'),
      dayNumber('2028-03-01'),
      dayNumber('2026-03-01'),
    ]);
    expect(target.querySelector('.as-of-slider .words')?.textContent).toBe('1 March 2026');
    // Where allocations start and end.
    const ticks = [...target.querySelectorAll<HTMLElement>('.tick')];
    expect(ticks.map((t) => t.title)).toEqual(['1 January 2026', '31 December 2026', '1 January 2027']);
    const at = ticks.map((t) => parseFloat(t.style.left));
    expect(at[0]).toBeCloseTo((dayNumber('2026-01-01') - dayNumber('2025-03-01')) / 1096 * 100, 0);
    close();
  });

  it('follows a drag with at most one view request in flight, the last position winning', async () => {
    const backend = new FakeBackend(staffedOrg());
    const { target, button, close } = await mountApp(backend);
    const real = backend.view.bind(backend);
    const asked: (string | null | undefined)[] = [];
    let inFlight = 0;
    let most = 0;
    vi.spyOn(backend, 'view').mockImplementation(async (request: ViewRequest) => {
      asked.push(request.as_of);
      most = Math.max(most, ++inFlight);
      await new Promise((r) => setTimeout(r, 25));
      inFlight--;
      return real(request);
    });
    const slider = target.querySelector<HTMLInputElement>('input[type=range]')!;
    for (const day of ['2026-06-01', '2026-09-01', '2027-02-01']) {
      slider.value = String(dayNumber(day));
      slider.dispatchEvent(new Event('input', { bubbles: true }));
    }
    await settle();
    // The label follows the thumb at once; the chart follows as views come in.
    expect(target.querySelector('.as-of-slider .words')?.textContent).toBe('1 February 2027');
    await until(() => target.querySelector<HTMLInputElement>('input.as-of')?.value === '2027-02-01');
    expect(asked).toEqual(['2026-06-01', '2027-02-01']);
    expect(most).toBe(1);
    expect(Number(slider.value)).toBe(dayNumber('2027-02-01'));

    // Dana's allocation starts in 2027: the workload shows it on the day picked.
    [...target.querySelectorAll<HTMLButtonElement>('[role=tab]')].find((b) => b.textContent === 'Workload')!.click();
    await settle();
    expect(target.querySelector('td.cell[data-person="dana"][data-workstream="db"]')?.textContent?.trim()).toBe('30%');

    button('Today').click();
    await until(() => target.querySelector<HTMLInputElement>('input.as-of')?.value === '2026-03-01');
    expect(target.querySelector('td.cell[data-person="dana"]')).toBeNull();
    expect(target.querySelector('.as-of-slider button')).toBeNull();
    close();
  });

  it('works without key dates from an older backend', async () => {
    const backend = new FakeBackend(staffedOrg());
    const real = backend.view.bind(backend);
    vi.spyOn(backend, 'view').mockImplementation(async (request: ViewRequest) => {
      const shown = await real(request);
      const { key_dates: _, ...rest } = shown.view;
      return { ...shown, view: rest as typeof shown.view };
    });
    const { target, close } = await mountApp(backend);
    const slider = target.querySelector<HTMLInputElement>('input[type=range]')!;
    expect([Number(slider.min), Number(slider.max)]).toEqual([dayNumber('2025-03-01'), dayNumber('2028-03-01')]);
    expect(target.querySelectorAll('.tick')).toHaveLength(0);
    close();
  });
});
