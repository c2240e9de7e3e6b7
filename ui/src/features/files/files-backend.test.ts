import { describe, expect, it } from 'vitest';
import { FakeBackend, syntheticOrg } from '../../test/fake';

// The file commands as the fake backend answers them: the Files menu's tests rely on these.

describe('fake backend: files', () => {
  it('creates a one-person document, or nothing when the save dialog is cancelled', async () => {
    const backend = new FakeBackend(syntheticOrg(7, 3));
    backend.newName = null;
    expect(await backend.newDocument()).toBeNull();
    expect(await backend.current()).toBeNull();

    backend.newName = 'Acme';
    const info = await backend.newDocument();
    expect(info?.name).toBe('Acme');
    const view = (await backend.view({})).view;
    expect(view.people.map((p) => [p.id, p.name, p.title, p.role])).toEqual([['p-1', 'Head of the org', 'Director', 'director']]);
  });

  it('lists opened documents newest first, without repeats, at most ten, and opens one by index', async () => {
    const backend = new FakeBackend(syntheticOrg(7, 3));
    await backend.openDemo();
    expect(await backend.recentDocuments()).toEqual([]);
    for (let i = 0; i < 12; i++) {
      backend.pick({ ...syntheticOrg(3, 2), name: `Org ${i}`, location: `/home/ada/org-${i}` });
      await backend.openDocument();
    }
    const recent = await backend.recentDocuments();
    expect(recent).toHaveLength(10);
    expect(recent[0]).toEqual({ name: 'Org 11', location: '/home/ada/org-11' });
    expect(recent[9]?.name).toBe('Org 2');

    expect((await backend.openRecent(3)).name).toBe('Org 8');
    // The index is into the list as it was last returned, not the list as it is now.
    expect((await backend.openRecent(3)).name).toBe('Org 8');
    const again = await backend.recentDocuments();
    expect(again.slice(0, 2).map((r) => r.name)).toEqual(['Org 8', 'Org 11']);
    expect(again).toHaveLength(10);
    await expect(backend.openRecent(10)).rejects.toMatchObject({ code: 'usage' });
  });

  it('keeps a document’s edits while another is open, and starting the demo over drops them', async () => {
    const backend = new FakeBackend(syntheticOrg(7, 3));
    await backend.openDemo();
    await backend.applyEdit({ edit: { op: 'move-person', id: 'p4', manager: 'p2' } });
    await backend.newDocument();
    const managerOfP4 = async () => (await backend.view({})).view.people.find((p) => p.id === 'p4')?.manager_id;

    expect((await backend.openDemo()).can_undo).toBe(true);
    expect(await managerOfP4()).toBe('p2');
    const reset = await backend.resetDemo();
    expect(reset.can_undo).toBe(false);
    expect(await managerOfP4()).toBe('p1');
  });

  it('previews a PDF whose page count follows its options', async () => {
    const backend = new FakeBackend(syntheticOrg(60, 3));
    await backend.openDemo();
    const fitted = await backend.pdfPreview({ one_page: true });
    expect(fitted.pages).toBe(5);
    expect([fitted.width, fitted.height]).toEqual([595, 842]);
    expect(fitted.svgs).toHaveLength(5);

    const wide = await backend.pdfPreview({ page: 'letter', landscape: true, break_every_levels: 1 });
    expect([wide.width, wide.height]).toEqual([792, 612]);
    // Every manager under the root starts a page: p1..p19 have reports.
    expect(wide.pages).toBe(4 + 1 + 19);
    expect(wide.svgs).toHaveLength(12);

    const big = await backend.pdfPreview({ break_min_people: 13 });
    expect(big.pages).toBeLessThan(wide.pages);
    const sub = await backend.pdfPreview({ root: 'p1', break_every_levels: 1 });
    expect(sub.pages).toBeLessThan(wide.pages);

    await expect(backend.pdfPreview({ break_every_levels: 0 })).rejects.toMatchObject({ code: 'usage' });
    await expect(backend.pdfPreview({ break_min_people: 1.5 })).rejects.toMatchObject({ code: 'usage' });
    await expect(backend.pdfPreview({ root: 'nobody' })).rejects.toMatchObject({ code: 'unknown' });
  });

  it('escapes the title in preview pages', async () => {
    const backend = new FakeBackend({ ...syntheticOrg(3, 2), name: 'R&D <script>' });
    await backend.openDemo();
    const preview = await backend.pdfPreview({});
    expect(preview.svgs[0]).toContain('R&#38;D &#60;script&#62;');
    expect(preview.svgs[0]).not.toContain('<script>');
  });
});
