// @vitest-environment jsdom
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mountApp, settle, stubBrowser, unstubBrowser, until } from '../test/appHarness';
import { FakeBackend, syntheticOrg } from '../test/fake';

// What the window says and offers when the file or the user's input is not what it expects:
// another program changed the file, an export would replace files, a threshold out of range.

beforeAll(stubBrowser);
afterAll(unstubBrowser);

describe('file safety in the window', () => {
  it('offers to reload when another program replaced the file, and names the copy it kept', async () => {
    const backend = new FakeBackend(syntheticOrg(30, 3));
    const { target, button, close } = await mountApp(backend);
    expect(target.querySelector('.changed')).toBeNull();

    backend.changedElsewhere = 'replaced';
    window.dispatchEvent(new Event('focus'));
    await until(() => target.querySelector('.changed') !== null);
    expect(target.querySelector('.changed')?.textContent).toContain('replaced this file with another version');
    expect(target.querySelector('.changed')?.textContent).toContain('keeps your version as a copy');

    button('Reload').click();
    await settle();
    expect(backend.calls).toContain('reloadDocument');
    expect(target.querySelector('.changed')?.textContent).toContain(
      'Your version was kept as “Synthetic org (30) (my version).pendulum”',
    );
    (target.querySelector('.changed button[aria-label="Dismiss"]') as HTMLButtonElement).click();
    await settle();
    expect(target.querySelector('.changed')).toBeNull();
    close();
  });

  it('asks before a CSV export replaces files beside the chosen one, and replaces them when told', async () => {
    const backend = new FakeBackend(syntheticOrg(30, 3));
    const { target, button, close } = await mountApp(backend);
    const name = backend.exported.length;
    backend.existing.add('Synthetic org (30)-allocations.csv');

    button('Export…').click();
    await settle();
    const csv = target.querySelector<HTMLInputElement>('input[name="export-format"][value="csv"]')!;
    csv.click();
    await settle();
    [...target.querySelectorAll<HTMLButtonElement>('.dialog button')].find((b) => b.textContent?.trim() === 'Export…')!.click();
    await settle();
    const alert = target.querySelector('.export-error')!;
    expect(alert.textContent).toContain('Replace these files?');
    expect(alert.textContent).toContain('Synthetic org (30)-allocations.csv already exist');
    expect(backend.exported.length).toBe(name);

    button('Replace them').click();
    await settle();
    expect(backend.exported.slice(name)).toEqual([
      'Synthetic org (30).csv',
      'Synthetic org (30)-workstreams.csv',
      'Synthetic org (30)-allocations.csv',
      'Synthetic org (30)-workload.csv',
    ]);
    close();
  });

  it('refuses a threshold out of its range beside the field and sends nothing', async () => {
    const backend = new FakeBackend(syntheticOrg(30, 3));
    const { target, button, close } = await mountApp(backend);
    button('▾ Rule thresholds').click();
    await settle();
    const field = [...target.querySelectorAll('.rules label.field')].find((l) => l.textContent?.includes('Years before a swing'))!;
    const input = field.querySelector('input')!;
    const calls = backend.calls.length;
    input.value = '3000000000';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new FocusEvent('blur'));
    await settle();
    expect(target.querySelector('.rules .problem')?.textContent).toBe(
      'Years before a swing: Must be a whole number from 0 to 100.',
    );
    expect(backend.calls.slice(calls)).not.toContain('applyEdit');
    close();
  });
});
