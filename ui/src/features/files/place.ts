// Where an import problem is, as the user would look for it: `people.csv, row 4, column 2
// (Name)` in a CSV, `org.xlsx, People!B4 (Name)` in a workbook (as the core formats it).
import type { ImportProblem } from '../../lib/backend';

/** Spreadsheet column letters of a 1-based column (1 → A, 27 → AA). */
export function columnLetters(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A sheet name as a formula writes it: quoted unless letters, digits and `_`. */
function quotedSheet(sheet: string): string {
  return /^[\p{L}_][\p{L}\p{N}_]*$/u.test(sheet) ? sheet : `'${sheet.replaceAll("'", "''")}'`;
}

export function problemPlace(p: ImportProblem): string {
  const header = p.header ? ` (${p.header})` : '';
  if (p.sheet !== null) {
    const cell = p.row !== null && p.column !== null ? `!${columnLetters(p.column)}${p.row}` : '';
    return `${p.file}, ${quotedSheet(p.sheet)}${cell}${header}`;
  }
  return [p.file, p.row === null ? null : `row ${p.row}`, p.column === null ? null : `column ${p.column}${header}`]
    .filter((x) => x !== null)
    .join(', ');
}
