// @vitest-environment jsdom
import { flushSync, mount, unmount } from 'svelte';
import { describe, expect, it } from 'vitest';
import { viewOf } from '../../test/fake';
import Card from './Card.svelte';

// RELIABILITY S3: a name or title that looks like markup is shown as text and never parsed.
describe('card', () => {
  it('renders hostile names and titles as text', () => {
    const hostile = '<img src=x onerror="globalThis.__pwned = 1">';
    const view = viewOf({
      name: 't',
      as_of: '2026-01-01',
      people: [
        { id: 'x', name: hostile, title: '<script>globalThis.__pwned = 2</script>', team: '<b>Team</b>' },
        { id: 'y', name: 'Report', manager_id: 'x' },
      ],
    });
    const person = view.people[0]!;
    const node = view.layout.nodes.find((n) => n.id === 'x')!;
    const target = document.createElement('div');
    document.body.append(target);
    const selected: string[] = [];
    const card = mount(Card, {
      target,
      props: {
        node,
        person,
        marker: { worst: 'warning', count: 1, messages: ['<i>x</i>'] },
        selected: false,
        collapsed: false,
        canCollapse: true,
        compact: false,
        onselect: (id: string) => selected.push(id),
        ontoggle: () => {},
      },
    });
    flushSync();
    expect(target.querySelector('img, script, b, i')).toBeNull();
    expect(target.querySelector('.name')?.textContent).toBe(hostile);
    expect(target.textContent).toContain('<script>');
    expect((globalThis as Record<string, unknown>).__pwned).toBeUndefined();
    target.querySelector<HTMLElement>('.card')?.click();
    expect(selected).toEqual(['x']);
    unmount(card);
  });
});
