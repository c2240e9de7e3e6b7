// Fails the build when the production bundle holds code that belongs to tests and the dev
// server only: the in-memory fake backend (ui/src/test/fake) and the test harness.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const assets = new URL('../dist/assets/', import.meta.url).pathname;
/** Text that only the fake backend holds (its refusals and its synthetic org's names). */
const FAKE_ONLY = ['the fake backend', 'Synthetic org (', 'FakeBackend'];

const bundles = readdirSync(assets).filter((name) => name.endsWith('.js'));
if (bundles.length === 0) {
  console.error(`check-bundle: no JavaScript in ${assets}; run vite build first`);
  process.exit(1);
}
const found = bundles.flatMap((name) => {
  const text = readFileSync(join(assets, name), 'utf8');
  return FAKE_ONLY.filter((marker) => text.includes(marker)).map((marker) => `${name}: "${marker}"`);
});
if (found.length > 0) {
  console.error(`check-bundle: the production bundle holds the fake backend:\n  ${found.join('\n  ')}`);
  process.exit(1);
}
console.log(`check-bundle: ${bundles.length} bundle(s), no fake backend`);
