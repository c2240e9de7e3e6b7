// @vitest-environment jsdom
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { FakeBackend } from '../../test/fake';
import { mountApp, plannedOrg, settle, stubBrowser, unstubBrowser, until } from '../../test/appHarness';

beforeAll(stubBrowser);
afterAll(unstubBrowser);

const open: (() => void)[] = [];
afterEach(() => {
  for (const close of open.splice(0)) close();
});

async function timelineScreen(backend = new FakeBackend(plannedOrg())) {
  const app = await mountApp(backend);
  open.push(app.close);
  const tab = (name: string) => [...app.target.querySelectorAll<HTMLButtonElement>('[role=tab]')].find((b) => b.textContent === name)!;
  tab('Timeline').click();
  await until(() => app.target.querySelector('table.heat') !== null);
  const cells = (ws: string) => [...app.target.querySelectorAll<HTMLElement>(`tr[data-workstream="${ws}"] td`)];
  return { ...app, backend, tab, cells };
}

describe('the Timeline screen', () => {
  it('shades each workstream month as the timeline says, with its figures', async () => {
    const s = await timelineScreen();
    const b = s.cells('b');
    expect(b).toHaveLength(12);
    expect(b.map((c) => c.dataset.staffing)).toEqual([...Array(6).fill('tight'), ...Array(6).fill('gap')]);
    expect(b.every((c) => c.classList.contains(c.dataset.staffing!))).toBe(true);
    expect(b[0]?.textContent?.trim()).toBe('1.7/2');
    expect(b[6]?.textContent?.trim()).toBe('0.8/2');
    expect(s.cells('a').map((c) => c.dataset.staffing).slice(2, 4)).toEqual(['fine', 'over']);
    expect(s.cells('c').map((c) => c.textContent?.trim()).slice(3, 5)).toEqual(['–', '0/1']);
    // The viewed month is marked, the teams are counted.
    expect(s.cells('b')[0]?.classList.contains('now')).toBe(true);
    expect(s.target.querySelector('tr[data-team="Core"] td')?.textContent?.trim()).toBe('3 · 2');
  });

  it('moves the day to a problem and focuses its workstream; the horizon stays where it was', async () => {
    const s = await timelineScreen();
    const problems = [...s.target.querySelectorAll<HTMLButtonElement>('ol.ahead button')];
    expect(problems.map((p) => p.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      '1 July 2026 starts Checkout becomes unstaffed on 2026-07-01. workstream-unstaffed',
      '1 September 2026 starts Billing rewrite becomes overloaded on 2026-09-01. workstream-overloaded',
    ]);
    const view = vi.spyOn(s.backend, 'view');
    problems[1]!.click();
    await settle();
    expect(view.mock.calls.at(-1)?.[0].as_of).toBe('2026-09-01');
    expect(s.target.querySelector<HTMLInputElement>('input.as-of')?.value).toBe('2026-09-01');
    expect(s.tab('Workload').getAttribute('aria-selected')).toBe('true');
    expect(s.target.querySelector('tr[data-workstream="b"]')?.classList.contains('focused')).toBe(true);

    s.tab('Timeline').click();
    await until(() => s.target.querySelector('table.heat') !== null);
    expect(s.target.querySelector('.timeline h2')?.textContent).toContain('from 1 March 2026');
    expect(s.cells('b')[6]?.classList.contains('now')).toBe(true);
  });

  it('views a month from its column, and the slider sits below the tables', async () => {
    const s = await timelineScreen();
    const may = [...s.target.querySelectorAll<HTMLButtonElement>('th.month button')][2]!;
    expect(may.textContent?.trim()).toBe('May');
    may.click();
    await settle();
    expect(s.target.querySelector<HTMLInputElement>('input.as-of')?.value).toBe('2026-05-01');
    expect(s.target.querySelector('.as-of-slider')?.classList.contains('docked')).toBe(true);
    expect(s.target.querySelector('.canvas')?.classList.contains('docked')).toBe(true);
    s.tab('Chart').click();
    await settle();
    expect(s.target.querySelector('.as-of-slider')?.classList.contains('docked')).toBe(false);
  });
});
