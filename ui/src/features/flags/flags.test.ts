// @vitest-environment jsdom
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeBackend } from '../../test/fake';
import { mountApp, settle, staffedOrg, stubBrowser, unstubBrowser, until } from '../../test/appHarness';

beforeAll(stubBrowser);
afterAll(unstubBrowser);

describe('flags focus their subject', () => {
  it('a workstream flag opens the workload screen on that workstream', async () => {
    const scrolled: string[] = [];
    Element.prototype.scrollIntoView = function (this: Element) {
      scrolled.push((this as HTMLElement).dataset.workstream ?? '');
    };
    const { target, button, close } = await mountApp(new FakeBackend(staffedOrg()));
    expect(target.querySelector('.subject.workstream')?.textContent).toBe('On-call');
    button('On-call').click();
    await settle();
    expect(scrolled).toEqual(['ops']);
    expect(target.querySelector('.chart')).toBeNull();
    const row = target.querySelector('tr[data-workstream="ops"]')!;
    expect(row.classList.contains('focused')).toBe(true);
    expect(row.classList.contains('unstaffed')).toBe(true);
    expect(target.querySelectorAll('tr.focused')).toHaveLength(1);
    expect(target.querySelector('th.col.focused')?.textContent).toBe('On-call');

    // Editing the grid afterwards keeps the mark but does not scroll back to it.
    target.querySelector<HTMLElement>('td.cell[data-person="chen"][data-workstream="ops"]')!.click();
    await settle();
    const input = target.querySelector<HTMLInputElement>('input.edit')!;
    input.value = '100';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await settle();
    expect(target.querySelector('tr[data-workstream="ops"]')?.classList.contains('ok')).toBe(true);
    expect(target.querySelector('tr[data-workstream="ops"]')?.classList.contains('focused')).toBe(true);
    expect(scrolled).toEqual(['ops']);
    close();
  });

  it("a team flag focuses the team's top member and marks its members until cleared", async () => {
    const { target, button, close } = await mountApp(new FakeBackend(staffedOrg()));
    button('Payments').click();
    await settle();
    expect(target.querySelector('aside h2')?.textContent).toBe('Chen Silva');
    await until(() => target.querySelector('.card[data-person="dana"]') !== null);
    const marked = [...target.querySelectorAll<HTMLElement>('.card.highlighted')].map((c) => c.dataset.person).sort();
    expect(marked).toEqual(['chen', 'dana']);
    expect(target.querySelector('.marking')?.textContent).toContain('Team Payments · 2 people marked');

    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await settle();
    expect(target.querySelector('.card.highlighted')).toBeNull();
    expect(target.querySelector('.marking')).toBeNull();
    // The selection stays until a second Escape.
    expect(target.querySelector('aside h2')?.textContent).toBe('Chen Silva');
    close();
  });

  it('a person flag still focuses their card', async () => {
    const { target, button, close } = await mountApp(new FakeBackend(staffedOrg()));
    button('Bela Novak').click();
    await settle();
    expect(target.querySelector('aside h2')?.textContent).toBe('Bela Novak');
    expect(target.querySelector('.card[data-person="bela"]')?.classList.contains('selected')).toBe(true);
    close();
  });

  it('unknown-manager flags are grouped by missing manager, each group opening to its people', async () => {
    const missing = (id: string, name: string, manager: string) => ({ id, name, manager_id: manager });
    const people = [
      missing('a', 'Ada Okafor', 'm-404'),
      missing('b', 'Bela Novak', 'm-404'),
      missing('c', 'Chen Silva', 'm-404'),
      missing('d', 'Dana Rossi', 'cto@example.com'),
    ];
    const flags = people.map((p) => ({
      rule: 'unknown-manager' as const,
      severity: 'error' as const,
      subject: { kind: 'person' as const, id: p.id },
      message: `${p.name} reports to "${p.manager_id}", who is not in the org.`,
    }));
    const { target, button, close } = await mountApp(new FakeBackend({ name: 'Department', as_of: '2026-03-01', people, flags }));
    button('Flags').click();
    await settle();
    const heads = [...target.querySelectorAll('.missing-head')].map((h) => h.textContent?.replace(/\s+/g, ' ').trim());
    expect(heads).toEqual(['▾ Reports to m-404, not in this file 3 people', '▾ Reports to cto@example.com, not in this file 1 person']);
    // Folded: the rule still counts every flag, and no flag is listed until a group is opened.
    expect(target.querySelector('[data-testid="flag-rule-unknown-manager"] .rule-head .n')?.textContent).toBe('4');
    expect(target.querySelectorAll('section.severity li')).toHaveLength(0);
    target.querySelector<HTMLButtonElement>('.missing[data-manager="m-404"] .missing-head')!.click();
    await settle();
    expect([...target.querySelectorAll('section.severity li .subject')].map((s) => s.textContent)).toEqual(['Ada Okafor', 'Bela Novak', 'Chen Silva']);
    button('Bela Novak').click();
    await settle();
    expect(target.querySelector('aside h2')?.textContent).toBe('Bela Novak');
    close();
  });
});
