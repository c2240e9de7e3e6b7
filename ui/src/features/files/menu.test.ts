import { describe, expect, it } from 'vitest';
import { nextItem, shortcutOf } from './menu';

describe('file menu keys', () => {
  it('moves through the items with arrows, Home and End, wrapping at the ends', () => {
    expect(nextItem(-1, 'ArrowDown', 5)).toBe(0);
    expect(nextItem(-1, 'ArrowUp', 5)).toBe(4);
    expect(nextItem(1, 'ArrowDown', 5)).toBe(2);
    expect(nextItem(4, 'ArrowDown', 5)).toBe(0);
    expect(nextItem(0, 'ArrowUp', 5)).toBe(4);
    expect(nextItem(2, 'Home', 5)).toBe(0);
    expect(nextItem(2, 'End', 5)).toBe(4);
    expect(nextItem(2, 'a', 5)).toBeNull();
    expect(nextItem(0, 'ArrowDown', 0)).toBeNull();
  });

  it('knows Ctrl+N and Ctrl+O (or Cmd), and nothing with Shift or Alt', () => {
    const key = (k: string, extra: Partial<KeyboardEvent> = {}) => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...extra });
    expect(shortcutOf(key('n', { ctrlKey: true }))).toBe('new');
    expect(shortcutOf(key('O', { metaKey: true }))).toBe('open');
    expect(shortcutOf(key('n'))).toBeNull();
    expect(shortcutOf(key('n', { ctrlKey: true, shiftKey: true }))).toBeNull();
    expect(shortcutOf(key('o', { ctrlKey: true, altKey: true }))).toBeNull();
    expect(shortcutOf(key('z', { ctrlKey: true }))).toBeNull();
  });
});
