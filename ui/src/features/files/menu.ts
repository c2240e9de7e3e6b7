// Keyboard behaviour of the File menu, kept apart from the markup so it can be tested.

/** The item to focus after `key` in a menu of `count` items, wrapping; null for other keys. */
export function nextItem(current: number, key: string, count: number): number | null {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowDown':
      return current < 0 ? 0 : (current + 1) % count;
    case 'ArrowUp':
      return current < 0 ? count - 1 : (current - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

export type FileShortcut = 'new' | 'open';

/** Ctrl+N and Ctrl+O (Cmd on macOS), without Shift or Alt. */
export function shortcutOf(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): FileShortcut | null {
  if (!(e.ctrlKey || e.metaKey) || e.shiftKey || e.altKey) return null;
  const key = e.key.toLowerCase();
  return key === 'n' ? 'new' : key === 'o' ? 'open' : null;
}
