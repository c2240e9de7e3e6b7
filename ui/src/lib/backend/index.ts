import type { Backend } from './backend';
import { TauriBackend, insideTauri } from './tauri';

export type { Backend } from './backend';
export { toApiError } from './backend';
/** The rule thresholds' defaults, generated from the Rust `RuleConfig::default()`. */
export { RULE_DEFAULTS } from './generated';
export type * from './types';

/**
 * The Tauri backend inside the app; `null` elsewhere. The in-memory fake the dev server runs on
 * (ui/src/test/fake) is loaded by main.ts in development only, so it never ships in the bundle.
 */
export function tauriBackend(): Backend | null {
  return insideTauri() ? new TauriBackend() : null;
}
