// Actions the workload screen's editors share.

/** Pins a cell's message below the cell, outside the grid's scrolling box, which would clip it. */
export function anchorBelow(node: HTMLElement) {
  const place = () => {
    const r = node.parentElement?.getBoundingClientRect();
    if (!r) return;
    node.style.left = `${r.left + r.width / 2}px`;
    node.style.top = `${r.bottom + 6}px`;
  };
  place();
  window.addEventListener('scroll', place, true);
  window.addEventListener('resize', place);
  return {
    destroy() {
      window.removeEventListener('scroll', place, true);
      window.removeEventListener('resize', place);
    },
  };
}

/** Listens to the keys pressed anywhere in a form (Escape closes it from any field). */
export function keysOf(node: HTMLElement, handler: (e: KeyboardEvent) => void) {
  node.addEventListener('keydown', handler);
  return { destroy: () => node.removeEventListener('keydown', handler) };
}
