// @vitest-environment jsdom
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FakeBackend } from '../../test/fake';
import { mountApp, settle, staffedOrg, stubBrowser, unstubBrowser, until } from '../../test/appHarness';

beforeAll(stubBrowser);
afterAll(unstubBrowser);

/** What a new document holds: one person. */
const newDocument = () => ({
  name: 'Untitled',
  as_of: '2026-03-01',
  people: [{ id: 'p-1', name: 'Head of the org', title: 'Director', role: 'director' as const }],
});

describe('inspector: adding and removing people', () => {
  it('grows a one-person document: a report, then an open role, each selected with the name ready', async () => {
    const backend = new FakeBackend(newDocument());
    const { target, button, close } = await mountApp(backend);
    const select = async (id: string) => {
      target.querySelector<HTMLElement>(`.card[data-person="${id}"]`)!.click();
      await settle();
    };
    await select('p-1');
    expect(button('Remove').disabled).toBe(true);

    const spy = vi.spyOn(backend, 'applyEdit');
    button('Add report').click();
    await settle();
    expect(spy).toHaveBeenCalledWith({
      edit: {
        op: 'add-person',
        person: { id: 'p-2', name: 'New person', title: '', manager_id: 'p-1', team: null, status: 'active', dotted_managers: [] },
      },
    }, expect.anything());
    await until(() => target.querySelector('.card[data-person="p-2"]') !== null);
    expect(target.querySelector('aside h2')?.textContent).toBe('New person');
    const name = document.activeElement as HTMLInputElement;
    expect(name.tagName).toBe('INPUT');
    expect(name.value).toBe('New person');
    expect([name.selectionStart, name.selectionEnd]).toEqual([0, 'New person'.length]);
    name.value = 'Jonas Fischer';
    name.dispatchEvent(new Event('input', { bubbles: true }));
    name.dispatchEvent(new FocusEvent('blur'));
    await until(() => target.querySelector('.card[data-person="p-2"] .name')?.textContent === 'Jonas Fischer');

    await select('p-1');
    button('Add open role').click();
    await settle();
    await until(() => target.querySelector('.card[data-person="p-3"]') !== null);
    expect(target.querySelector('.card[data-person="p-3"]')?.classList.contains('open')).toBe(true);
    expect(target.querySelector('aside h2')?.textContent).toBe('Open role');
    close();
  });

  it('removes a manager after a confirmation naming where the reports go, and selects their manager', async () => {
    const backend = new FakeBackend({
      name: 'Small org',
      as_of: '2026-03-01',
      people: [
        { id: 'a', name: 'Ada' },
        { id: 'b', name: 'Bela', manager_id: 'a' },
        { id: 'c', name: 'Chen', manager_id: 'b' },
        { id: 'd', name: 'Dana', manager_id: 'b' },
      ],
    });
    const { target, button, close } = await mountApp(backend);
    target.querySelector<HTMLElement>('.card[data-person="b"]')!.click();
    await settle();
    const spy = vi.spyOn(backend, 'applyEdit');
    button('Remove').click();
    await settle();
    const confirm = target.querySelector('[role=alertdialog]')!;
    expect(confirm.textContent).toContain('Remove Bela? Their 2 reports move up to Ada.');
    expect(spy).not.toHaveBeenCalled();

    // Cancel leaves everything as it was.
    button('Cancel').click();
    await settle();
    expect(target.querySelector('[role=alertdialog]')).toBeNull();

    button('Remove').click();
    await settle();
    [...target.querySelectorAll<HTMLButtonElement>('[role=alertdialog] button')].find((b) => b.textContent === 'Remove')!.click();
    await settle();
    expect(spy).toHaveBeenCalledWith({ edit: { op: 'remove-person', id: 'b' } }, expect.anything());
    expect(target.querySelector('.card[data-person="b"]')).toBeNull();
    const view = (await backend.view({})).view;
    expect(view.people.filter((p) => p.manager_id === 'a').map((p) => p.id)).toEqual(['c', 'd']);
    expect(target.querySelector('aside h2')?.textContent).toBe('Ada');

    // Undo brings Bela back with her reports.
    target.querySelector<HTMLButtonElement>('button[aria-label=Undo]')!.click();
    await settle();
    expect((await backend.view({})).view.people.find((p) => p.id === 'c')?.manager_id).toBe('b');
    close();
  });

  it("shows the person's allocations, over capacity marked, and follows an edit in the grid", async () => {
    const { target, button, close } = await mountApp(new FakeBackend(staffedOrg()));
    target.querySelector<HTMLElement>('.card[data-person="bela"]')!.click();
    await settle();
    const load = () => target.querySelector('aside .load');
    expect(load()?.textContent).toBe('110% of 100%');
    expect(load()?.classList.contains('over')).toBe(true);
    expect([...target.querySelectorAll('aside .work li')].map((li) => li.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      'Database move 50%',
      'Public API 60% 1 January 2026 – 31 December 2026',
    ]);

    button('Edit in the workload grid').click();
    await settle();
    target.querySelector<HTMLElement>('td.cell[data-person="bela"][data-workstream="db"]')!.click();
    await settle();
    const input = target.querySelector<HTMLInputElement>('input.edit')!;
    input.value = '40';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await settle();
    expect(load()?.textContent).toBe('100% of 100%');
    expect(load()?.classList.contains('over')).toBe(false);
    close();
  });
});
