import { describe, expect, it } from 'vitest';
import { toApiError } from '../../lib/backend/backend';
import { FakeBackend, syntheticOrg, viewOf } from './index';

describe('fake backend', () => {
  it('opens the demo when nothing is open and lays every person out once', async () => {
    const backend = new FakeBackend(syntheticOrg(40, 4));
    expect(await backend.current()).toBeNull();
    await expect(backend.view({})).rejects.toMatchObject({ code: 'usage' });
    const doc = await backend.openDemo();
    expect(doc.name).toBe('Synthetic org (40)');
    const view = (await backend.view({})).view;
    expect(view.layout.nodes.map((n) => n.id).sort()).toEqual(view.people.map((p) => p.id).sort());
    expect(view.layout.edges).toHaveLength(39);
    expect(view.people[0]?.total).toBe(39);
    expect(view.stats.headcount).toBe(40);
  });

  it('lays boxes out without overlaps and skips collapsed subtrees', () => {
    const view = viewOf(syntheticOrg(300, 5));
    const nodes = view.layout.nodes;
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) {
        const a = nodes[i]!;
        const b = nodes[j]!;
        const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
        expect(overlap).toBe(false);
      }
    }
    const folded = viewOf(syntheticOrg(300, 5), { collapsed: ['p1'] });
    expect(folded.layout.nodes.length).toBeLessThan(nodes.length);
    expect(folded.layout.nodes.some((n) => n.id === 'p1')).toBe(true);
  });

  it('lays out left to right with managers left of their reports', () => {
    const view = viewOf(syntheticOrg(40, 4), { left_right: true });
    const at = new Map(view.layout.nodes.map((n) => [n.id, n]));
    for (const p of view.people) {
      const m = p.manager_id ? at.get(p.manager_id) : undefined;
      const me = at.get(p.id)!;
      expect(me.width).toBe(240);
      if (m) expect(me.x).toBeGreaterThan(m.x + m.width);
    }
  });

  it('moves people, refuses cycles, and undoes and redoes', async () => {
    const backend = new FakeBackend(syntheticOrg(20, 3));
    await backend.openDemo();
    const managerOf = async (id: string) => (await backend.view({})).view.people.find((p) => p.id === id)?.manager_id;
    await expect(backend.applyEdit({ edit: { op: 'move-person', id: 'p0', manager: 'p7' } })).rejects.toMatchObject({
      code: 'refused',
    });
    expect((await backend.current())?.can_undo).toBe(false);
    const shown = await backend.applyEdit({ edit: { op: 'move-person', id: 'p7', manager: 'p3' } });
    expect(shown.info.can_undo).toBe(true);
    expect(await managerOf('p7')).toBe('p3');
    expect((await backend.undo()).info.can_redo).toBe(true);
    expect(await managerOf('p7')).toBe('p2');
    await backend.redo();
    expect(await managerOf('p7')).toBe('p3');
  });

  it('turns any rejection into {code, message}', () => {
    expect(toApiError({ code: 'refused', message: 'cycle' })).toEqual({ code: 'refused', message: 'cycle' });
    expect(toApiError({ code: 'nonsense', message: 'x' })).toEqual({ code: 'internal', message: '[object Object]' });
    expect(toApiError(new Error('boom'))).toEqual({ code: 'internal', message: 'boom' });
    expect(toApiError('text')).toEqual({ code: 'internal', message: 'text' });
  });
});
