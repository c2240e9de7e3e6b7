import { describe, expect, it } from 'vitest';
import { boundsOf, centreOn, coverFor, fit, MAX_SCALE, MIN_SCALE, panBy, visibleWorld, zoomAt } from './camera';

describe('camera', () => {
  it('keeps the world point under the cursor fixed while zooming', () => {
    const cam = { x: 40, y: -10, scale: 0.5 };
    const at = { x: 300, y: 200 };
    const before = { x: (at.x - cam.x) / cam.scale, y: (at.y - cam.y) / cam.scale };
    const next = zoomAt(cam, at, 1.7);
    expect((at.x - next.x) / next.scale).toBeCloseTo(before.x, 9);
    expect((at.y - next.y) / next.scale).toBeCloseTo(before.y, 9);
  });

  it('clamps the zoom', () => {
    expect(zoomAt({ x: 0, y: 0, scale: 1 }, { x: 0, y: 0 }, 1000).scale).toBe(MAX_SCALE);
    expect(zoomAt({ x: 0, y: 0, scale: 1 }, { x: 0, y: 0 }, 1e-6).scale).toBe(MIN_SCALE);
  });

  it('fits a wide drawing inside the screen with padding', () => {
    const bounds = { x: 100, y: 50, width: 4000, height: 600 };
    const screen = { width: 1000, height: 800 };
    const cam = fit(bounds, screen, 20);
    const seen = visibleWorld(cam, screen);
    expect(seen.x).toBeLessThanOrEqual(bounds.x);
    expect(seen.x + seen.width).toBeGreaterThanOrEqual(bounds.x + bounds.width);
    expect(cam.scale).toBeCloseTo(960 / 4000, 9);
  });

  it('fits a 50k-person forest whole', () => {
    // Near what the layout gives one department of 50,000 people: 61,000 × 45,000.
    const bounds = { x: 0, y: 0, width: 61000, height: 45000 };
    const screen = { width: 960, height: 744 };
    const seen = visibleWorld(fit(bounds, screen, 40), screen);
    expect(seen.x + seen.width).toBeGreaterThanOrEqual(bounds.width);
    expect(seen.y + seen.height).toBeGreaterThanOrEqual(bounds.height);
  });

  it('never enlarges a small drawing past the cap', () => {
    expect(fit({ x: 0, y: 0, width: 10, height: 10 }, { width: 800, height: 600 }).scale).toBe(1);
  });

  it('centres a card', () => {
    const cam = centreOn({ x: 500, y: 300, width: 200, height: 100 }, { width: 1000, height: 800 }, 1);
    expect(cam).toEqual({ scale: 1, x: 500 - 600, y: 400 - 350 });
  });

  it('bounds of nothing is an empty rectangle', () => {
    expect(boundsOf([])).toEqual({ x: 0, y: 0, width: 0, height: 0 });
    expect(boundsOf([{ x: 1, y: 2, width: 3, height: 4 }, { x: -5, y: 0, width: 1, height: 1 }])).toEqual({
      x: -5,
      y: 0,
      width: 9,
      height: 6,
    });
  });

  it('keeps the cover while a pan stays inside it and remakes it around the screen when the pan leaves', () => {
    const screen = { width: 1000, height: 600 };
    let cam = { x: 0, y: 0, scale: 0.5 };
    const first = coverFor(null, cam, screen, 200);
    // 200 screen pixels each side at scale 0.5 are 400 world pixels.
    expect(first).toEqual({ x: -400, y: -400, width: 2800, height: 2000, scale: 0.5 });
    const redraws: number[] = [];
    let cover = first;
    for (let step = 1; step <= 24; step++) {
      cam = panBy(cam, -25, 0);
      const next = coverFor(cover, cam, screen, 200);
      if (next !== cover) {
        redraws.push(step);
        // A new cover is centred on the screen it was made for.
        const view = visibleWorld(cam, screen);
        expect(next.x).toBeCloseTo(view.x - 400, 9);
        expect(next.width).toBeCloseTo(view.width + 800, 9);
      }
      cover = next;
    }
    // Steps of 25 px use up a 200 px margin in 8 steps: the 9th leaves the cover, and the 18th the next.
    expect(redraws).toEqual([9, 18]);
  });

  it('remakes the cover when the zoom changes, even inside it', () => {
    const screen = { width: 1000, height: 600 };
    const cam = { x: 0, y: 0, scale: 1 };
    const cover = coverFor(null, cam, screen, 200);
    expect(coverFor(cover, panBy(cam, 10, 10), screen, 200)).toBe(cover);
    const zoomed = coverFor(cover, zoomAt(cam, { x: 500, y: 300 }, 1.01), screen, 200);
    expect(zoomed).not.toBe(cover);
    expect(zoomed.scale).toBeCloseTo(1.01, 9);
  });
});
