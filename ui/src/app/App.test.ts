// @vitest-environment jsdom
import { flushSync, mount, tick, unmount } from 'svelte';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FakeBackend, syntheticOrg } from '../test/fake';
import App from './App.svelte';

// jsdom has no layout: give the chart a size, and stub what the browser would provide.
beforeAll(() => {
  vi.stubGlobal(
    'ResizeObserver',
    class {
      constructor(private readonly callback: ResizeObserverCallback) {}
      observe() {
        const entry = { contentRect: { width: 1000, height: 700 } } as ResizeObserverEntry;
        this.callback([entry], this as unknown as ResizeObserver);
      }
      disconnect() {}
      unobserve() {}
    },
  );
  vi.stubGlobal('matchMedia', () => ({ matches: false, addEventListener() {}, removeEventListener() {} }));
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});

afterAll(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

async function settle() {
  for (let i = 0; i < 5; i++) {
    await new Promise((r) => setTimeout(r, 0));
    await tick();
  }
  flushSync();
}

describe('app', () => {
  it('opens the demo on first launch, draws its cards and jumps to a searched person', async () => {
    const backend = new FakeBackend(syntheticOrg(60, 5));
    const target = document.createElement('div');
    document.body.append(target);
    const app = mount(App, { target, props: { backend } });
    await settle();

    expect(backend.calls.slice(0, 3)).toEqual(['current', 'openDemo', 'view']);
    expect(target.querySelector('.doc-name')?.textContent).toBe('Synthetic org (60)');
    const cards = target.querySelectorAll('.card');
    expect(cards.length).toBeGreaterThan(0);
    expect(target.querySelector('.card[data-person="p0"]')?.textContent).toContain('Ada Okafor');

    const search = target.querySelector<HTMLInputElement>('input[type=search]')!;
    search.value = 'Kiri';
    search.dispatchEvent(new Event('input', { bubbles: true }));
    flushSync();
    search.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await settle();
    expect(target.querySelector('aside h2')?.textContent).toBe('Kiri Okafor');

    unmount(app);
  });

  it('collapses a subtree through the backend and shows a typed error when a call fails', async () => {
    // Small enough to open at a zoom where cards show their collapse toggles.
    const backend = new FakeBackend(syntheticOrg(7, 3));
    const target = document.createElement('div');
    document.body.append(target);
    const app = mount(App, { target, props: { backend } });
    await settle();
    const before = target.querySelectorAll('.card').length;
    target.querySelector<HTMLButtonElement>('.card[data-person="p1"] .toggle')!.click();
    await settle();
    expect(target.querySelectorAll('.card').length).toBeLessThan(before);
    expect(backend.calls.filter((c) => c === 'view')).toHaveLength(2);

    vi.spyOn(backend, 'view').mockRejectedValueOnce({ code: 'io', message: 'disk on fire' });
    target.querySelector<HTMLButtonElement>('.card[data-person="p1"] .toggle')!.click();
    await settle();
    expect(target.querySelector('[role=alert]')?.textContent).toContain('disk on fire');
    unmount(app);
  });

  it('moves a person by dropping their card on a new manager, refuses a cycle, and undoes', async () => {
    const backend = new FakeBackend(syntheticOrg(7, 3));
    const target = document.createElement('div');
    document.body.append(target);
    const app = mount(App, { target, props: { backend } });
    await settle();

    const chart = target.querySelector<HTMLElement>('.chart')!;
    const world = target.querySelector<HTMLElement>('.world')!;
    const [, tx, ty, scale] = /translate\(([-\d.e]+)px, ([-\d.e]+)px\) scale\(([-\d.e]+)\)/.exec(world.style.transform)!.map(Number);
    // The screen point at the middle of a person's card (the chart sits at 0,0 in jsdom).
    const centre = (id: string) => {
      const card = target.querySelector<HTMLElement>(`.card[data-person="${id}"]`)!;
      const x = parseFloat(card.style.left) + parseFloat(card.style.width) / 2;
      const y = parseFloat(card.style.top) + parseFloat(card.style.height) / 2;
      return { clientX: x * scale! + tx!, clientY: y * scale! + ty! };
    };
    const drag = async (id: string, onto: string) => {
      const from = centre(id);
      const to = centre(onto);
      target.querySelector(`.card[data-person="${id}"] .name`)!.dispatchEvent(
        new MouseEvent('pointerdown', { ...from, button: 0, bubbles: true }),
      );
      chart.dispatchEvent(new MouseEvent('pointermove', { ...to, bubbles: true }));
      flushSync();
      expect(target.querySelector('.carry')?.textContent).toContain('under');
      chart.dispatchEvent(new MouseEvent('pointerup', { ...to, bubbles: true }));
      await settle();
    };
    const managerOf = async (id: string) => (await backend.view({})).view.people.find((p) => p.id === id)?.manager_id;

    // p4 reports to p1; drop it on p2.
    await drag('p4', 'p2');
    expect(await managerOf('p4')).toBe('p2');
    expect(target.querySelector<HTMLButtonElement>('button[aria-label=Undo]')!.disabled).toBe(false);

    // Dropping p1 onto its own report would make a cycle: refused, with the reason shown.
    await drag('p1', 'p5');
    expect(target.querySelector('[role=alert]')?.textContent).toContain('Not possible');
    expect(await managerOf('p1')).toBe('p0');

    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'z', ctrlKey: true, bubbles: true }));
    await settle();
    expect(await managerOf('p4')).toBe('p1');
    unmount(app);
  });

  it('edits a person in the inspector and undo restores the old value', async () => {
    const backend = new FakeBackend(syntheticOrg(7, 3));
    const target = document.createElement('div');
    document.body.append(target);
    const app = mount(App, { target, props: { backend } });
    await settle();
    target.querySelector<HTMLElement>('.card[data-person="p2"]')!.click();
    await settle();

    const title = [...target.querySelectorAll<HTMLLabelElement>('aside label')]
      .find((l) => l.textContent?.includes('Title'))!
      .querySelector('input')!;
    expect(title.value).toBe('Director of Engineering');
    title.value = 'VP of <b>Things</b>';
    title.dispatchEvent(new Event('input', { bubbles: true }));
    title.dispatchEvent(new FocusEvent('blur'));
    await settle();
    expect(backend.calls).toContain('applyEdit');
    const card = target.querySelector('.card[data-person="p2"]')!;
    expect(card.querySelector('.title')?.textContent).toBe('VP of <b>Things</b>');
    expect(card.querySelector('b')).toBeNull();

    target.querySelector<HTMLButtonElement>('button[aria-label=Undo]')!.click();
    await settle();
    expect(target.querySelector('.card[data-person="p2"] .title')?.textContent).toBe('Director of Engineering');
    unmount(app);
  });

  it('switches to the workload screen and back to the chart on a person', async () => {
    const backend = new FakeBackend(syntheticOrg(7, 3));
    const target = document.createElement('div');
    document.body.append(target);
    const app = mount(App, { target, props: { backend } });
    await settle();
    const tab = (name: string) => [...target.querySelectorAll<HTMLButtonElement>('[role=tab]')].find((b) => b.textContent === name)!;
    tab('Workload').click();
    await settle();
    expect(target.querySelector('.chart')).toBeNull();
    expect(target.querySelector('.workload')?.textContent).toContain('No workstreams yet');
    tab('Chart').click();
    await settle();
    expect(target.querySelector('.chart')).not.toBeNull();
    unmount(app);
  });

  it('forks a scenario, compares it with the baseline and marks what changed', async () => {
    const backend = new FakeBackend(syntheticOrg(7, 3));
    const target = document.createElement('div');
    document.body.append(target);
    const app = mount(App, { target, props: { backend } });
    await settle();
    const button = (text: string) =>
      [...target.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.trim() === text)!;

    button('Scenarios').click();
    await settle();
    const name = target.querySelector<HTMLInputElement>('input[aria-label="New scenario name"]')!;
    name.value = 'Plan B';
    name.dispatchEvent(new Event('input', { bubbles: true }));
    name.form!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await settle();
    expect(target.querySelector('.doc-meta')?.textContent).toContain('Plan B');

    button('Compare').click();
    await settle();
    expect(target.querySelector('aside')?.textContent).toContain('No difference with Baseline');

    // An edit in the fork shows up in the comparison and on the chart.
    await backend.applyEdit({ edit: { op: 'move-person', id: 'p4', manager: 'p2' } });
    button('Compare').click();
    await settle();
    expect(target.querySelector('aside')?.textContent).toContain('Moved');
    expect(target.querySelector('.card[data-person="p4"]')?.classList.contains('highlighted')).toBe(true);

    // Back to the baseline: the comparison is against the scenario now shown, so it clears.
    button('Baseline').click();
    await settle();
    expect(target.querySelector('.doc-meta')?.textContent).toContain('Baseline');
    expect(target.querySelector('.card.highlighted')).toBeNull();
    unmount(app);
  });

  it('plans a swing back to IC, simulates it and applies it as a scenario', async () => {
    const backend = new FakeBackend(syntheticOrg(7, 3));
    const target = document.createElement('div');
    document.body.append(target);
    const app = mount(App, { target, props: { backend } });
    await settle();
    const button = (text: string) =>
      [...target.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.trim().startsWith(text))!;

    target.querySelector<HTMLElement>('.card[data-person="p1"]')!.click();
    await settle();
    expect(target.querySelector('.spells')?.textContent).toContain('Manager');
    button('Plan a swing to IC').click();
    await settle();
    const successor = target.querySelector<HTMLSelectElement>('select[aria-label=Successor]')!;
    successor.value = 'p5';
    successor.dispatchEvent(new Event('change', { bubbles: true }));
    button('Simulate').click();
    await settle();
    expect(backend.calls).toContain('simulate');
    const report = target.querySelector('.report')!.textContent!;
    expect(report).toContain('Moves');
    expect(report).toContain('Layers');
    expect(target.querySelector('.report svg polyline.after')?.getAttribute('points')).toBeTruthy();
    expect((await backend.current())?.can_undo).toBe(false);

    button('Apply as scenario').click();
    await settle();
    expect(target.querySelector('.doc-meta')?.textContent).toContain('to IC');
    const view = (await backend.view({})).view;
    expect(view.people.find((p) => p.id === 'p4')?.manager_id).toBe('p5');
    unmount(app);
  });

  it("offers a flagged person's suggested swings and fills the plan with the one picked", async () => {
    const org = syntheticOrg(7, 3);
    const day = org.as_of;
    const due = { rule: 'pendulum-due', severity: 'info', subject: { kind: 'person', id: 'p1' }, message: 'p1 is due' } as const;
    const wide = { rule: 'span-too-wide', severity: 'warning', subject: { kind: 'person', id: 'p1' }, message: 'p1 is wide' } as const;
    org.flags = [due, wide];
    const backend = new FakeBackend(org);
    backend.suggestions = [
      {
        for: due,
        swing: { person: 'p1', to: 'ic', date: day, reports: [], successor: 'p5', join: {} },
        resolves: [due],
        adds: [],
        moves: 3,
        ic_capacity_delta: 0.5,
      },
      {
        for: wide,
        swing: { person: 'p4', to: 'manager', date: day, reports: ['p6'], successor: null, join: {} },
        resolves: [wide],
        adds: [],
        moves: 1,
        ic_capacity_delta: -0.2,
      },
    ];
    const simulated = vi.spyOn(backend, 'simulate');
    const target = document.createElement('div');
    document.body.append(target);
    const app = mount(App, { target, props: { backend } });
    await settle();
    const name = async (id: string) => (await backend.view({})).view.people.find((p) => p.id === id)!.name;

    target.querySelector<HTMLElement>('.card[data-person="p1"]')!.click();
    await settle();
    // Asked for on demand: showing the person costs no simulation.
    expect(backend.calls).not.toContain('suggest');
    target.querySelector<HTMLButtonElement>('aside button.ask')!.click();
    await settle();
    const offered = [...target.querySelectorAll<HTMLButtonElement>('.suggestions button.suggestion')];
    expect(offered).toHaveLength(2);
    expect(offered[0]!.textContent).toContain(`to IC, ${await name('p5')} takes the team`);
    expect(offered[0]!.textContent).toContain('resolves 1 · adds no flag · 3 moves · IC capacity +0.5');
    expect(offered[1]!.textContent).toContain(`${await name('p4')} to manager of 1 (${await name('p6')})`);
    expect(backend.calls.filter((c) => c === 'suggest')).toHaveLength(2);

    // The person's own swing: the plan is filled and simulated at once.
    offered[0]!.click();
    await settle();
    expect(simulated).toHaveBeenLastCalledWith({ person: 'p1', to: 'ic', date: day, successor: 'p5' });
    expect(target.querySelector<HTMLSelectElement>('select[aria-label=Successor]')!.value).toBe('p5');
    expect(target.querySelector('.report')?.textContent).toContain('Moves');

    // A report's swing: the inspector moves to them, with the plan filled.
    offered[1]!.click();
    await settle();
    expect(target.querySelector('aside h2')?.textContent).toContain(await name('p4'));
    expect(simulated).toHaveBeenLastCalledWith({ person: 'p4', to: 'manager', date: day, reports: ['p6'] });
    const checked = [...target.querySelectorAll<HTMLInputElement>('.pendulum input[type=checkbox]')].filter((c) => c.checked);
    expect(checked.map((c) => c.value)).toEqual(['p6']);
    unmount(app);
  });

  it("asks for a flag's suggested swings from the Flags tab", async () => {
    const org = syntheticOrg(7, 3);
    const due = { rule: 'pendulum-due', severity: 'info', subject: { kind: 'person', id: 'p2' }, message: 'p2 is due' } as const;
    const orphan = { rule: 'unknown-manager', severity: 'error', subject: { kind: 'person', id: 'p3' }, message: 'p3 has none' } as const;
    org.flags = [due, orphan];
    const backend = new FakeBackend(org);
    backend.suggestions = [
      {
        for: due,
        swing: { person: 'p2', to: 'ic', date: org.as_of, reports: [], successor: null, join: {} },
        resolves: [due],
        adds: [],
        moves: 0,
        ic_capacity_delta: 1,
      },
    ];
    const target = document.createElement('div');
    document.body.append(target);
    const app = mount(App, { target, props: { backend } });
    await settle();
    const tab = [...target.querySelectorAll<HTMLButtonElement>('nav.tabs button')].find((b) => b.textContent?.startsWith('Flags'))!;
    tab.click();
    await settle();
    // Only the flag a swing answers offers it.
    const asks = [...target.querySelectorAll<HTMLButtonElement>('aside button.suggest')];
    expect(asks).toHaveLength(1);
    expect(backend.calls).not.toContain('suggest');
    asks[0]!.click();
    await settle();
    expect(target.querySelector('aside h2')?.textContent).toContain((await backend.view({})).view.people.find((p) => p.id === 'p2')!.name);
    expect(backend.calls.filter((c) => c === 'suggest')).toHaveLength(1);
    expect(target.querySelector('.suggestions button.suggestion')?.textContent).toContain('to IC, reports to peer managers');
    unmount(app);
  });

  it('exports a PDF report with its options and confirms the file written', async () => {
    const backend = new FakeBackend(syntheticOrg(7, 3));
    const target = document.createElement('div');
    document.body.append(target);
    const app = mount(App, { target, props: { backend } });
    await settle();
    const button = (text: string) =>
      [...target.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.trim().startsWith(text))!;
    button('Export').click();
    await settle();
    const dialog = target.querySelector<HTMLElement>('[role=dialog]')!;
    const page = dialog.querySelector<HTMLSelectElement>('select[aria-label="Page size"]')!;
    page.value = 'letter';
    page.dispatchEvent(new Event('change', { bubbles: true }));
    // The preview waits for a pause in changes, then asks once.
    await new Promise((r) => setTimeout(r, 300));
    await settle();
    expect(backend.calls.filter((c) => c === 'pdfPreview')).toHaveLength(1);
    expect(dialog.querySelector('.pages')?.textContent).toContain('5 pages');
    expect(dialog.querySelector<HTMLImageElement>('.thumb img')?.getAttribute('src')).toMatch(/^data:image\/svg\+xml;charset=utf-8,%3Csvg/);
    const spy = vi.spyOn(backend, 'exportTo');
    dialog.querySelector<HTMLButtonElement>('button.primary')!.click();
    await settle();
    expect(spy).toHaveBeenCalledWith('pdf', { page: 'letter', landscape: true, one_page: false });
    expect(target.querySelector('[role=dialog]')).toBeNull();
    expect(target.querySelector('[role=status]')?.textContent).toBe('Saved Synthetic org (7).pdf');
    unmount(app);
  });

  it('creates a document with Ctrl+N, lists it under Open recent, and starts the demo over after asking', async () => {
    const backend = new FakeBackend(syntheticOrg(7, 3));
    const target = document.createElement('div');
    document.body.append(target);
    const app = mount(App, { target, props: { backend } });
    await settle();
    const button = (text: string) =>
      [...target.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.trim().startsWith(text))!;
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'n', ctrlKey: true, bubbles: true, cancelable: true }));
    await settle();
    expect(target.querySelector('.doc-name')?.textContent).toBe('Untitled');
    expect(target.querySelector('.card[data-person="p-1"]')?.textContent).toContain('Head of the org');

    button('File').click();
    await settle();
    button('Open the demo').click();
    await settle();
    expect(target.querySelector('.doc-name')?.textContent).toBe('Synthetic org (7)');
    button('File').click();
    await settle();
    button('Open recent').click();
    await settle();
    expect(target.querySelector('[role=menu][aria-label="Recent documents"]')?.textContent).toContain('Untitled~/Documents');

    button('Start the demo over').click();
    await settle();
    expect(target.querySelector('[role=alertdialog]')?.textContent).toContain('edits and scenarios are lost');
    expect(backend.calls).not.toContain('resetDemo');
    button('Start over').click();
    await settle();
    expect(backend.calls).toContain('resetDemo');
    expect(target.querySelector('[role=alertdialog]')).toBeNull();
    unmount(app);
  });

  it('previews an import (mapping, counts) before importing and opening it', async () => {
    const picked = { ...syntheticOrg(12, 3), name: 'Acme people' };
    const backend = new FakeBackend(syntheticOrg(7, 3), picked);
    const target = document.createElement('div');
    document.body.append(target);
    const app = mount(App, { target, props: { backend } });
    await settle();
    const button = (text: string) =>
      [...target.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.trim().startsWith(text))!;
    button('File').click();
    await settle();
    button('Import CSV').click();
    await settle();
    const dialog = target.querySelector('[role=dialog]')!;
    expect(dialog.textContent).toContain('Import 12 people');
    expect(dialog.textContent).toContain('Reports To');
    expect(dialog.querySelector('tr.ignored')?.textContent).toContain('Shoe size');
    expect(backend.calls).not.toContain('importConfirm');
    button('Import and save').click();
    await settle();
    expect(target.querySelector('[role=dialog]')).toBeNull();
    expect(target.querySelector('.doc-name')?.textContent).toBe('Acme people');
    unmount(app);
  });
});
