// @vitest-environment jsdom
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeBackend, syntheticOrg } from '../../test/fake';
import { mountApp, settle, stubBrowser, unstubBrowser } from '../../test/appHarness';

beforeAll(stubBrowser);
afterAll(unstubBrowser);

describe('chart controls', () => {
  it('keep the selection when zooming with the buttons; a click on empty canvas clears it', async () => {
    const { target, close } = await mountApp(new FakeBackend(syntheticOrg(7, 3)));
    target.querySelector<HTMLElement>('.card[data-person="p2"]')!.click();
    await settle();
    expect(target.querySelector('aside h2')?.textContent).toBe(target.querySelector('.card[data-person="p2"] .name')?.textContent);
    target.querySelector<HTMLButtonElement>('.controls button[title^="Zoom in"]')!.click();
    target.querySelector<HTMLButtonElement>('.controls .fit')!.click();
    await settle();
    expect(target.querySelector('.card[data-person="p2"]')?.classList.contains('selected')).toBe(true);
    target.querySelector<HTMLElement>('.chart')!.click();
    await settle();
    expect(target.querySelector('.card.selected')).toBeNull();
    close();
  });
});
