// How figures and days read in the UI: as people write them, in fixed English whatever the
// system's locale, so the same org reads the same everywhere.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 1.5 → "1.5", 2 → "2", 0.3333 → "0.33": figures as people write them. */
export function figure(x: number): string {
  return String(Math.round(x * 100) / 100);
}

/** "+1", "−0.25", "0". */
export function signed(x: number): string {
  const r = Math.round(x * 100) / 100;
  if (r === 0) return '0';
  return r > 0 ? `+${r}` : `−${-r}`;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2027-03-01" → "1 March 2027" (fixed English, whatever the system's locale). */
export function dateInWords(iso: string): string {
  const m = ISO_DATE.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

/** "2027-03" → "Mar 2027" (fixed English). */
export function shortMonth(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return month;
  return `${(MONTHS[Number(m[2]) - 1] ?? month).slice(0, 3)} ${m[1]}`;
}
