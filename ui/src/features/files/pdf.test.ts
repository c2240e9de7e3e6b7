import { describe, expect, it } from 'vitest';
import { DEFAULT_PDF_FORM, isValid, morePages, pageImage, pagesText, parseCount, pdfOptions } from './pdf';

describe('pdf options', () => {
  it('accepts whole counts of at least one and says what is wrong with anything else', () => {
    expect(parseCount('3')).toEqual({ value: 3 });
    expect(parseCount(' 12 ')).toEqual({ value: 12 });
    expect(parseCount('0')).toEqual({ error: 'At least 1' });
    expect(parseCount('000')).toEqual({ error: 'At least 1' });
    expect(parseCount('-2')).toEqual({ error: 'At least 1' });
    expect(parseCount('2.5')).toEqual({ error: 'A whole number' });
    expect(parseCount('abc')).toEqual({ error: 'Not a number' });
    expect(parseCount('1e3')).toEqual({ error: 'Not a number' });
    expect(parseCount('')).toEqual({ error: 'Type a number' });
    expect(parseCount('4294967295')).toEqual({ value: 4294967295 });
    expect(parseCount('4294967296')).toEqual({ error: 'Too large' });
  });

  it('sends only the options that are on, and flags each bad field', () => {
    expect(pdfOptions(DEFAULT_PDF_FORM)).toEqual({ options: { page: 'a4', landscape: true, one_page: false }, errors: {} });

    const split = pdfOptions({ ...DEFAULT_PDF_FORM, page: 'a3', root: 'p4', breakLevels: true, levels: '2', breakPeople: true, people: '30' });
    expect(split.options).toEqual({ page: 'a3', landscape: true, one_page: false, root: 'p4', break_every_levels: 2, break_min_people: 30 });
    expect(isValid(split)).toBe(true);

    const bad = pdfOptions({ ...DEFAULT_PDF_FORM, breakLevels: true, levels: '0', breakPeople: true, people: 'x' });
    expect(bad.errors).toEqual({ levels: 'At least 1', people: 'Not a number' });
    expect(isValid(bad)).toBe(false);

    // A switched-off count is not checked, and one page makes both moot.
    expect(isValid(pdfOptions({ ...DEFAULT_PDF_FORM, levels: '0' }))).toBe(true);
    const fitted = pdfOptions({ ...DEFAULT_PDF_FORM, onePage: true, breakLevels: true, levels: '-1' });
    expect(fitted).toEqual({ options: { page: 'a4', landscape: true, one_page: true }, errors: {} });
  });

  it('makes pages into data: image URLs, never markup', () => {
    const url = pageImage('<svg xmlns="http://www.w3.org/2000/svg"><text>A & B #1</text></svg>');
    expect(url.startsWith('data:image/svg+xml;charset=utf-8,')).toBe(true);
    expect(url).not.toMatch(/[<>#& ]/);
    expect(decodeURIComponent(url.slice(url.indexOf(',') + 1))).toContain('<text>A & B #1</text>');
  });

  it('counts pages and the ones without thumbnails', () => {
    expect(pagesText(1)).toBe('1 page');
    expect(pagesText(40)).toBe('40 pages');
    expect(morePages({ pages: 40, width: 1, height: 1, svgs: Array(12).fill('') })).toBe(28);
    expect(morePages({ pages: 3, width: 1, height: 1, svgs: ['', '', ''] })).toBe(0);
  });
});
