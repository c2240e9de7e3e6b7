import type { PdfOptions, PdfPreview } from '../../lib/backend/types';

// The export dialog's PDF options as typed, checked before any call: the backend would refuse
// 0 or a fraction too, but a message next to the field says what to type instead.

export type PageSize = 'a4' | 'letter' | 'a3';
/** The poster sizes the dialog offers (the CLI also takes a custom WxH in millimetres). */
export type PosterSize = 'a2' | 'a1' | 'a0';
export const POSTER_SIZES: readonly PosterSize[] = ['a2', 'a1', 'a0'];

export interface PdfForm {
  page: PageSize;
  landscape: boolean;
  /** The person whose subtree is printed; null prints the whole org. */
  root: string | null;
  onePage: boolean;
  /** Whether to start a new page every `levels` levels, and the count as typed. */
  breakLevels: boolean;
  levels: string;
  /** Whether subtrees of at least `people` people get their own pages, and the count as typed. */
  breakPeople: boolean;
  people: string;
  /** The whole chart on one large page instead of the report: page, orientation and breaks do not apply. */
  poster: boolean;
  posterSize: PosterSize;
}

export const DEFAULT_PDF_FORM: PdfForm = {
  page: 'a4',
  landscape: true,
  root: null,
  onePage: false,
  breakLevels: false,
  levels: '3',
  breakPeople: false,
  people: '50',
  poster: false,
  posterSize: 'a1',
};

/** The api reads both counts as u32. */
const MAX_COUNT = 4_294_967_295;

/** A count of at least one as typed, or why it is not one. */
export function parseCount(text: string): { value: number } | { error: string } {
  const t = text.trim();
  if (t === '') return { error: 'Type a number' };
  if (/^[-−]\s*\d/.test(t)) return { error: 'At least 1' };
  if (!/^\d+$/.test(t)) return { error: /^\d*[.,]\d+$/.test(t) ? 'A whole number' : 'Not a number' };
  const value = Number(t);
  if (value < 1) return { error: 'At least 1' };
  if (value > MAX_COUNT) return { error: 'Too large' };
  return { value };
}

export interface CheckedPdf {
  /** The options to send; only meaningful when `errors` is empty. */
  options: PdfOptions;
  errors: { levels?: string; people?: string };
}

/** The options the form gives, and a message for each field that holds no valid count. */
export function pdfOptions(form: PdfForm): CheckedPdf {
  if (form.poster) {
    // The api refuses a poster with one-page or break options, so none is sent.
    const poster: PdfOptions = { poster: form.posterSize };
    if (form.root !== null) poster.root = form.root;
    return { options: poster, errors: {} };
  }
  const options: PdfOptions = { page: form.page, landscape: form.landscape, one_page: form.onePage };
  const errors: CheckedPdf['errors'] = {};
  if (form.root !== null) options.root = form.root;
  // Fitted to one page, the chart is never split, so the break counts are neither sent nor checked.
  if (!form.onePage && form.breakLevels) {
    const n = parseCount(form.levels);
    if ('error' in n) errors.levels = n.error;
    else options.break_every_levels = n.value;
  }
  if (!form.onePage && form.breakPeople) {
    const m = parseCount(form.people);
    if ('error' in m) errors.people = m.error;
    else options.break_min_people = m.value;
  }
  return { options, errors };
}

export function isValid(checked: CheckedPdf): boolean {
  return checked.errors.levels === undefined && checked.errors.people === undefined;
}

/** A page of the preview as an image source: never as markup, since names are user text. */
export function pageImage(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

export function pagesText(pages: number): string {
  return `${pages} ${pages === 1 ? 'page' : 'pages'}`;
}

/** Pages the preview does not show as thumbnails. */
export function morePages(preview: PdfPreview): number {
  return Math.max(0, preview.pages - preview.svgs.length);
}

/** Why a poster could not be printed, read from the api's refusal. */
export interface PosterTooSmall {
  /** The paper asked for, as the api names it: "A2 (420 × 594 mm)". */
  paper: string;
  /** The size names would have printed at, in points. */
  namePt: number;
  /** What it would need: "A0 (841 × 1189 mm)", "a custom size of 1200 × 1700 mm", or why none will do. */
  needed: string;
  /** The offered size that would fit, when it is one. */
  fits: PosterSize | null;
}

// The api's message for a poster whose names would print under 6 pt (pendulum_export's
// PosterTooSmall), with the CLI's flag for the size it needs at the end.
const TOO_SMALL = /does not fit on (.+?) with names at 6 pt or more \(they would print at ([\d.]+) pt\); it needs (.+)$/s;

/** The parts of a "poster does not fit" refusal, or null for any other message. */
export function posterTooSmall(message: string): PosterTooSmall | null {
  const m = TOO_SMALL.exec(message);
  if (!m) return null;
  let needed = m[3] ?? '';
  let fits: PosterSize | null = null;
  const flag = / \(--poster ([^)]+)\)$/.exec(needed);
  if (flag) {
    needed = needed.slice(0, flag.index);
    const size = flag[1] as PosterSize;
    if (POSTER_SIZES.includes(size)) fits = size;
  }
  // The dialog prints a part of the org from "Print", not from the CLI's --root.
  needed = needed.replace(/ with --root$/, ' (pick one person under "Print")');
  return { paper: m[1] ?? '', namePt: Number(m[2]), needed, fits };
}
