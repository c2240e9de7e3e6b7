// @vitest-environment jsdom
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { FakeBackend } from '../../test/fake';
import { mountApp, paidOrg, settle, staffedOrg, stubBrowser, unstubBrowser, type MountedApp } from '../../test/appHarness';

// Pay in the app, on the fake backend's real sums (paidOrg's figures are worked out there):
// hidden until "Show compensation", then the run-rate tile, the Cost tab's teams and bands,
// the inspector's masked cost, the workload's cost column, the scenario waterfall and a
// swing's cost effect.

beforeAll(stubBrowser);
afterAll(unstubBrowser);

const open: MountedApp[] = [];
afterEach(() => {
  for (const app of open.splice(0)) app.close();
});

async function app(backend = new FakeBackend(paidOrg())) {
  const a = await mountApp(backend);
  open.push(a);
  const $ = <T extends Element = HTMLElement>(s: string) => a.target.querySelector<T>(s);
  const toggle = () => $<HTMLButtonElement>('button[role=switch]')!;
  const tab = (name: string) => [...a.target.querySelectorAll<HTMLButtonElement>('nav.tabs button')].find((b) => b.textContent?.trim().startsWith(name));
  const type = async (input: HTMLInputElement, text: string) => {
    input.focus();
    input.dispatchEvent(new FocusEvent('focus'));
    await settle();
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.blur();
    input.dispatchEvent(new FocusEvent('blur'));
    await settle();
  };
  const select = async (id: string) => {
    $<HTMLElement>(`.card[data-person="${id}"]`)!.click();
    await settle();
  };
  return { ...a, backend, $, toggle, tab, type, select };
}

describe('Show compensation', () => {
  it('is off by default, and then nothing about pay shows anywhere', async () => {
    const a = await app();
    expect(a.toggle().getAttribute('aria-checked')).toBe('false');
    expect(a.tab('Cost')).toBeUndefined();
    expect(a.$('[data-testid=run-rate]')).toBeNull();
    await a.select('bela');
    expect(a.$('[data-testid=person-cost]')).toBeNull();
    a.button('Workload').click();
    await settle();
    expect(a.target.textContent).not.toMatch(/€|Annual cost|run-rate/);
    // Not even the over-budget flag says that a team is over.
    expect(a.target.textContent).not.toContain('over its annual budget');
  });

  it('turns on with one call, saved per document, and shows the run-rate against the teams’ budgets', async () => {
    const backend = new FakeBackend(paidOrg(), staffedOrg());
    const a = await app(backend);
    const spy = vi.spyOn(backend, 'showCompensation');
    a.toggle().click();
    await settle();
    expect(spy).toHaveBeenCalledTimes(1);
    expect(a.toggle().getAttribute('aria-checked')).toBe('true');
    const tile = a.$('[data-testid=run-rate]')!;
    expect(tile.querySelector('strong')?.textContent).toBe('€319,200');
    expect(tile.textContent).toContain('1 of unknown cost');

    a.tab('Cost')!.click();
    await settle();
    const row = (team: string) => a.$(`tr[data-team="${team}"]`)!;
    expect(row('Platform').classList.contains('over')).toBe(true);
    expect(row('Platform').querySelector('.run')?.textContent).toBe('€252,000');
    expect(row('Payments').classList.contains('over')).toBe(false);
    expect(row('Payments').textContent).toContain('1 unknown');
    expect(a.$<HTMLInputElement>('input[aria-label="Budget of Platform"]')!.value).toBe('€240,000');
    // The over-budget flag comes with pay.
    expect(a.tab('Flags')!.textContent).toMatch(/\d/);

    // Another document opens with its own setting (off); back to this one, it is on again.
    expect((await backend.openDocument())?.show_compensation).toBe(false);
    await backend.openDemo();
    expect((await backend.current())?.show_compensation).toBe(true);
  });
});

describe('bands and budgets', () => {
  it('edits a band through the edit path: the run-rate and the inspector’s cost follow, undo puts it back', async () => {
    const a = await app();
    a.toggle().click();
    await settle();
    a.tab('Cost')!.click();
    await settle();
    const spy = vi.spyOn(a.backend, 'applyEdit');
    await a.type(a.$<HTMLInputElement>('input[aria-label="Band L5"]')!, '110,000');
    expect(spy).toHaveBeenCalledWith({ edit: { op: 'set-cost', change: { field: 'band', value: { level: 'L5', annual_cost: 110000 } } } }, expect.anything());
    expect(a.$('[data-testid=run-rate] strong')?.textContent).toBe('€327,200');
    expect(a.$<HTMLInputElement>('input[aria-label="Band L5"]')!.value).toBe('€110,000');

    await a.select('bela');
    a.$<HTMLButtonElement>('button[aria-label="Reveal Bela Novak\'s cost"]')!.click();
    await settle();
    expect(a.$('[data-testid=person-cost]')?.textContent).toContain('€110,000');
    expect(a.$('[data-testid=person-cost]')?.textContent).toContain('band L5 (€110,000) × 1 FTE');

    a.$<HTMLButtonElement>('button[aria-label=Undo]')!.click();
    await settle();
    expect(a.$('[data-testid=run-rate] strong')?.textContent).toBe('€319,200');
  });

  it('adds a band, sets and removes a budget, and says why typed text is refused', async () => {
    const a = await app();
    a.toggle().click();
    await settle();
    a.tab('Cost')!.click();
    await settle();
    await a.type(a.$<HTMLInputElement>('input[aria-label="Band L4"]')!, 'lots');
    expect(a.$('[role=alert]')?.textContent).toBe('type an amount, like 95,000');

    const level = a.$<HTMLInputElement>('input[aria-label="New band\'s level"]')!;
    const amount = a.$<HTMLInputElement>('input[aria-label="New band\'s annual cost"]')!;
    level.value = 'L6';
    level.dispatchEvent(new Event('input', { bubbles: true }));
    amount.value = '126000';
    amount.dispatchEvent(new Event('input', { bubbles: true }));
    level.form!.requestSubmit();
    await settle();
    expect(a.$('tr[data-level="L6"] input')?.getAttribute('data-amount')).toBe('126000');

    await a.type(a.$<HTMLInputElement>('input[aria-label="Budget of Platform"]')!, '260000');
    expect(a.$('tr[data-team="Platform"]')?.classList.contains('over')).toBe(false);
    await a.type(a.$<HTMLInputElement>('input[aria-label="Budget of the whole org"]')!, '300000');
    expect(a.$('[data-testid=run-rate]')?.textContent).toContain("over the org's budget of €300,000");
    await a.type(a.$<HTMLInputElement>('input[aria-label="Budget of the whole org"]')!, '');
    expect(a.$('[data-testid=run-rate]')?.textContent).not.toContain('budget');
  });
});

describe('the inspector’s cost', () => {
  it('is masked until revealed, says where it comes from, and masks again for the next person', async () => {
    const a = await app();
    a.toggle().click();
    await settle();
    await a.select('chen');
    const box = () => a.$('[data-testid=person-cost]')!;
    expect(box().textContent).toContain('••••••');
    expect(box().textContent).not.toContain('€');
    a.$<HTMLButtonElement>('button[aria-label="Reveal Chen Silva\'s cost"]')!.click();
    await settle();
    expect(box().querySelector('strong')?.textContent).toBe('€67,200');
    expect(box().textContent).toContain('band L4 (€84,000) × 0.8 FTE');

    await a.select('ada');
    expect(box().textContent).toContain('••••••');
    a.$<HTMLButtonElement>('button[aria-label="Reveal Ada Okafor\'s cost"]')!.click();
    await settle();
    expect(box().querySelector('strong')?.textContent).toBe('€150,000');
    expect(box().textContent).toContain('own cost on file');

    await a.select('dana');
    a.$<HTMLButtonElement>('button[aria-label="Reveal Dana Rossi\'s cost"]')!.click();
    await settle();
    expect(box().querySelector('strong')?.textContent).toBe('Unknown');
    expect(box().textContent).toContain('no cost on file and no level: counted as 0');
    // Her own cost, typed, becomes an update-person edit.
    const own = a.$<HTMLInputElement>('input[aria-label="Dana Rossi\'s own annual cost"]')!;
    own.value = '90000';
    own.dispatchEvent(new Event('input', { bubbles: true }));
    own.form!.requestSubmit();
    await settle();
    expect(a.$('[data-testid=run-rate] strong')?.textContent).toBe('€409,200');
  });
});

describe('workload and swings', () => {
  it('shows each workstream’s cost: percent × the person’s cost over active allocations', async () => {
    const a = await app();
    a.toggle().click();
    await settle();
    a.button('Workload').click();
    await settle();
    const cost = (id: string) => a.$(`tr[data-workstream="${id}"] td.cost`)!;
    expect(cost('api').textContent).toBe('€88,080'); // 60% × 102,000 + 40% × 67,200
    expect(cost('db').textContent).toBe('€51,000'); // 50% × 102,000; Dana's starts in 2027
    expect(cost('ops').textContent).toBe('€0');
    a.toggle().click();
    await settle();
    expect(a.$('td.cost')).toBeNull();
  });

  it('says a swing keeps the run-rate: management is not a promotion', async () => {
    const a = await app();
    a.toggle().click();
    await settle();
    await a.select('bela');
    a.button('Plan a swing').click();
    await settle();
    const boxes = [...a.target.querySelectorAll<HTMLInputElement>('.pendulum input[type=checkbox]')];
    boxes[0]?.click();
    await settle();
    a.button('Simulate').click();
    await settle();
    const effect = a.$('[data-testid=swing-cost]')!;
    expect(effect.textContent).toContain('Run-rate unchanged at €319,200');
    expect(effect.getAttribute('data-amount')).toBe('0');
  });
});
