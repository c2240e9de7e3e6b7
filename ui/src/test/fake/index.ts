// The fake backend, for tests and the dev server only (ui/scripts/check-bundle.mjs keeps it
// out of the production bundle).
export { FakeBackend } from './backend';
export { syntheticOrg, type FakeAllocation, type FakeOrg, type FakePerson, type FakeWorkstream } from './org';
export { CARD_HEIGHT, CARD_WIDTH, viewOf } from './view';
