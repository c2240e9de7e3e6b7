import type { Backend } from './backend';
import { FakeBackend, syntheticOrg } from './fake';
import { TauriBackend, insideTauri } from './tauri';

export type { Backend } from './backend';
export { toApiError } from './backend';
export type * from './types';

/** The Tauri backend inside the app; an in-memory org when the UI runs in a plain browser. */
export function defaultBackend(): Backend {
  return insideTauri() ? new TauriBackend() : new FakeBackend(syntheticOrg(180, 5));
}
