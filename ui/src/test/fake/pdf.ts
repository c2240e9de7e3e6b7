import type { ApiError, PdfOptions, PdfPreview, PersonCard } from '../../lib/backend/types';

// The fake's PDF report: page counts as the real report splits its chart, and pages drawn
// as plain SVG with the title and the page number.

/** Page sizes in points, portrait. */
const PAGE_POINTS = { a4: [595, 842], letter: [612, 792], a3: [842, 1191] } as const;
/** Title, summary, flags and workload pages around the chart's. */
const REPORT_PAGES = 4;
/** People the fake fits on one chart page when nothing splits the chart. */
const PEOPLE_PER_PAGE = 40;

/** Poster sizes in millimetres (portrait) and how many people the fake fits on each with names at 6 pt. */
const POSTERS = {
  a2: { mm: [420, 594], people: 300 },
  a1: { mm: [594, 841], people: 600 },
  a0: { mm: [841, 1189], people: 1200 },
} as const;
type Poster = keyof typeof POSTERS;

/** The api's checks on PDF options: a known page size and counts of at least one. */
export function checkPdf(pdf: PdfOptions) {
  if (pdf.poster !== undefined) {
    if (!(pdf.poster in POSTERS)) throw { code: 'usage', message: `poster size "${pdf.poster}" is not one of a2, a1, a0` } satisfies ApiError;
    for (const key of ['one_page', 'break_every_levels', 'break_min_people'] as const)
      if (pdf[key] !== undefined && pdf[key] !== false)
        throw { code: 'usage', message: `${key} does not apply to a poster, which prints the whole chart on one page` } satisfies ApiError;
  }
  if (pdf.page !== undefined && !['a4', 'letter', 'a3'].includes(pdf.page))
    throw { code: 'usage', message: `unknown page size "${pdf.page}"` } satisfies ApiError;
  for (const key of ['break_every_levels', 'break_min_people'] as const) {
    const n = pdf[key];
    if (n !== undefined && (!Number.isInteger(n) || n < 1))
      throw { code: 'usage', message: `${key} must be a whole number of at least 1` } satisfies ApiError;
  }
}

/**
 * The fake's chart pages: one, or a page for the root plus one per manager that starts a
 * new page (every N levels down, or heading at least M people), else one per 40 people.
 */
function chartPages(people: PersonCard[], pdf: PdfOptions): number {
  if (pdf.root !== undefined && !people.some((p) => p.id === pdf.root))
    throw { code: 'unknown', message: `no person has id "${pdf.root}"` } satisfies ApiError;
  if (pdf.one_page) return 1;
  const children = new Map<string, PersonCard[]>();
  for (const p of people) {
    if (p.manager_id === null) continue;
    const siblings = children.get(p.manager_id);
    if (siblings) siblings.push(p);
    else children.set(p.manager_id, [p]);
  }
  // Breadth first from the printed roots, with each person's level below their root.
  const queue: [PersonCard, number][] = people
    .filter((p) => (pdf.root === undefined ? p.manager_id === null : p.id === pdf.root))
    .map((p) => [p, 0]);
  let breaks = 0;
  for (let k = 0; k < queue.length; k++) {
    const [p, level] = queue[k] as [PersonCard, number];
    const n = pdf.break_every_levels;
    const m = pdf.break_min_people;
    if (level > 0 && p.direct > 0 && ((n !== undefined && level % n === 0) || (m !== undefined && p.total + 1 >= m))) breaks++;
    for (const c of children.get(p.id) ?? []) queue.push([c, level + 1]);
  }
  if (pdf.break_every_levels === undefined && pdf.break_min_people === undefined)
    return Math.max(1, Math.ceil(queue.length / PEOPLE_PER_PAGE));
  return 1 + breaks;
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const posterName = (p: Poster) => `${p.toUpperCase()} (${POSTERS[p].mm[0]} × ${POSTERS[p].mm[1]} mm)`;

/** A poster of `count` people on `poster`, refused as the api refuses it when names would print under 6 pt. */
function checkPoster(poster: Poster, count: number) {
  const fits = POSTERS[poster].people;
  if (count <= fits) return;
  const bigger = (Object.keys(POSTERS) as Poster[]).find((p) => POSTERS[p].people >= count);
  const needed = bigger ? `${posterName(bigger)} (--poster ${bigger})` : 'a custom size of 1190 × 1690 mm (--poster 1190x1690)';
  throw {
    code: 'usage',
    message: `the chart does not fit on ${posterName(poster)} with names at 6 pt or more (they would print at ${((6 * fits) / count).toFixed(1)} pt); it needs ${needed}`,
  } satisfies ApiError;
}

/** The preview of the report of `people` titled after the document `name`: its page count and its first 12 pages. */
export function pdfPages(name: string, people: PersonCard[], pdf: PdfOptions): PdfPreview {
  checkPdf(pdf);
  if (pdf.poster !== undefined) {
    const poster = pdf.poster as Poster;
    checkPoster(poster, people.length);
    const [width, height] = POSTERS[poster].mm.map((mm) => Math.round((mm * 72) / 25.4)) as [number, number];
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><rect width="${width}" height="${height}" fill="#fff"/></svg>`;
    return { pages: 1, width, height, svgs: [svg] };
  }
  const [w, h] = PAGE_POINTS[pdf.page ?? 'a4'];
  const [width, height] = pdf.landscape ? [h, w] : [w, h];
  const pages = REPORT_PAGES + chartPages(people, pdf);
  const title = escapeXml(pdf.title ?? name);
  const svgs = Array.from(
    { length: Math.min(pages, 12) },
    (_, i) =>
      `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
      `<rect width="${width}" height="${height}" fill="#fff"/><text x="36" y="54" font-size="18">${title}</text>` +
      `<text x="36" y="${height - 30}" font-size="10">Page ${i + 1} of ${pages}</text></svg>`,
  );
  return { pages, width, height, svgs };
}
