// @vitest-environment jsdom
import { flushSync, mount, tick, unmount } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeBackend, syntheticOrg, viewOf } from '../../test/fake';
import Export from './Export.svelte';
import { DEFAULT_PDF_FORM, pdfOptions, posterTooSmall } from './pdf';

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

describe('poster options', () => {
  it('send only the poster size and the subtree: page, orientation and breaks do not apply', () => {
    const form = { ...DEFAULT_PDF_FORM, poster: true, posterSize: 'a0' as const, onePage: true, breakLevels: true, levels: 'x' };
    expect(pdfOptions(form)).toEqual({ options: { poster: 'a0' }, errors: {} });
    expect(pdfOptions({ ...form, root: 'p4' }).options).toEqual({ poster: 'a0', root: 'p4' });
  });

  it("read the api's refusal: the paper, the name size and the size it needs", () => {
    expect(
      posterTooSmall(
        'the chart does not fit on A2 (420 × 594 mm) with names at 6 pt or more (they would print at 2.9 pt); it needs A0 (841 × 1189 mm) (--poster a0)',
      ),
    ).toEqual({ paper: 'A2 (420 × 594 mm)', namePt: 2.9, needed: 'A0 (841 × 1189 mm)', fits: 'a0' });
    expect(
      posterTooSmall(
        'the chart does not fit on A0 (841 × 1189 mm) with names at 6 pt or more (they would print at 4.1 pt); it needs a custom size of 1230 × 1740 mm (--poster 1230x1740)',
      ),
    ).toEqual({ paper: 'A0 (841 × 1189 mm)', namePt: 4.1, needed: 'a custom size of 1230 × 1740 mm', fits: null });
    const huge = posterTooSmall(
      'the chart does not fit on A0 (841 × 1189 mm) with names at 6 pt or more (they would print at 0.4 pt); it needs more than 5000 mm a side, the largest page a PDF can have: print it over pages instead, or a part of it with --root',
    );
    expect(huge?.needed).toBe('more than 5000 mm a side, the largest page a PDF can have: print it over pages instead, or a part of it (pick one person under "Print")');
    expect(posterTooSmall('disk full')).toBeNull();
  });
});

describe('the export dialog', () => {
  it('offers a poster, says which size it needs when the org does not fit, and exports on that size', async () => {
    // 700 people: more than the fake fits on A1 (600), fewer than on A0.
    const backend = new FakeBackend(syntheticOrg(700, 4));
    await backend.openDemo();
    const preview = vi.spyOn(backend, 'pdfPreview');
    const exportTo = vi.spyOn(backend, 'exportTo');
    const saved: string[][] = [];
    const target = document.createElement('div');
    document.body.append(target);
    const dialog = mount(Export, {
      target,
      props: { backend, people: viewOf(syntheticOrg(700, 4)).people, onclose: () => {}, onsaved: (names: string[]) => saved.push(names) },
    });
    mounted.push(() => {
      unmount(dialog);
      target.remove();
    });
    await afterPause();
    const kind = (label: string) => [...target.querySelectorAll('label')].find((l) => l.textContent?.includes(label))!.querySelector('input')!;
    kind('Poster (one page)').click();
    await afterPause();
    expect(preview.mock.calls.at(-1)?.[0]).toEqual({ poster: 'a1' });
    expect(target.querySelector('select[aria-label="Page size"]')).toBeNull();
    expect(target.querySelector('select[aria-label="Poster size"]')).not.toBeNull();
    const alert = () => target.querySelector('.too-small[role=alert]')?.textContent?.replace(/\s+/g, ' ') ?? '';
    expect(alert()).toContain('The chart does not fit on A1 (594 × 841 mm).');
    expect(alert()).toContain('Its names would print at 5.1 pt');
    expect(alert()).toContain('It needs A0 (841 × 1189 mm).');
    expect(target.textContent).not.toContain('No preview');

    // Exporting anyway is refused with the same words, not a generic failure.
    target.querySelector<HTMLButtonElement>('button.primary')!.click();
    await settle();
    expect(exportTo.mock.calls.at(-1)).toEqual(['pdf', { poster: 'a1' }]);
    expect(saved).toEqual([]);
    expect(target.querySelectorAll('[role=alert]')).toHaveLength(1);
    expect(alert()).toContain('It needs A0');
    expect(target.textContent).not.toContain('Export failed');

    [...target.querySelectorAll<HTMLButtonElement>('.too-small button')].find((b) => b.textContent === 'Use A0')!.click();
    await afterPause();
    expect(target.querySelector<HTMLSelectElement>('select[aria-label="Poster size"]')!.value).toBe('a0');
    expect(alert()).toBe('');
    expect(target.querySelector('.pages')?.textContent).toBe('1 page');
    target.querySelector<HTMLButtonElement>('button.primary')!.click();
    await settle();
    expect(exportTo.mock.calls.at(-1)).toEqual(['pdf', { poster: 'a0' }]);
    expect(saved).toEqual([['Synthetic org (700).pdf']]);
  });
});
