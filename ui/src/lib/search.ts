import type { PersonCard } from './backend/types';

// Search over names, titles, teams and ids. Matching ignores case and accents ("jose"
// finds "José"), and ranks what people type most: the start of a name, then the start
// of any word, then anything else.

export interface SearchHit {
  id: string;
  name: string;
  title: string;
  rank: number;
}

export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

export class SearchIndex {
  private readonly names: string[];
  private readonly others: string[];

  constructor(private readonly people: readonly PersonCard[]) {
    this.names = people.map((p) => fold(p.name));
    this.others = people.map((p) => fold(`${p.title}\u0000${p.team ?? ''}\u0000${p.id}`));
  }

  /** The best `limit` hits for `query`, best first; ties keep the org's order. */
  find(query: string, limit = 8): SearchHit[] {
    const q = fold(query.trim());
    if (q.length === 0) return [];
    const hits: SearchHit[] = [];
    this.people.forEach((p, i) => {
      const rank = rankOf(this.names[i] ?? '', this.others[i] ?? '', q);
      if (rank > 0) hits.push({ id: p.id, name: p.name, title: p.title, rank });
    });
    // Array.prototype.sort is stable, so equal ranks stay in input order.
    hits.sort((a, b) => b.rank - a.rank);
    return hits.slice(0, limit);
  }
}

function rankOf(name: string, other: string, q: string): number {
  if (name === q) return 5;
  if (name.startsWith(q)) return 4;
  if (name.includes(` ${q}`) || name.includes(`-${q}`)) return 3;
  if (name.includes(q)) return 2;
  if (other.includes(q)) return 1;
  return 0;
}
