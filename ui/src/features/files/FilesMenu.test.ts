// @vitest-environment jsdom
import { flushSync, mount, tick, unmount } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiError, DocumentInfo, PdfOptions, PdfPreview } from '../../lib/backend';
import { FakeBackend, syntheticOrg, viewOf } from '../../test/fake';
import FilesMenu from './FilesMenu.svelte';

async function settle() {
  for (let i = 0; i < 5; i++) {
    await new Promise((r) => setTimeout(r, 0));
    await tick();
  }
  flushSync();
}

/** Past the preview's pause, and its answer rendered. */
async function afterPause() {
  await new Promise((r) => setTimeout(r, 300));
  await settle();
}

const mounted: (() => void)[] = [];
afterEach(() => {
  for (const done of mounted.splice(0)) done();
  vi.restoreAllMocks();
});

/** The menu on its own, with the app's side (run, errors, notices) recorded. */
async function setup(options: { busy?: boolean; modal?: boolean; backend?: FakeBackend } = {}) {
  const backend = options.backend ?? new FakeBackend(syntheticOrg(60, 3));
  const doc = await backend.openDemo();
  const shown: (DocumentInfo | null)[] = [];
  const errors: ApiError[] = [];
  const notices: string[] = [];
  const imports: number[] = [];
  const target = document.createElement('div');
  document.body.append(target);
  const component = mount(FilesMenu, {
    target,
    props: {
      backend,
      busy: options.busy ?? false,
      doc,
      people: viewOf(syntheticOrg(60, 3)).people,
      modal: options.modal ?? false,
      run: async (action: () => Promise<DocumentInfo | null>) => {
        try {
          shown.push(await action());
        } catch (reason) {
          errors.push(reason as ApiError);
        }
      },
      onimport: () => imports.push(1),
      onupdate: () => imports.push(2),
      onerror: (e: ApiError) => errors.push(e),
      onnotice: (text: string) => notices.push(text),
    },
  });
  mounted.push(() => {
    unmount(component);
    target.remove();
  });
  await settle();
  const button = (text: string) =>
    [...target.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.trim().startsWith(text))!;
  const press = (key: string, extra: KeyboardEventInit = {}) => {
    (document.activeElement ?? document.body).dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...extra }));
    flushSync();
  };
  const focused = () => document.activeElement?.textContent?.trim() ?? '';
  return { backend, target, shown, errors, notices, imports, button, press, focused };
}

describe('file menu', () => {
  it('opens from the keyboard, moves with arrows, opens recent documents with ArrowRight, and Escape closes', async () => {
    const { target, button, press, focused } = await setup();
    button('File').focus();
    press('ArrowDown');
    await settle();
    expect(target.querySelector('[role=menu]')).not.toBeNull();
    expect(focused()).toMatch(/^New…/);
    press('ArrowDown');
    expect(focused()).toMatch(/^Open…/);
    press('End');
    expect(focused()).toBe('Start the demo over…');
    press('ArrowDown');
    expect(focused()).toMatch(/^New…/);
    press('ArrowUp');
    expect(focused()).toBe('Start the demo over…');
    press('Home');
    press('ArrowDown');
    press('ArrowDown');
    expect(focused()).toMatch(/^Open recent/);

    press('ArrowRight');
    await settle();
    const recent = target.querySelector('[role=menu][aria-label="Recent documents"]');
    expect(recent?.textContent).toContain('No recent documents yet');
    expect(focused()).toContain('No recent documents yet');
    press('ArrowLeft');
    expect(target.querySelector('[aria-label="Recent documents"]')).toBeNull();
    expect(focused()).toMatch(/^Open recent/);

    press('Escape');
    expect(target.querySelector('[role=menu]')).toBeNull();
    expect(document.activeElement).toBe(button('File'));
  });

  it('lists recent documents with their locations and opens the one picked by its index', async () => {
    const backend = new FakeBackend(syntheticOrg(60, 3));
    for (const name of ['Acme', 'Globex']) {
      backend.pick({ ...syntheticOrg(4, 2), name, location: `/home/ada/${name.toLowerCase()}` });
      await backend.openDocument();
    }
    const { target, shown, button } = await setup({ backend });
    button('File').click();
    await settle();
    button('Open recent').click();
    await settle();
    const items = [...target.querySelectorAll('[aria-label="Recent documents"] [role=menuitem]')];
    expect(items.map((i) => [i.querySelector('.name')?.textContent, i.querySelector('small')?.textContent])).toEqual([
      ['Globex', '/home/ada/globex'],
      ['Acme', '/home/ada/acme'],
    ]);
    (items[1] as HTMLButtonElement).click();
    await settle();
    expect(target.querySelector('[role=menu]')).toBeNull();
    expect(shown.map((d) => d?.name)).toEqual(['Acme']);
  });

  it('runs New and Open from the menu and from Ctrl+N / Ctrl+O; a cancelled dialog opens nothing', async () => {
    const { backend, shown, button } = await setup();
    backend.newName = null;
    button('File').click();
    await settle();
    button('New').click();
    await settle();
    expect(shown).toEqual([null]);

    backend.newName = 'Reorg 2027';
    const ctrl = (key: string) => {
      const e = new KeyboardEvent('keydown', { key, ctrlKey: true, bubbles: true, cancelable: true });
      window.dispatchEvent(e);
      return e;
    };
    expect(ctrl('n').defaultPrevented).toBe(true);
    await settle();
    expect(shown.at(-1)?.name).toBe('Reorg 2027');
    ctrl('o');
    await settle();
    expect(shown.at(-1)).toBeNull();
    expect(backend.calls.filter((c) => c === 'newDocument' || c === 'openDocument')).toEqual(['newDocument', 'newDocument', 'openDocument']);
  });

  it('leaves the shortcuts alone while the app is busy or another dialog is open', async () => {
    for (const state of [{ busy: true }, { modal: true }]) {
      const { backend } = await setup(state);
      const e = new KeyboardEvent('keydown', { key: 'n', ctrlKey: true, bubbles: true, cancelable: true });
      window.dispatchEvent(e);
      await settle();
      // The webview's own Ctrl+N never runs either.
      expect(e.defaultPrevented).toBe(true);
      expect(backend.calls).not.toContain('newDocument');
    }
  });

  it('reports a recent list it cannot read as {code, message}', async () => {
    const backend = new FakeBackend(syntheticOrg(60, 3));
    vi.spyOn(backend, 'recentDocuments').mockRejectedValueOnce({ code: 'io', message: 'recent.json: permission denied' });
    const { target, errors, button } = await setup({ backend });
    button('File').click();
    await settle();
    button('Open recent').click();
    await settle();
    expect(errors).toEqual([{ code: 'io', message: 'recent.json: permission denied' }]);
    expect(target.querySelector('[aria-label="Recent documents"]')?.textContent).toContain('No recent documents yet');
  });

  it('asks before starting the demo over; Escape keeps the edits', async () => {
    const { target, backend, shown, button, press } = await setup();
    button('File').click();
    await settle();
    button('Start the demo over').click();
    await settle();
    expect(target.ownerDocument.querySelector('[role=alertdialog]')?.textContent).toContain('its edits and scenarios are lost');
    expect(document.activeElement?.textContent).toBe('Keep my edits');
    press('Escape');
    expect(target.ownerDocument.querySelector('[role=alertdialog]')).toBeNull();
    expect(backend.calls).not.toContain('resetDemo');

    button('File').click();
    await settle();
    button('Start the demo over').click();
    await settle();
    button('Start over').click();
    await settle();
    expect(backend.calls).toContain('resetDemo');
    expect(shown.at(-1)?.name).toBe('Synthetic org (60)');
  });

  it('hands Import CSV to the app', async () => {
    const { imports, button } = await setup();
    button('File').click();
    await settle();
    button('Import CSV').click();
    expect(imports).toHaveLength(1);
  });
});

describe('export dialog', () => {
  it('previews the PDF: page count, thumbnails at the page’s aspect ratio, "and N more", a large view', async () => {
    const { target, button, press } = await setup();
    button('Export').click();
    await settle();
    const dialog = target.querySelector<HTMLElement>('[role=dialog]')!;
    const check = (label: string) => {
      const box = [...dialog.querySelectorAll('label')].find((l) => l.textContent?.includes(label))!.querySelector('input')!;
      box.click();
      flushSync();
    };
    check('New page every');
    const levels = dialog.querySelector<HTMLInputElement>('input[aria-label="Levels per page"]')!;
    levels.value = '1';
    levels.dispatchEvent(new Event('input', { bubbles: true }));
    await afterPause();
    // 4 report pages, the root's page and one for each of p1..p19 (every manager starts a page).
    expect(dialog.querySelector('.pages')?.textContent).toBe('24 pages');
    const thumbs = dialog.querySelectorAll<HTMLImageElement>('.thumb img');
    expect(thumbs).toHaveLength(12);
    expect(thumbs[0]!.style.aspectRatio).toBe('842 / 595');
    expect(dialog.querySelector('.more')?.textContent).toBe('and 12 more');

    dialog.querySelectorAll<HTMLButtonElement>('.thumb')[2]!.click();
    await settle();
    expect(dialog.querySelector('.zoom')?.getAttribute('aria-label')).toBe('Page 3 of 24');
    press('ArrowRight');
    expect(dialog.querySelector('.zoom')?.getAttribute('aria-label')).toBe('Page 4 of 24');
    press('Escape');
    await settle();
    expect(dialog.querySelector('.zoom')).toBeNull();
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Page 4, show large');
    expect(target.querySelector('[role=dialog]')).not.toBeNull();
    press('Escape');
    expect(target.querySelector('[role=dialog]')).toBeNull();
  });

  it('catches a count that is not a whole number of at least one before asking, next to its field', async () => {
    const { target, backend, button } = await setup();
    button('Export').click();
    await afterPause();
    const calls = () => backend.calls.filter((c) => c === 'pdfPreview').length;
    const before = calls();
    const dialog = target.querySelector<HTMLElement>('[role=dialog]')!;
    [...dialog.querySelectorAll('label')].find((l) => l.textContent?.includes('Own page for teams'))!.querySelector('input')!.click();
    flushSync();
    const people = dialog.querySelector<HTMLInputElement>('input[aria-label="People per own page"]')!;
    for (const [typed, message] of [
      ['0', 'At least 1'],
      ['-4', 'At least 1'],
      ['ten', 'Not a number'],
      ['2.5', 'A whole number'],
    ]) {
      people.value = typed!;
      people.dispatchEvent(new Event('input', { bubbles: true }));
      flushSync();
      expect(people.getAttribute('aria-invalid')).toBe('true');
      expect(people.parentElement?.querySelector('.field-error')?.textContent).toBe(message);
    }
    await afterPause();
    expect(calls()).toBe(before);
    expect(dialog.querySelector<HTMLButtonElement>('button.primary')?.disabled).toBe(true);
    expect(dialog.querySelector('.preview')?.textContent).toContain('Fix the options');

    people.value = '13';
    people.dispatchEvent(new Event('input', { bubbles: true }));
    await afterPause();
    expect(calls()).toBe(before + 1);
    expect(dialog.querySelector('.field-error')).toBeNull();
    expect(dialog.querySelector('.pages')?.textContent).toMatch(/^\d+ pages$/);
  });

  it('shows the newest preview even when an older one answers last', async () => {
    const backend = new FakeBackend(syntheticOrg(60, 3));
    const answers: { options: PdfOptions; resolve: (p: PdfPreview) => void }[] = [];
    vi.spyOn(backend, 'pdfPreview').mockImplementation((options) => new Promise((resolve) => answers.push({ options, resolve })));
    const { target, button } = await setup({ backend });
    button('Export').click();
    await afterPause();
    const dialog = target.querySelector<HTMLElement>('[role=dialog]')!;
    const page = dialog.querySelector<HTMLSelectElement>('select[aria-label="Page size"]')!;
    page.value = 'a3';
    page.dispatchEvent(new Event('change', { bubbles: true }));
    await afterPause();
    expect(answers.map((a) => a.options.page)).toEqual(['a4', 'a3']);
    const page1 = (n: number): PdfPreview => ({ pages: n, width: 10, height: 10, svgs: ['<svg xmlns="http://www.w3.org/2000/svg"/>'] });
    answers[1]!.resolve(page1(7));
    await settle();
    answers[0]!.resolve(page1(99));
    await settle();
    expect(dialog.querySelector('.pages')?.textContent).toBe('7 pages');
  });

  it('prints a subtree picked by name, and exports the other formats without PDF options', async () => {
    const { target, backend, notices, button } = await setup();
    const spy = vi.spyOn(backend, 'pdfPreview');
    button('Export').click();
    await settle();
    const dialog = target.querySelector<HTMLElement>('[role=dialog]')!;
    const search = dialog.querySelector<HTMLInputElement>('input[aria-label="Subtree root"]')!;
    search.value = 'Bela';
    search.dispatchEvent(new Event('input', { bubbles: true }));
    flushSync();
    expect(dialog.querySelector('[role=listbox]')?.textContent).toContain('Bela Okafor');
    search.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    await afterPause();
    expect(dialog.querySelector('.chosen')?.textContent).toContain('Bela Okafor and the');
    expect(spy.mock.calls.at(-1)?.[0]).toMatchObject({ root: 'p1' });

    const png = dialog.querySelector<HTMLInputElement>('input[name=export-format][value=png]')!;
    png.click();
    flushSync();
    expect(dialog.querySelector('.preview')).toBeNull();
    const exportTo = vi.spyOn(backend, 'exportTo');
    exportTo.mockResolvedValueOnce(null);
    dialog.querySelector<HTMLButtonElement>('button.primary')!.click();
    await settle();
    // Cancelled in the save dialog: nothing written, nothing said, the dialog stays.
    expect(target.querySelector('[role=dialog]')).not.toBeNull();
    expect(notices).toEqual([]);

    exportTo.mockRejectedValueOnce({ code: 'io', message: 'disk full' });
    dialog.querySelector<HTMLButtonElement>('button.primary')!.click();
    await settle();
    expect(dialog.querySelector('[role=alert]')?.textContent).toContain('disk full');

    dialog.querySelector<HTMLButtonElement>('button.primary')!.click();
    await settle();
    expect(exportTo.mock.calls.at(-1)).toEqual(['png', undefined]);
    expect(target.querySelector('[role=dialog]')).toBeNull();
    expect(notices).toEqual(['Saved Synthetic org (60).png']);
  });
});
