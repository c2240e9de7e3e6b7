import { describe, expect, it } from 'vitest';
import type { Rect } from './camera';
import { SpatialGrid } from './spatial';

function brute(rects: Rect[], area: Rect): number[] {
  const out: number[] = [];
  rects.forEach((r, i) => {
    if (r.x <= area.x + area.width && area.x <= r.x + r.width && r.y <= area.y + area.height && area.y <= r.y + r.height)
      out.push(i);
  });
  return out;
}

// A small deterministic generator: tests must give the same result on every run.
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('spatial grid', () => {
  it('finds exactly the rectangles a brute-force scan finds', () => {
    const rnd = lcg(7);
    const rects: Rect[] = Array.from({ length: 3000 }, () => ({
      x: rnd() * 20000 - 5000,
      y: rnd() * 8000,
      width: rnd() < 0.1 ? 0 : 40 + rnd() * 300,
      height: 20 + rnd() * 120,
    }));
    const grid = new SpatialGrid(rects, 400);
    for (let q = 0; q < 200; q++) {
      const area = { x: rnd() * 20000 - 6000, y: rnd() * 8000 - 500, width: rnd() * 3000, height: rnd() * 2000 };
      expect(grid.query(area)).toEqual(brute(rects, area));
    }
    const everything = { x: -1e6, y: -1e6, width: 2e6, height: 2e6 };
    expect(grid.query(everything)).toEqual(brute(rects, everything));
  });

  it('culls a 10k-person chart to the cards on screen', () => {
    const rects: Rect[] = Array.from({ length: 10_000 }, (_, i) => ({
      x: (i % 500) * 264,
      y: Math.floor(i / 500) * 152,
      width: 240,
      height: 96,
    }));
    const grid = new SpatialGrid(rects);
    const onScreen = grid.query({ x: 10_000, y: 300, width: 1280, height: 800 });
    expect(onScreen.length).toBeGreaterThan(0);
    expect(onScreen.length).toBeLessThan(60);
    expect(onScreen).toEqual(brute(rects, { x: 10_000, y: 300, width: 1280, height: 800 }));
  });
});
