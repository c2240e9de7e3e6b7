// The chart's camera: screen = world × scale + (x, y). Pure functions, so the pan, zoom
// and fit arithmetic is unit-tested without a DOM.

export interface Camera {
  x: number;
  y: number;
  scale: number;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Size {
  width: number;
  height: number;
}

/** Far enough out for Fit to show a 50k-person forest whole (about 60,000 world pixels a side). */
export const MIN_SCALE = 0.005;
export const MAX_SCALE = 2.5;

export function clampScale(scale: number): number {
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));
}

/** The part of the world the screen shows. */
export function visibleWorld(camera: Camera, screen: Size): Rect {
  return {
    x: -camera.x / camera.scale,
    y: -camera.y / camera.scale,
    width: screen.width / camera.scale,
    height: screen.height / camera.scale,
  };
}

/** Zooms by `factor` keeping the world point under `at` (screen coordinates) fixed. */
export function zoomAt(camera: Camera, at: { x: number; y: number }, factor: number): Camera {
  const scale = clampScale(camera.scale * factor);
  const k = scale / camera.scale;
  return { scale, x: at.x - (at.x - camera.x) * k, y: at.y - (at.y - camera.y) * k };
}

export function panBy(camera: Camera, dx: number, dy: number): Camera {
  return { ...camera, x: camera.x + dx, y: camera.y + dy };
}

/** The camera that shows all of `bounds` with `padding` screen pixels around it, never above `maxScale`. */
export function fit(bounds: Rect, screen: Size, padding = 32, maxScale = 1): Camera {
  const w = Math.max(1, screen.width - 2 * padding);
  const h = Math.max(1, screen.height - 2 * padding);
  const bw = Math.max(1, bounds.width);
  const bh = Math.max(1, bounds.height);
  const scale = clampScale(Math.min(maxScale, w / bw, h / bh));
  return {
    scale,
    x: (screen.width - bw * scale) / 2 - bounds.x * scale,
    y: Math.max(padding, (screen.height - bh * scale) / 2) - bounds.y * scale,
  };
}

/** The camera that puts the centre of `target` at the centre of the screen at `scale`. */
export function centreOn(target: Rect, screen: Size, scale: number): Camera {
  const s = clampScale(scale);
  return {
    scale: s,
    x: screen.width / 2 - (target.x + target.width / 2) * s,
    y: screen.height / 2 - (target.y + target.height / 2) * s,
  };
}

/** Linear interpolation between cameras, for short animated jumps. */
export function between(a: Camera, b: Camera, t: number): Camera {
  // Interpolating the scale geometrically keeps the zoom speed even.
  const scale = a.scale * Math.pow(b.scale / a.scale, t);
  return { scale, x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The smallest rectangle around `rects` (a zero rectangle when there are none). */
export function boundsOf(rects: Iterable<Rect>): Rect {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const r of rects) {
    minX = Math.min(minX, r.x);
    minY = Math.min(minY, r.y);
    maxX = Math.max(maxX, r.x + r.width);
    maxY = Math.max(maxY, r.y + r.height);
  }
  if (minX === Infinity) return { x: 0, y: 0, width: 0, height: 0 };
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

/**
 * The part of the world drawn ahead of a pan: the screen plus `margin` screen pixels each side,
 * at one scale. It is kept while the screen stays inside it, so a pan redraws only when it
 * crosses the edge, and remade (centred on the screen) when the screen leaves it or the zoom changes.
 */
export interface Cover extends Rect {
  scale: number;
}

export function coverFor(previous: Cover | null, camera: Camera, screen: Size, margin: number): Cover {
  const view = visibleWorld(camera, screen);
  if (
    previous !== null &&
    previous.scale === camera.scale &&
    view.x >= previous.x &&
    view.y >= previous.y &&
    view.x + view.width <= previous.x + previous.width &&
    view.y + view.height <= previous.y + previous.height
  ) {
    return previous;
  }
  const m = margin / camera.scale;
  return { x: view.x - m, y: view.y - m, width: view.width + 2 * m, height: view.height + 2 * m, scale: camera.scale };
}
