import { describe, expect, it, vi } from 'vitest';
import { FakeBackend, syntheticOrg } from '../test/fake';
import type { Shown, ViewRequest } from './backend';
import { DocumentStore } from './document.svelte';

// The document store: every view, edit, undo and scenario change is one backend call whose
// answer the store shows whole.

/** A store on a fresh fake with its demo open; `calls()` lists the backend calls made since. */
async function opened(n = 20) {
  const backend = new FakeBackend(syntheticOrg(n, 3));
  const store = new DocumentStore(backend);
  expect(await store.start()).toBe(true);
  let mark = backend.calls.length;
  return {
    backend,
    store,
    calls() {
      const since = backend.calls.slice(mark);
      mark = backend.calls.length;
      return since;
    },
  };
}

const managerOf = (store: DocumentStore, id: string) => store.people.get(id)?.manager_id;

describe('document store', () => {
  it('opens the current document, else the demo, on its own day with nothing folded', async () => {
    const backend = new FakeBackend(syntheticOrg(20, 3));
    const store = new DocumentStore(backend);
    expect(store.busy).toBe(true);
    await store.start();
    expect(backend.calls).toEqual(['current', 'openDemo', 'view']);
    expect(store.busy).toBe(false);
    expect(store.doc?.name).toBe('Synthetic org (20)');
    expect(store.view?.people).toHaveLength(20);
    expect(store.homeDay).toBe('2026-11-24');
    expect(store.request()).toEqual({ collapsed: [], left_right: false });
  });

  it('makes an edit one call, answered with the view and what undo can do', async () => {
    const { store, calls } = await opened();
    await store.edit({ op: 'move-person', id: 'p7', manager: 'p3' });
    expect(calls()).toEqual(['applyEdit']);
    expect(managerOf(store, 'p7')).toBe('p3');
    expect(store.doc?.can_undo).toBe(true);

    expect(await store.undo()).toBe(true);
    expect(calls()).toEqual(['undo']);
    expect(managerOf(store, 'p7')).toBe('p2');
    expect(await store.redo()).toBe(true);
    expect(calls()).toEqual(['redo']);
    expect(managerOf(store, 'p7')).toBe('p3');

    // Nothing to redo: no call at all.
    expect(await store.redo()).toBe(false);
    expect(calls()).toEqual([]);
  });

  it('brings the comparison shown and the inspected person’s history along with an edit', async () => {
    const { store, calls } = await opened();
    await store.forkScenario('Plan B');
    await store.compareWith('baseline');
    store.select('p7');
    await vi.waitFor(() => expect(store.history?.person).toBe('p7'));
    expect(calls()).toEqual(['forkScenario', 'compare', 'history']);

    await store.apply({ op: 'move-person', id: 'p7', manager: 'p3' });
    expect(calls()).toEqual(['applyEdit']);
    expect(store.diff?.moved).toEqual([{ person: 'p7', from: 'p2', to: 'p3' }]);
    expect(store.history?.person).toBe('p7');
    expect(store.request()).toMatchObject({ against: 'baseline', history_of: 'p7' });

    // Back on the baseline there is nothing to compare it with: the comparison ends.
    await store.switchScenario('baseline');
    expect(calls()).toEqual(['switchScenario']);
    expect(store.against).toBeNull();
    expect(store.diff).toBeNull();
  });

  it('drops the comparison when the scenario compared with is deleted', async () => {
    const { store } = await opened();
    await store.forkScenario('Plan B');
    await store.switchScenario('baseline');
    await store.compareWith('Plan B');
    expect(store.diff).not.toBeNull();
    await store.deleteScenario('Plan B');
    expect([store.against, store.diff]).toEqual([null, null]);
    expect(store.doc?.scenarios.map((s) => s.name)).toEqual(['baseline']);
  });

  it('leaves a refused edit to its caller, or shows it as the window’s error', async () => {
    const { store, calls } = await opened();
    const before = store.view;
    await expect(store.edit({ op: 'move-person', id: 'p0', manager: 'p7' })).rejects.toMatchObject({ code: 'refused' });
    expect(store.view).toBe(before);
    expect(store.error).toBeNull();

    expect(await store.apply({ op: 'move-person', id: 'p0', manager: 'p7' })).toBe(false);
    expect(store.error).toMatchObject({ code: 'refused' });
    expect(calls()).toEqual(['applyEdit', 'applyEdit']);
    // The next answer clears it.
    await store.toggle('p1');
    expect(store.error).toBeNull();
  });

  it('draws every answer as the window shows it: folds, orientation and day', async () => {
    const { backend, store } = await opened();
    const asked: ViewRequest[] = [];
    const real = backend.applyEdit.bind(backend);
    vi.spyOn(backend, 'applyEdit').mockImplementation((edit, request) => {
      asked.push(request ?? {});
      return real(edit, request);
    });
    await store.toggle('p1');
    await store.turn();
    await store.viewAsOf('2027-01-01');
    expect(store.view?.layout.nodes.some((n) => n.id === 'p4')).toBe(false);
    await store.edit({ op: 'move-person', id: 'p7', manager: 'p3' });
    expect(asked).toEqual([{ collapsed: ['p1'], left_right: true, as_of: '2027-01-01' }]);
    expect(store.view?.as_of).toBe('2027-01-01');
    expect(store.view?.layout.nodes.some((n) => n.id === 'p4')).toBe(false);
  });

  it('never lets an older answer replace a newer one', async () => {
    const { backend, store } = await opened();
    const real = backend.view.bind(backend);
    let release: () => void = () => {};
    vi.spyOn(backend, 'view').mockImplementationOnce(async (request) => {
      const answer: Shown = await real(request);
      await new Promise<void>((r) => (release = r));
      return answer;
    });
    const slow = store.refresh();
    await store.edit({ op: 'move-person', id: 'p7', manager: 'p3' });
    release();
    expect(await slow).toBe(false);
    expect(managerOf(store, 'p7')).toBe('p3');
    expect(store.doc?.can_undo).toBe(true);
  });

  it('opens another document afresh and keeps what was open when the user cancels', async () => {
    const { backend, store } = await opened();
    await store.toggle('p1');
    await store.forkScenario('Plan B');
    await store.compareWith('baseline');
    store.select('p2');
    expect(await store.open(() => backend.openDocument())).toBe(false);
    expect(store.doc?.scenario).toBe('Plan B');

    backend.pick(syntheticOrg(9, 2));
    expect(await store.open(() => backend.openDocument())).toBe(true);
    expect(store.doc?.name).toBe('Synthetic org (9)');
    expect(store.request()).toEqual({ collapsed: [], left_right: false });
    expect([store.selected, store.against, store.diff, store.history]).toEqual([null, null, null, null]);
  });
});
