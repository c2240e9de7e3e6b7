import { describe, expect, it } from 'vitest';
import { viewOf } from '../test/fake';
import { SearchIndex } from './search';

const view = viewOf({
  name: 't',
  as_of: '2026-01-01',
  people: [
    { id: 'e1', name: 'Maria Lopez', title: 'Engineer', team: 'Payments' },
    { id: 'e2', name: 'José Marín', title: 'Engineering Manager', team: 'Search' },
    { id: 'e3', name: 'Mar Ortega', title: 'Designer', team: 'Mobile' },
    { id: 'e4', name: 'Anne-Marie Roux', title: 'Staff Engineer', team: 'Platform' },
    { id: 'e5', name: 'Tom Baker', title: 'Product Manager', team: 'Marketplace' },
  ],
});

describe('search', () => {
  const index = new SearchIndex(view.people);

  it('ranks the start of a name first, then word starts, then the rest', () => {
    expect(index.find('mar').map((h) => h.id)).toEqual(['e1', 'e3', 'e2', 'e4', 'e5']);
  });

  it('ignores case and accents', () => {
    expect(index.find('JOSE MARIN').map((h) => h.id)).toEqual(['e2']);
  });

  it('finds by title, team and id', () => {
    expect(index.find('designer').map((h) => h.id)).toEqual(['e3']);
    expect(index.find('platform').map((h) => h.id)).toEqual(['e4']);
    expect(index.find('e5').map((h) => h.id)).toEqual(['e5']);
  });

  it('returns nothing for a blank query and respects the limit', () => {
    expect(index.find('   ')).toEqual([]);
    expect(index.find('a', 2)).toHaveLength(2);
  });
});
