import { describe, expect, it } from 'vitest';
import { columnLetters, problemPlace } from './place';

const problem = { file: 'org.xlsx', sheet: null, row: null, column: null, header: null, message: 'x' };

describe('problemPlace', () => {
  it('names a CSV cell by row and column', () => {
    expect(problemPlace({ ...problem, file: 'people.csv', row: 4, column: 2, header: 'Name' })).toBe(
      'people.csv, row 4, column 2 (Name)',
    );
    expect(problemPlace({ ...problem, file: 'people.csv' })).toBe('people.csv');
  });

  it('names a workbook cell as a spreadsheet does', () => {
    expect(problemPlace({ ...problem, sheet: 'People', row: 14, column: 4, header: 'Hire Date' })).toBe(
      'org.xlsx, People!D14 (Hire Date)',
    );
    expect(problemPlace({ ...problem, sheet: 'My staff', row: 2, column: 27, header: null })).toBe(
      "org.xlsx, 'My staff'!AA2",
    );
    expect(problemPlace({ ...problem, sheet: 'People' })).toBe('org.xlsx, People');
  });

  it('writes column letters', () => {
    expect([1, 26, 27, 16384].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'XFD']);
  });
});
