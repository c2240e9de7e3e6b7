// @vitest-environment jsdom
import { flushSync } from 'svelte';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FakeBackend } from '../../test/fake';
import { mountApp, settle, staffedOrg, stubBrowser, unstubBrowser } from '../../test/appHarness';

beforeAll(stubBrowser);
afterAll(unstubBrowser);

/** The app on the workload screen of the staffed org. */
async function workload(backend = new FakeBackend(staffedOrg())) {
  const app = await mountApp(backend);
  [...app.target.querySelectorAll<HTMLButtonElement>('[role=tab]')].find((b) => b.textContent === 'Workload')!.click();
  await settle();
  const cell = (person: string, workstream: string) =>
    app.target.querySelector<HTMLElement>(`td.cell[data-person="${person}"][data-workstream="${workstream}"]`)!;
  const row = (person: string) => cell(person, 'api').closest('tr')!;
  const type = async (text: string, key = 'Enter') => {
    const input = app.target.querySelector<HTMLInputElement>('td.cell input.edit')!;
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    await settle();
  };
  return { ...app, backend, cell, row, type };
}

describe('allocation grid', () => {
  it('edits a percent in place, keeping the allocation dates, and the over-allocation clears', async () => {
    const { backend, cell, row, type, target, close } = await workload();
    expect(row('bela').classList.contains('over')).toBe(true);
    expect(cell('bela', 'api').textContent?.trim()).toBe('60%');
    // On-call is unstaffed: a gap column, marked.
    expect(target.querySelector('th.col.unstaffed')?.textContent).toBe('On-call');

    const spy = vi.spyOn(backend, 'applyEdit');
    cell('bela', 'api').click();
    await settle();
    const input = target.querySelector<HTMLInputElement>('td.cell input.edit')!;
    expect(input.value).toBe('60');
    expect(document.activeElement).toBe(input);
    await type('40');
    expect(spy).toHaveBeenCalledWith({
      edit: { op: 'allocate', allocation: { person: 'bela', workstream: 'api', percent: 40, start_date: '2026-01-01', end_date: '2026-12-31' } },
    }, expect.anything());
    expect(cell('bela', 'api').textContent?.trim()).toBe('40%');
    expect(row('bela').classList.contains('over')).toBe(false);
    expect(row('bela').querySelector('.total')?.textContent).toBe('90%');
    // The keyboard stays on the edited cell.
    expect(document.activeElement).toBe(cell('bela', 'api'));

    // Undo goes through the app as for any edit.
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'z', ctrlKey: true, bubbles: true }));
    await settle();
    expect(cell('bela', 'api').textContent?.trim()).toBe('60%');
    close();
  });

  it('adds to an empty cell, removes with an empty input, and the unstaffed gap closes', async () => {
    const { backend, cell, type, target, close } = await workload();
    cell('chen', 'ops').click();
    await settle();
    await type('25%');
    expect(cell('chen', 'ops').textContent?.trim()).toBe('25%');
    expect(target.querySelector('th.col.unstaffed')).toBeNull();
    expect(target.querySelector('tr[data-workstream="ops"]')?.classList.contains('over')).toBe(true);

    cell('chen', 'api').click();
    await settle();
    await type('');
    expect(cell('chen', 'api').textContent?.trim()).toBe('');
    const view = (await backend.view({})).view;
    expect(view.allocations?.filter((a) => a.person === 'chen').map((a) => a.workstream)).toEqual(['ops']);
    close();
  });

  it('refuses invalid input next to the cell without sending it, and Escape cancels', async () => {
    const { backend, cell, type, target, close } = await workload();
    const spy = vi.spyOn(backend, 'applyEdit');
    cell('chen', 'api').click();
    await settle();
    await type('150');
    const alert = cell('chen', 'api').querySelector('[role=alert]');
    expect(alert?.textContent).toContain('at most 100');
    expect(target.querySelector('td.cell input.edit')).not.toBeNull();
    expect(spy).not.toHaveBeenCalled();

    await type('30', 'Escape');
    expect(target.querySelector('td.cell input.edit')).toBeNull();
    expect(cell('chen', 'api').textContent?.trim()).toBe('40%');
    expect(spy).not.toHaveBeenCalled();
    close();
  });

  it("shows the backend's message when it refuses an edit", async () => {
    const { backend, cell, type, close } = await workload();
    vi.spyOn(backend, 'applyEdit').mockRejectedValueOnce({ code: 'refused', message: 'allocation.percent: must be in (0, 100]' });
    cell('chen', 'api').click();
    await settle();
    await type('30');
    expect(cell('chen', 'api').querySelector('[role=alert]')?.textContent).toBe('allocation.percent: must be in (0, 100]');
    expect(cell('chen', 'api').textContent).toContain('40%');
    close();
  });

  it('moves between cells with the arrow keys and starts editing when a digit is typed', async () => {
    const { cell, type, target, close } = await workload();
    const columns = [...target.querySelectorAll('th.col')].map((th) => th.textContent);
    expect(columns).toEqual(['On-call', 'Database move', 'Public API']);
    cell('bela', 'db').focus();
    const key = (k: string) => {
      (document.activeElement as HTMLElement).dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
      flushSync();
    };
    key('ArrowRight');
    await settle();
    expect(document.activeElement).toBe(cell('bela', 'api'));
    key('ArrowDown');
    await settle();
    expect(document.activeElement).toBe(cell('chen', 'api'));
    key('7');
    await settle();
    expect(target.querySelector<HTMLInputElement>('td.cell input.edit')?.value).toBe('7');
    await type('75');
    expect(cell('chen', 'api').textContent?.trim()).toBe('75%');
    close();
  });

  it('adds a person without allocations to the grid to give them one', async () => {
    const { cell, type, target, close } = await workload();
    const search = target.querySelector<HTMLInputElement>('input[aria-label="Add a person to the grid"]')!;
    search.value = 'ada';
    search.dispatchEvent(new Event('input', { bubbles: true }));
    await settle();
    search.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await settle();
    expect(document.activeElement).toBe(cell('ada', 'ops'));
    cell('ada', 'db').click();
    await settle();
    await type('10');
    expect(cell('ada', 'db').textContent?.trim()).toBe('10%');
    close();
  });

  it('opens the next cell while a save is in flight and saves both in order, each against a fresh view', async () => {
    const { backend, cell, target, close } = await workload();
    const real = backend.applyEdit.bind(backend);
    const sent: unknown[] = [];
    vi.spyOn(backend, 'applyEdit').mockImplementation(async (edit) => {
      sent.push(edit.edit);
      await new Promise((r) => setTimeout(r, 30));
      return real(edit);
    });
    const input = () => target.querySelector<HTMLInputElement>('td.cell input.edit')!;
    const typeInto = (text: string) => {
      input().value = text;
      input().dispatchEvent(new Event('input', { bubbles: true }));
    };
    // Type 10 in an empty cell and leave it for another cell: the click lands during the save.
    cell('chen', 'ops').click();
    await settle();
    typeInto('10');
    input().dispatchEvent(new FocusEvent('blur'));
    cell('bela', 'ops').click();
    await settle();
    expect(target.querySelector('td.cell.editing')).toBe(cell('bela', 'ops'));
    typeInto('5');
    input().dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    // And at once empty the first cell again: it is removed once its allocation is in the view.
    cell('chen', 'ops').click();
    await settle();
    typeInto('');
    input().dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await new Promise((r) => setTimeout(r, 150));
    await settle();
    expect(sent).toEqual([
      { op: 'allocate', allocation: { person: 'chen', workstream: 'ops', percent: 10, start_date: null, end_date: null } },
      { op: 'allocate', allocation: { person: 'bela', workstream: 'ops', percent: 5, start_date: null, end_date: null } },
      { op: 'deallocate', person: 'chen', workstream: 'ops' },
    ]);
    expect(cell('bela', 'ops').textContent?.trim()).toBe('5%');
    expect(cell('chen', 'ops').textContent?.trim()).toBe('');
    close();
  });
});
