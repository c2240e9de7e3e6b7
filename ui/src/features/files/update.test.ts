// @vitest-environment jsdom
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mountApp, settle, stubBrowser, unstubBrowser } from '../../test/appHarness';
import { FakeBackend, syntheticOrg, type FakeOrg } from '../../test/fake';

// File → "Update from HR export…": the preview before anything changes, applying it, the
// edits that no longer apply marked in the scenarios panel, dropping one, undoing the update.

beforeAll(stubBrowser);
afterAll(unstubBrowser);

/** The same org a month later: p5 left, p7 moved under p1 with a new title, p99 joined. */
function newerExport(org: FakeOrg): FakeOrg {
  const people = org.people
    .filter((p) => p.id !== 'p5')
    .map((p) => (p.id === 'p7' ? { ...p, manager_id: 'p1', title: 'Staff Engineer' } : p));
  people.push({ id: 'p99', name: 'Noor Haddad', title: 'Engineer', manager_id: 'p2' });
  return { ...org, name: 'people-2027-03', people };
}

describe('update from an HR export', () => {
  it('previews, applies, marks the edits that no longer apply, drops one and undoes', async () => {
    const org = syntheticOrg(20, 3);
    const backend = new FakeBackend(org);
    backend.nextExport = newerExport(org);
    backend.conflictsOnUpdate = [{ scenario: 'baseline', edit: 4, op: 'move-person', reason: 'no person has the id "p5"' }];
    const { target, button, close } = await mountApp(backend);
    expect(target.querySelector('.card[data-person="p99"]')).toBeNull();

    button('File ▾').click();
    await settle();
    button('Update from HR export…').click();
    await settle();
    const dialog = target.querySelector('[aria-labelledby="update-title"]')!;
    expect(dialog.querySelector('.counts')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      '1 joined · 1 left · 1 moved · 1 field changed',
    );
    const p7 = org.people.find((p) => p.id === 'p7')!.name;
    expect(dialog.querySelector('.moved li')?.textContent).toContain(`${p7}:`);
    expect(dialog.querySelector('.changed li')?.textContent).toContain('title:');
    expect(dialog.querySelector('.changed li')?.textContent).toContain('→ Staff Engineer');
    expect(dialog.querySelector('.conflicts')?.textContent).toContain('1 scenario edit no longer applies');
    expect(dialog.querySelector('.conflicts')?.textContent).toContain('no person has the id "p5"');
    expect(backend.calls).not.toContain('updateApply');

    button('Apply update').click();
    await settle();
    expect(target.querySelector('[aria-labelledby="update-title"]')).toBeNull();
    expect(backend.calls).toContain('updateApply');
    expect(target.querySelector('.card[data-person="p99"]')).not.toBeNull();
    expect(target.querySelector('.card[data-person="p5"]')).toBeNull();

    button('Scenarios').click();
    await settle();
    const panel = target.querySelector('.baseline-updates')!;
    expect(panel.querySelector('.last')?.textContent).toContain('Updated from people-2027-03.csv on 2026-11-24');
    expect(panel.querySelector('h3.warn')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      '1 edit no longer applies in the baseline',
    );
    expect(panel.querySelector('li')?.textContent).toContain('move-person #4');

    button('Drop').click();
    await settle();
    expect(backend.calls).toContain('dropEdit');
    expect(target.querySelector('.baseline-updates h3.warn')).toBeNull();

    button('Undo update').click();
    await settle();
    expect(target.querySelector('.card[data-person="p99"]')).toBeNull();
    expect(target.querySelector('.card[data-person="p5"]')).not.toBeNull();
    expect(target.querySelector('.baseline-updates')).toBeNull();
    close();
  });

  it('changes nothing when the preview is cancelled, and is not offered on a read-only document', async () => {
    const org = syntheticOrg(12, 3);
    const backend = new FakeBackend(org);
    backend.nextExport = newerExport(org);
    const { target, button, close } = await mountApp(backend);
    button('File ▾').click();
    await settle();
    button('Update from HR export…').click();
    await settle();
    button('Cancel').click();
    await settle();
    expect(target.querySelector('[aria-labelledby="update-title"]')).toBeNull();
    expect(backend.calls).not.toContain('updateApply');
    expect(target.querySelector('.card[data-person="p5"]')).not.toBeNull();
    close();

    const readOnly = new FakeBackend({ ...org, read_only: true });
    const app = await mountApp(readOnly);
    app.button('File ▾').click();
    await settle();
    expect(app.button('Update from HR export…').disabled).toBe(true);
    app.close();
  });
});
