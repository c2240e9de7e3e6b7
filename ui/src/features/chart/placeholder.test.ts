// @vitest-environment jsdom
import { flushSync } from 'svelte';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeBackend, type FakeOrg } from '../../test/fake';
import { mountApp, settle, stubBrowser, unstubBrowser } from '../../test/appHarness';
import { placeholderText } from './placeholder';

beforeAll(stubBrowser);
afterAll(unstubBrowser);

/** One department exported: Ada's manager and Dana's are not in the file. */
function departmentOrg(): FakeOrg {
  return {
    name: 'Department',
    as_of: '2026-03-01',
    people: [
      { id: 'ada', name: 'Ada Okafor', title: 'Manager', manager_id: 'cto@example.com' },
      { id: 'bela', name: 'Bela Novak', title: 'Engineer', manager_id: 'ada' },
      { id: 'chen', name: 'Chen Silva', title: 'Engineer', manager_id: 'ada' },
      { id: 'dana', name: 'Dana Rossi', title: 'Analyst', manager_id: 'm-404' },
      { id: 'eli', name: 'Eli Moreau', title: 'Analyst', manager_id: 'm-404' },
    ],
  };
}

describe('placeholder cards', () => {
  it('say who is missing and how many report to them, as the PDF does', () => {
    const node = { id: 'm-404', x: 0, y: 0, width: 240, height: 96, placeholder: true, reports: 14 };
    expect(placeholderText(node, '2026-03-01')).toEqual({
      kicker: 'Not in this file',
      main: 'm-404',
      count: '14 reports',
      label: 'Not in this file: m-404, 14 reports',
    });
    const left = placeholderText({ ...node, id: 'p9', name: 'Goran Tanaka', reports: 1 }, '2026-03-01');
    expect(left.kicker).toBe('Not here on 1 March 2026');
    expect(left.main).toBe('Goran Tanaka');
    expect(left.count).toBe('p9 · 1 report');
  });

  it('are drawn dashed over their reports, are no one to select or move people under', async () => {
    const backend = new FakeBackend(departmentOrg());
    const { target, close } = await mountApp(backend);
    const chart = target.querySelector<HTMLElement>('.chart')!;
    const shown = [...target.querySelectorAll<HTMLElement>('.placeholder')];
    expect(shown.map((p) => p.dataset.placeholder).sort()).toEqual(['cto@example.com', 'm-404']);
    expect(chart.dataset.placeholders).toBe('2');
    const missing = target.querySelector<HTMLElement>('.placeholder[data-placeholder="m-404"]')!;
    expect(missing.textContent).toContain('Not in this file');
    expect(missing.textContent).toContain('2 reports');
    // Not a person: no person card, so the inspector, the counts and the search never see it.
    expect(target.querySelectorAll('.card')).toHaveLength(5);
    expect(target.querySelector('.card[data-person="m-404"]')).toBeNull();
    missing.click();
    await settle();
    expect(target.querySelector('.card.selected')).toBeNull();

    const world = target.querySelector<HTMLElement>('.world')!;
    const [, tx, ty, scale] = /translate\(([-\d.e]+)px, ([-\d.e]+)px\) scale\(([-\d.e]+)\)/.exec(world.style.transform)!.map(Number);
    const centre = (el: HTMLElement) => ({
      clientX: (parseFloat(el.style.left) + parseFloat(el.style.width) / 2) * scale! + tx!,
      clientY: (parseFloat(el.style.top) + parseFloat(el.style.height) / 2) * scale! + ty!,
    });
    const card = (id: string) => target.querySelector<HTMLElement>(`.card[data-person="${id}"]`)!;
    const drop = async (id: string, onto: HTMLElement) => {
      const from = centre(card(id));
      card(id).querySelector('.name')!.dispatchEvent(new MouseEvent('pointerdown', { ...from, button: 0, bubbles: true }));
      chart.dispatchEvent(new MouseEvent('pointermove', { ...centre(onto), bubbles: true }));
      flushSync();
      const hint = target.querySelector('.carry')?.textContent ?? '';
      chart.dispatchEvent(new MouseEvent('pointerup', { ...centre(onto), bubbles: true }));
      await settle();
      return hint;
    };
    const managerOf = async (id: string) => (await backend.view({})).view.people.find((p) => p.id === id)?.manager_id;

    // Dropped on a placeholder: nothing moves and the hint never offers it as a manager.
    expect(await drop('bela', missing)).toContain('on their new manager');
    expect(await managerOf('bela')).toBe('ada');
    expect(target.querySelector<HTMLButtonElement>('button[aria-label=Undo]')!.disabled).toBe(true);
    // Dropped on a person, the same drag moves them (the check above can fail).
    expect(await drop('dana', card('ada'))).toContain('under');
    expect(await managerOf('dana')).toBe('ada');
    close();
  });
});
