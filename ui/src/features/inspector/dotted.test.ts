// @vitest-environment jsdom
import { flushSync, mount, unmount } from 'svelte';
import { describe, expect, it } from 'vitest';
import type { PersonCard, PersonChange } from '../../lib/backend';
import { FakeBackend, viewOf, type FakeOrg } from '../../test/fake';
import DottedLines from './DottedLines.svelte';
import Inspector from './Inspector.svelte';
import { candidates, dottedEntries, refusal, withDotted, withoutDotted } from './dotted';

const org = (): FakeOrg => ({
  name: 'Larkspur',
  as_of: '2027-03-01',
  people: [
    { id: 'priya', name: 'Priya Raman', title: 'VP Engineering' },
    { id: 'segun', name: 'Olusegun Adeyemi', title: 'Director, Platform', manager_id: 'priya' },
    { id: 'mateus', name: 'Mateus Oliveira', title: 'Director, Commerce', manager_id: 'priya' },
    { id: 'marcus', name: 'Marcus Johnson', title: 'Senior EM, Mobile', manager_id: 'priya' },
    { id: 'zoe', name: 'Zoë Lefèvre', title: 'Staff Mobile Engineer', manager_id: 'marcus', dotted_managers: ['segun'] },
    { id: 'viktor', name: 'Viktor Andersson', title: 'Senior Security Engineer', manager_id: 'segun' },
  ],
});

const cardsOf = (o: FakeOrg) => viewOf(o).people;
const cardOf = (cards: readonly PersonCard[], id: string) => cards.find((p) => p.id === id)!;

describe('dotted lines: the pure part', () => {
  const cards = cardsOf(org());
  const zoe = cardOf(cards, 'zoe');

  it('lists the lines on file, naming those in the view', () => {
    const byId = new Map(cards.map((p) => [p.id, p]));
    expect(dottedEntries(zoe, byId).map((e) => [e.id, e.card?.name])).toEqual([['segun', 'Olusegun Adeyemi']]);
    const gone = { ...zoe, dotted_managers: ['segun', 'left-in-2026'] };
    expect(dottedEntries(gone, byId).map((e) => e.card?.name ?? null)).toEqual(['Olusegun Adeyemi', null]);
  });

  it("refuses what core refuses: a line to oneself, or one already there; the manager is fine", () => {
    expect(refusal(zoe, zoe)).toBe("Zoë Lefèvre can't have a dotted line to themselves.");
    expect(refusal(zoe, cardOf(cards, 'segun'))).toBe('Zoë Lefèvre already has a dotted line to Olusegun Adeyemi.');
    expect(refusal(zoe, cardOf(cards, 'marcus'))).toBeNull();
    expect(refusal(zoe, cardOf(cards, 'mateus'))).toBeNull();
  });

  it('finds people by any part of the name, accents ignored, names that start with it first', () => {
    const names = (q: string) => candidates(zoe, cards, q).map((c) => c.card.name);
    expect(names('')).toEqual([]);
    expect(names('zoe')).toEqual(['Zoë Lefèvre']);
    expect(names('ma')).toEqual(['Marcus Johnson', 'Mateus Oliveira', 'Priya Raman']);
    expect(names('VIKTOR')).toEqual(['Viktor Andersson']);
    expect(candidates(zoe, cards, 'oluse')[0]?.refusal).toContain('already has');
    expect(candidates(zoe, cards, 'a', 2)).toHaveLength(2);
  });

  it('adds at the end and removes by id', () => {
    expect(withDotted(zoe, 'mateus')).toEqual(['segun', 'mateus']);
    expect(withoutDotted(zoe, 'segun')).toEqual([]);
  });
});

/** A fake backend with `org()` open. */
async function opened(): Promise<FakeBackend> {
  const backend = new FakeBackend(org());
  await backend.openDemo();
  return backend;
}

/** Mounts the section for `id` from the backend's current view; edits go to the backend. */
async function mountSection(backend: FakeBackend, id: string, readOnly = false) {
  const view = (await backend.view({})).view;
  const sent: string[][] = [];
  const jumps: string[] = [];
  const target = document.createElement('div');
  document.body.append(target);
  const app = mount(DottedLines, {
    target,
    props: {
      person: view.people.find((p) => p.id === id)!,
      people: view.people,
      readOnly,
      onjump: (to: string) => jumps.push(to),
      onchange: (value: string[]) => {
        sent.push(value);
        void backend.applyEdit({ edit: { op: 'update-person', id, change: { field: 'dotted_managers', value } } });
      },
    },
  });
  flushSync();
  const close = () => {
    unmount(app);
    target.remove();
  };
  const button = (text: string) => [...target.querySelectorAll('button')].find((b) => b.textContent?.trim() === text || b.getAttribute('aria-label') === text)!;
  const type = (text: string) => {
    const input = target.querySelector<HTMLInputElement>('input[type=search]')!;
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    flushSync();
    return input;
  };
  const lines = () => [...target.querySelectorAll('.dotted .who')].map((e) => e.textContent);
  return { target, sent, jumps, close, button, type, lines };
}

describe('dotted lines in the inspector, with the fake backend', () => {
  it('shows the line, jumps to the secondary manager, and removes it', async () => {
    const backend = await opened();
    const s = await mountSection(backend, 'zoe');
    expect(s.target.querySelector('h3')?.textContent).toBe('Dotted lines 1');
    expect(s.lines()).toEqual(['Olusegun Adeyemi']);
    s.target.querySelector<HTMLButtonElement>('.dotted .person')!.click();
    expect(s.jumps).toEqual(['segun']);
    s.button('Remove the dotted line to Olusegun Adeyemi').click();
    expect(s.sent).toEqual([[]]);
    s.close();
    const view = (await backend.view({})).view;
    expect(view.people.find((p) => p.id === 'zoe')?.dotted_managers).toEqual([]);
    expect(view.layout.dotted).toEqual([]);
    const after = await mountSection(backend, 'zoe');
    expect(after.target.textContent).toContain('None. A dotted line is a secondary manager');
    after.close();
  });

  it('adds one by searching a name, and the view draws it', async () => {
    const backend = await opened();
    const s = await mountSection(backend, 'viktor');
    expect(s.lines()).toEqual([]);
    s.button('Add a dotted line').click();
    flushSync();
    s.type('mat');
    const matches = [...s.target.querySelectorAll('.matches .who')].map((e) => e.textContent);
    expect(matches).toEqual(['Mateus Oliveira']);
    s.target.querySelector<HTMLButtonElement>('.matches .match')!.click();
    flushSync();
    expect(s.sent).toEqual([['mateus']]);
    expect(s.target.querySelector('input[type=search]')).toBeNull();
    s.close();
    const view = (await backend.view({})).view;
    // In the order of the person's card: the fake lays out depth first, Rust breadth first.
    expect(view.layout.dotted.map((d) => [d.from, d.to]).sort()).toEqual([
      ['mateus', 'viktor'],
      ['segun', 'zoe'],
    ]);
    // Spans ignore dotted lines.
    expect(view.people.find((p) => p.id === 'mateus')?.span).toBe(0);
  });

  it('explains a refusal instead of sending it: oneself, a line already there, no match', async () => {
    const backend = await opened();
    const s = await mountSection(backend, 'zoe');
    s.button('Add a dotted line').click();
    flushSync();
    const input = s.type('zoë');
    const self = s.target.querySelector<HTMLButtonElement>('.matches .match')!;
    expect(self.classList.contains('refused')).toBe(true);
    self.click();
    flushSync();
    expect(s.target.querySelector('[role=alert]')?.textContent).toBe("Zoë Lefèvre can't have a dotted line to themselves.");
    s.type('olusegun');
    expect(s.target.querySelector('[role=alert]')).toBeNull();
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    flushSync();
    expect(s.target.querySelector('[role=alert]')?.textContent).toBe('Zoë Lefèvre already has a dotted line to Olusegun Adeyemi.');
    s.type('nobody at all');
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    flushSync();
    expect(s.target.querySelector('[role=alert]')?.textContent).toBe('No one in the org matches "nobody at all".');
    expect(s.sent).toEqual([]);
    // Escape closes the search.
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    flushSync();
    expect(s.target.querySelector('input[type=search]')).toBeNull();
    s.close();
  });

  it('the backend refuses the same lines core does', async () => {
    const backend = await opened();
    const set = (value: string[]) => backend.applyEdit({ edit: { op: 'update-person', id: 'zoe', change: { field: 'dotted_managers', value } } });
    await expect(set(['zoe'])).rejects.toMatchObject({ code: 'refused', message: 'dotted_managers: "zoe" cannot have a dotted line to themselves' });
    await expect(set(['segun', 'segun'])).rejects.toMatchObject({ code: 'refused', message: 'dotted_managers: "segun" is listed twice' });
    await expect(set(['nobody'])).rejects.toMatchObject({ code: 'refused' });
    await set(['segun', 'mateus']);
    // Removing a secondary manager removes the lines to them.
    await backend.applyEdit({ edit: { op: 'remove-person', id: 'segun' } });
    const view = (await backend.view({})).view;
    expect(view.people.find((p) => p.id === 'zoe')?.dotted_managers).toEqual(['mateus']);
  });

  it('is read-only in a read-only document, and the inspector hands its edits on as dotted_managers', async () => {
    const backend = await opened();
    const ro = await mountSection(backend, 'zoe', true);
    expect(ro.lines()).toEqual(['Olusegun Adeyemi']);
    expect(ro.target.querySelectorAll('.remove')).toHaveLength(0);
    expect(ro.target.textContent).not.toContain('Add a dotted line');
    ro.close();

    const view = (await backend.view({})).view;
    const changes: PersonChange[] = [];
    const target = document.createElement('div');
    document.body.append(target);
    const inspector = mount(Inspector, {
      target,
      props: {
        person: view.people.find((p) => p.id === 'zoe')!,
        manager: view.people.find((p) => p.id === 'marcus'),
        reports: [],
        flags: [],
        readOnly: false,
        onjump: () => {},
        onchange: (c: PersonChange) => changes.push(c),
        onadd: () => {},
        onremove: () => {},
        canRemove: true,
        people: view.people,
      },
    });
    flushSync();
    target.querySelector<HTMLButtonElement>('button[aria-label="Remove the dotted line to Olusegun Adeyemi"]')!.click();
    expect(changes).toEqual([{ field: 'dotted_managers', value: [] }]);
    unmount(inspector);
    target.remove();
  });
});
