// @vitest-environment jsdom
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Backend, OrgView, ViewRequest } from '../../lib/backend';
import { FakeBackend } from '../../test/fake';
import { mountApp, settle, staffedOrg, stubBrowser, unstubBrowser } from '../../test/appHarness';

beforeAll(stubBrowser);
afterAll(unstubBrowser);

/** Apps still mounted: a failed test's app must not hold the focus in the next one. */
const open: (() => void)[] = [];
afterEach(() => {
  for (const close of open.splice(0)) close();
  vi.restoreAllMocks();
  stubBrowser();
});

/** The app on the workload screen; helpers to find rows and type into what has focus. */
async function workload(backend: Backend = new FakeBackend(staffedOrg())) {
  const app = await mountApp(backend);
  let closed = false;
  const close = () => {
    if (!closed) app.close();
    closed = true;
  };
  open.push(close);
  [...app.target.querySelectorAll<HTMLButtonElement>('[role=tab]')].find((b) => b.textContent === 'Workload')!.click();
  await settle();
  const $ = <T extends Element = HTMLElement>(selector: string) => app.target.querySelector<T>(selector);
  const wsRow = (id: string) => $<HTMLTableRowElement>(`tr[data-workstream="${id}"]`);
  const field = (id: string, name: string) => $<HTMLButtonElement>(`tr[data-workstream="${id}"] button[data-field="${name}"]`)!;
  const cell = (person: string, workstream: string) => $(`td.cell[data-person="${person}"][data-workstream="${workstream}"]`)!;
  const fill = (input: HTMLInputElement | HTMLSelectElement, text: string) => {
    input.value = text;
    input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  };
  const key = async (k: string, on: Element | null = document.activeElement) => {
    on!.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
    await settle();
  };
  const form = () => $<HTMLFormElement>('form.new-ws');
  const draft = (name: string) => form()!.querySelector<HTMLInputElement>(`[data-draft="${name}"]`)!;
  const submit = async () => {
    form()!.requestSubmit();
    await settle();
  };
  const columns = () => [...app.target.querySelectorAll('th.col')].map((th) => th.textContent);
  return { ...app, close, $, wsRow, field, cell, fill, key, form, draft, submit, columns };
}

describe('workstreams in a brand-new document', () => {
  it('adds a workstream, allocates the one person to it from the grid and shows its load', async () => {
    const backend = new FakeBackend(staffedOrg());
    await backend.newDocument();
    const w = await workload(backend);
    expect(w.$('.workload section')?.textContent).toContain('No workstreams yet. Add one to plan who works on what.');
    const spy = vi.spyOn(backend, 'applyEdit');

    w.button('Add workstream').click();
    await settle();
    expect(document.activeElement).toBe(w.draft('name'));
    w.fill(w.draft('name'), 'Checkout redesign');
    await settle();
    expect(w.form()?.textContent).toContain('Its id will be ws-checkout-redesign');
    w.fill(w.draft('required'), '2');
    await w.submit();
    expect(spy).toHaveBeenCalledWith({
      edit: {
        op: 'add-workstream',
        workstream: {
          id: 'ws-checkout-redesign',
          name: 'Checkout redesign',
          team: null,
          required_fte: 2,
          kind: 'feature',
          start_date: null,
          end_date: null,
          priority: null,
        },
      },
    }, expect.anything());
    expect(w.form()).toBeNull();
    const row = w.wsRow('ws-checkout-redesign')!;
    expect(row.classList.contains('unstaffed')).toBe(true);
    expect(row.textContent).toContain('Unstaffed');
    // Nobody has a row in the grid yet, so the keyboard goes to adding one; then it is their column.
    const search = w.$<HTMLInputElement>('input[aria-label="Add a person to the grid"]')!;
    expect(document.activeElement).toBe(search);
    w.fill(search, 'head');
    await settle();
    await w.key('Enter', search);
    expect(w.columns()).toEqual(['Checkout redesign']);
    expect(document.activeElement).toBe(w.cell('p-1', 'ws-checkout-redesign'));
    await w.key('5');
    const input = w.$<HTMLInputElement>('td.cell input.edit')!;
    w.fill(input, '50');
    await w.key('Enter', input);

    expect(w.cell('p-1', 'ws-checkout-redesign').textContent?.trim()).toBe('50%');
    const after = w.wsRow('ws-checkout-redesign')!;
    const figures = [...after.querySelectorAll('td.num')].map((td) => td.textContent?.trim());
    // Required 2, effective 0.5, one person: 2 / 0.5 is over the 1.25 ratio.
    expect(figures).toEqual(['2', '0.5', '1']);
    expect(after.classList.contains('over')).toBe(true);
    expect(after.textContent).toContain('Overloaded');
    const view = (await backend.view({})).view;
    expect(view.allocations).toEqual([
      { person: 'p-1', workstream: 'ws-checkout-redesign', percent: 50, start_date: null, end_date: null, active: true },
    ]);
    w.close();
  });

  it('says what is wrong in the form, sends nothing, and Escape closes it', async () => {
    const backend = new FakeBackend(staffedOrg());
    const w = await workload(backend);
    const spy = vi.spyOn(backend, 'applyEdit');
    w.button('Add workstream').click();
    await settle();
    await w.submit();
    expect(w.form()?.querySelector('[role=alert]')?.textContent).toBe('A workstream needs a name');
    expect(w.draft('name').getAttribute('aria-invalid')).toBe('true');
    w.fill(w.draft('name'), 'Public API');
    w.fill(w.draft('required'), '-1');
    await w.submit();
    expect(w.form()?.querySelector('[role=alert]')?.textContent).toBe('Required FTE cannot be negative: type 0 or more');
    expect(document.activeElement).toBe(w.draft('required'));
    w.fill(w.draft('required'), 'lots');
    await w.submit();
    expect(w.form()?.querySelector('[role=alert]')?.textContent).toMatch(/"lots" is not a number/);
    expect(spy).not.toHaveBeenCalled();
    await w.key('Escape', w.draft('required'));
    expect(w.form()).toBeNull();
    expect(document.activeElement).toBe(w.button('Add workstream'));
    w.close();
  });

  it("gives a name already used its own id, and shows the backend's refusal in the form", async () => {
    const backend = new FakeBackend({
      ...staffedOrg(),
      workstreams: [...(staffedOrg().workstreams ?? []), { id: 'ws-public-api', name: 'Public API', required_fte: 1 }],
    });
    const w = await workload(backend);
    w.button('Add workstream').click();
    await settle();
    w.fill(w.draft('name'), 'Public API ');
    await settle();
    expect(w.form()?.querySelector('code')?.textContent).toBe('ws-public-api-2');
    vi.spyOn(backend, 'applyEdit').mockRejectedValueOnce({ code: 'refused', message: 'workstream.name: must not be empty' });
    await w.submit();
    expect(w.form()?.querySelector('[role=alert]')?.textContent).toBe('workstream.name: must not be empty');
    await w.submit();
    expect(w.form()).toBeNull();
    expect(w.wsRow('ws-public-api-2')?.querySelector('.name')?.textContent).toContain('Public API');
    w.close();
  });

  it('lists a workstream that starts after the day viewed with the ones not active, and not in the grid', async () => {
    const w = await workload();
    w.button('Add workstream').click();
    await settle();
    w.fill(w.draft('name'), 'Next year');
    w.fill(w.draft('dates'), '2027-01-01');
    await w.submit();
    expect(w.$('.notice')?.textContent?.replace(/\u00a0/g, ' ')).toContain('“Next year” is not active on 2026-03-01 (from 1 Jan 2027)');
    const row = w.wsRow('ws-next-year')!;
    expect(row.classList.contains('inactive')).toBe(true);
    expect(row.textContent).toContain('Not active on 2026-03-01');
    expect(w.columns()).not.toContain('Next year');
    expect(document.activeElement).toBe(w.field('ws-next-year', 'name'));
    w.button('Hide the workstream not active').click();
    await settle();
    expect(w.wsRow('ws-next-year')).toBeNull();
    w.close();
  });
});

describe('editing a workstream in its row', () => {
  it('renames with Enter, keeps the keyboard on the name, and undo takes it back', async () => {
    const backend = new FakeBackend(staffedOrg());
    const w = await workload(backend);
    const spy = vi.spyOn(backend, 'applyEdit');
    w.field('api', 'name').click();
    await settle();
    const input = w.$<HTMLInputElement>('tr[data-workstream="api"] input.row-edit')!;
    expect(document.activeElement).toBe(input);
    expect(input.value).toBe('Public API');
    w.fill(input, 'Public API v2');
    await w.key('Enter', input);
    expect(spy).toHaveBeenCalledWith({ edit: { op: 'update-workstream', id: 'api', change: { field: 'name', value: 'Public API v2' } } }, expect.anything());
    expect(w.field('api', 'name').textContent).toBe('Public API v2');
    expect(w.columns()).toContain('Public API v2');
    expect(document.activeElement).toBe(w.field('api', 'name'));
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'z', ctrlKey: true, bubbles: true }));
    await settle();
    expect(w.field('api', 'name').textContent).toBe('Public API');
    w.close();
  });

  it('refuses a required FTE below 0 with a message, and Escape leaves the value as it was', async () => {
    const backend = new FakeBackend(staffedOrg());
    const w = await workload(backend);
    const spy = vi.spyOn(backend, 'applyEdit');
    w.field('db', 'required').click();
    await settle();
    const input = () => w.$<HTMLInputElement>('tr[data-workstream="db"] input.row-edit')!;
    expect(input().value).toBe('2');
    w.fill(input(), '-3');
    await w.key('Enter', input());
    expect(w.wsRow('db')?.querySelector('[role=alert]')?.textContent).toBe('Required FTE cannot be negative: type 0 or more');
    expect(document.activeElement).toBe(input());
    await w.key('Escape', input());
    expect(w.wsRow('db')?.querySelector('[role=alert]')).toBeNull();
    expect(w.field('db', 'required').textContent).toBe('2');
    expect(document.activeElement).toBe(w.field('db', 'required'));
    expect(spy).not.toHaveBeenCalled();

    // A valid figure: the load follows (Bela's 50% of 0.5 required is staffed, no longer overloaded).
    w.field('db', 'required').click();
    await settle();
    w.fill(input(), '0,5');
    await w.key('Enter', input());
    expect(spy).toHaveBeenCalledWith({ edit: { op: 'update-workstream', id: 'db', change: { field: 'required_fte', value: 0.5 } } }, expect.anything());
    expect(w.field('db', 'required').textContent).toBe('0.5');
    expect(w.wsRow('db')?.classList.contains('ok')).toBe(true);
    w.close();
  });

  it('changes the kind with a pick and the team from a typed name', async () => {
    const backend = new FakeBackend(staffedOrg());
    const w = await workload(backend);
    w.field('ops', 'kind').click();
    await settle();
    const select = w.$<HTMLSelectElement>('tr[data-workstream="ops"] select.row-edit')!;
    expect(document.activeElement).toBe(select);
    expect([...select.options].map((o) => o.textContent)).toEqual(['Feature', 'Migration', 'Operations', 'Other']);
    w.fill(select, 'other');
    await settle();
    expect(w.field('ops', 'kind').textContent).toBe('Other');

    w.field('ops', 'team').click();
    await settle();
    const team = w.$<HTMLInputElement>('tr[data-workstream="ops"] input.row-edit')!;
    expect(team.getAttribute('list')).toBe('workload-teams');
    expect([...w.$('datalist#workload-teams')!.querySelectorAll('option')].map((o) => o.value)).toEqual(['Payments', 'Platform']);
    w.fill(team, 'Platform');
    await w.key('Enter', team);
    expect((await backend.view({})).view.workstreams?.find((x) => x.id === 'ops')?.team).toBe('Platform');
    w.close();
  });

  it('edits both dates in one step, moving the workstream off the day viewed into the list not active', async () => {
    const backend = new FakeBackend(staffedOrg());
    const w = await workload(backend);
    const spy = vi.spyOn(backend, 'applyEdit');
    expect(w.field('api', 'dates').textContent).toBe('Any time');
    w.field('api', 'dates').click();
    await settle();
    const [start, end] = [...w.wsRow('api')!.querySelectorAll<HTMLInputElement>('input.row-edit')];
    expect(document.activeElement).toBe(start);
    w.fill(start!, '2026-13-01');
    await w.key('Enter', start!);
    expect(w.wsRow('api')?.querySelector('[role=alert]')?.textContent).toMatch(/start date "2026-13-01" is not a day/);
    w.fill(start!, '2026-04-01');
    // Moving from the start to the end does not save half the change.
    start!.dispatchEvent(new FocusEvent('focusout', { bubbles: true, relatedTarget: end! }));
    await settle();
    expect(spy).not.toHaveBeenCalled();
    w.fill(end!, '2026-09-30');
    await w.key('Enter', end!);
    expect(spy).toHaveBeenCalledWith({
      edit: {
        op: 'batch',
        label: 'Dates of Public API',
        edits: [
          { op: 'update-workstream', id: 'api', change: { field: 'start_date', value: '2026-04-01' } },
          { op: 'update-workstream', id: 'api', change: { field: 'end_date', value: '2026-09-30' } },
        ],
      },
    }, expect.anything());
    const row = w.wsRow('api')!;
    expect(row.classList.contains('inactive')).toBe(true);
    expect(w.field('api', 'dates').textContent?.replace(/\u00a0/g, ' ')).toBe('1 Apr 2026 – 30 Sep 2026');
    expect(w.columns()).not.toContain('Public API');
    w.close();
  });

});

describe('removing a workstream', () => {
  it('asks naming the allocations that go with it, removes them all, and undo brings everything back', async () => {
    const backend = new FakeBackend(staffedOrg());
    const w = await workload(backend);
    w.field('db', 'remove').click();
    await settle();
    const dialog = w.$('[role=alertdialog]')!;
    // Bela's 50% now and Dana's 30% from next year: both go.
    expect(dialog.textContent).toContain('Remove “Database move”? Its 2 allocations (Bela Novak and Dana Rossi) go with it.');
    expect(document.activeElement?.textContent).toBe('Remove');
    expect(dialog.contains(document.activeElement)).toBe(true);
    await w.key('Escape');
    expect(w.$('[role=alertdialog]')).toBeNull();
    expect(document.activeElement).toBe(w.field('db', 'remove'));

    const spy = vi.spyOn(backend, 'applyEdit');
    w.field('db', 'remove').click();
    await settle();
    w.$<HTMLButtonElement>('[role=alertdialog] button.solid')!.click();
    await settle();
    expect(spy).toHaveBeenCalledWith({ edit: { op: 'remove-workstream', id: 'db' } }, expect.anything());
    expect(w.wsRow('db')).toBeNull();
    expect(w.columns()).not.toContain('Database move');
    expect(w.$('.notice')?.textContent).toContain('Removed “Database move”');
    expect((await backend.view({})).view.allocations.filter((a) => a.workstream === 'db')).toEqual([]);

    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'z', ctrlKey: true, bubbles: true }));
    await settle();
    expect(w.wsRow('db')).not.toBeNull();
    // The note about the removal is stale once undone.
    expect(w.$('.notice')).toBeNull();
    expect((await backend.view({})).view.allocations.filter((a) => a.workstream === 'db').map((a) => a.person)).toEqual(['bela', 'dana']);
    w.close();
  });
});

describe('a read-only document', () => {
  it('shows workstreams without ways to add, change or remove them', async () => {
    const w = await workload(new FakeBackend({ ...staffedOrg(), read_only: true }));
    expect(w.wsRow('api')?.textContent).toContain('Public API');
    expect(w.$('button.add-ws')).toBeNull();
    expect(w.$('.workstreams button.value')).toBeNull();
    expect(w.$('.workstreams button.remove')).toBeNull();
    w.close();
  });
});
