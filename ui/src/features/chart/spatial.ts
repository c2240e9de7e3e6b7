import type { Rect } from './camera';

// A uniform grid over the world: the chart asks it which cards and edges meet the screen,
// so a frame costs O(visible) rather than O(org) — what keeps a 10k-person org smooth.

export class SpatialGrid {
  private readonly cells = new Map<number, number[]>();
  private readonly cellSize: number;
  private readonly rects: readonly Rect[];
  private readonly stamp: Uint32Array;
  private query_ = 0;

  constructor(rects: readonly Rect[], cellSize = 512) {
    this.rects = rects;
    this.cellSize = cellSize;
    this.stamp = new Uint32Array(rects.length);
    rects.forEach((r, i) => {
      const [x0, y0, x1, y1] = this.span(r);
      for (let cy = y0; cy <= y1; cy++) {
        for (let cx = x0; cx <= x1; cx++) {
          const key = this.key(cx, cy);
          const cell = this.cells.get(key);
          if (cell) cell.push(i);
          else this.cells.set(key, [i]);
        }
      }
    });
  }

  /** Indices of the rectangles that meet `area`, each once, in ascending order. */
  query(area: Rect): number[] {
    // A per-query stamp dedups rectangles spanning several cells without a Set per frame.
    this.query_ = (this.query_ + 1) >>> 0 || 1;
    if (this.query_ === 1) this.stamp.fill(0);
    const out: number[] = [];
    const [x0, y0, x1, y1] = this.span(area);
    // A huge area (zoomed far out) would visit many empty cells: scan the rects instead.
    if ((x1 - x0 + 1) * (y1 - y0 + 1) > this.rects.length) {
      this.rects.forEach((r, i) => {
        if (meets(r, area)) out.push(i);
      });
      return out;
    }
    for (let cy = y0; cy <= y1; cy++) {
      for (let cx = x0; cx <= x1; cx++) {
        const cell = this.cells.get(this.key(cx, cy));
        if (!cell) continue;
        for (const i of cell) {
          if (this.stamp[i] === this.query_) continue;
          this.stamp[i] = this.query_;
          const r = this.rects[i];
          if (r && meets(r, area)) out.push(i);
        }
      }
    }
    return out.sort((a, b) => a - b);
  }

  private span(r: Rect): [number, number, number, number] {
    const s = this.cellSize;
    return [
      Math.floor(r.x / s),
      Math.floor(r.y / s),
      Math.floor((r.x + r.width) / s),
      Math.floor((r.y + r.height) / s),
    ];
  }

  private key(cx: number, cy: number): number {
    // Cells are addressed as one number; 2^21 cells per axis covers any drawable org.
    return (cy + 0x100000) * 0x200000 + (cx + 0x100000);
  }
}

/** Closed intersection, so zero-width rectangles (straight edges) are found too. */
function meets(a: Rect, b: Rect): boolean {
  return a.x <= b.x + b.width && b.x <= a.x + a.width && a.y <= b.y + b.height && b.y <= a.y + a.height;
}
