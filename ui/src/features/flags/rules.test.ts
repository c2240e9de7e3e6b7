// @vitest-environment jsdom
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FakeBackend } from '../../test/fake';
import { mountApp, plannedOrg, settle, stubBrowser, unstubBrowser } from '../../test/appHarness';

beforeAll(stubBrowser);
afterAll(unstubBrowser);

describe('the rule thresholds', () => {
  // A number box hands its bound value over as a number: committing it once threw on `.trim()`.
  it('applies a threshold typed into its number box as a set-rule edit', async () => {
    const backend = new FakeBackend(plannedOrg());
    const applied = vi.spyOn(backend, 'applyEdit');
    const app = await mountApp(backend);
    app.button('▾ Rule thresholds').click();
    await settle();
    const field = [...app.target.querySelectorAll('.rules label.field')]
      .find((l) => l.textContent?.includes('Overload ratio'))
      ?.querySelector('input');
    expect(field).toBeTruthy();
    field!.value = '2';
    field!.dispatchEvent(new Event('input', { bubbles: true }));
    field!.dispatchEvent(new FocusEvent('blur'));
    await settle();
    expect(applied.mock.calls.map(([dated]) => dated.edit)).toEqual([
      { op: 'set-rule', change: { field: 'overload_ratio', value: 2 } },
    ]);
    app.close();
  });
});
