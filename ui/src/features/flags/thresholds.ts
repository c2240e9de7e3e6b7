import { THRESHOLDS } from '../../lib/backend/generated';

export type Threshold = (typeof THRESHOLDS)[number];

/** "a whole number from 1 to 1000", as the backend words a threshold's range. */
export function rangeText(t: Threshold): string {
  return `${t.whole ? 'a whole number' : 'a number'} from ${t.min} to ${t.max}`;
}

/**
 * The value typed for a threshold, or why it cannot be sent: the same range core enforces
 * (docs/rules.md), checked here so the panel can say so beside the field.
 */
export function readThreshold(t: Threshold, text: string): { value: number } | { error: string } {
  const trimmed = text.trim();
  const n = trimmed === '' ? NaN : Number(trimmed);
  if (!Number.isFinite(n) || n < t.min || n > t.max || (t.whole && !Number.isInteger(n))) {
    return { error: `Must be ${rangeText(t)}.` };
  }
  return { value: n };
}
