import type { PersonCard } from '../../lib/backend/types';

// The reporting forest as the UI sees it: who is under whom, for collapse, expand and
// "jump to a person". Every walk is iterative and guarded against cycles, because real HR
// data has both million-long chains and reporting loops.

export class Forest {
  readonly index = new Map<string, number>();
  private readonly parent: Int32Array;
  private readonly childStart: Int32Array;
  private readonly childList: Int32Array;

  constructor(readonly people: readonly PersonCard[]) {
    const n = people.length;
    people.forEach((p, i) => {
      if (!this.index.has(p.id)) this.index.set(p.id, i);
    });
    this.parent = new Int32Array(n).fill(-1);
    const counts = new Int32Array(n + 1);
    people.forEach((p, i) => {
      const m = p.manager_id === null ? undefined : this.index.get(p.manager_id);
      if (m !== undefined && m !== i) {
        this.parent[i] = m;
        counts[m + 1] = (counts[m + 1] ?? 0) + 1;
      }
    });
    for (let i = 0; i < n; i++) counts[i + 1] = (counts[i + 1] ?? 0) + (counts[i] ?? 0);
    this.childStart = counts;
    this.childList = new Int32Array(n);
    const fill = counts.slice(0, n);
    for (let i = 0; i < n; i++) {
      const m = this.parent[i] ?? -1;
      if (m >= 0) {
        const at = fill[m] ?? 0;
        this.childList[at] = i;
        fill[m] = at + 1;
      }
    }
  }

  /** Indices of `i`'s reports, in input order. */
  children(i: number): Int32Array {
    return this.childList.subarray(this.childStart[i] ?? 0, this.childStart[i + 1] ?? 0);
  }

  hasReports(id: string): boolean {
    const i = this.index.get(id);
    return i !== undefined && this.children(i).length > 0;
  }

  /** Managers of `id` from the nearest up to the root (stops at a cycle). */
  ancestors(id: string): string[] {
    const out: string[] = [];
    const start = this.index.get(id);
    if (start === undefined) return out;
    const seen = new Set<number>([start]);
    let at = this.parent[start] ?? -1;
    while (at >= 0 && !seen.has(at)) {
      seen.add(at);
      const p = this.people[at];
      if (p) out.push(p.id);
      at = this.parent[at] ?? -1;
    }
    return out;
  }

  /** Everyone under a collapsed person (the collapsed people themselves stay shown). */
  hidden(collapsed: ReadonlySet<string>): Set<string> {
    const out = new Set<string>();
    const stack: number[] = [];
    for (const id of collapsed) {
      const i = this.index.get(id);
      if (i === undefined || out.has(id)) continue;
      stack.push(...this.children(i));
      while (stack.length > 0) {
        const c = stack.pop() as number;
        const p = this.people[c];
        if (!p || out.has(p.id)) continue;
        out.add(p.id);
        for (const g of this.children(c)) stack.push(g);
      }
    }
    return out;
  }

  /** `collapsed` without the ancestors of `id`, so that `id` becomes visible. */
  reveal(collapsed: ReadonlySet<string>, id: string): Set<string> {
    const next = new Set(collapsed);
    for (const a of this.ancestors(id)) next.delete(a);
    return next;
  }
}
