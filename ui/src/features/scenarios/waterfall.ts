import type { CostDiff } from '../../lib/backend';
import { cents, units } from '../../lib/money';

// The cost waterfall as bars: before, then joined (up), left (down), changed (up or down),
// landing on after. Each floating bar starts where the previous one ended, so the last
// step's end is before + joined − left + changed, which the api guarantees equals after.

export interface Step {
  key: 'before' | 'joined' | 'left' | 'changed' | 'after';
  label: string;
  /** The amount the row shows (left as a positive amount taken away). */
  amount: number;
  /** Where the bar starts and ends, in units. */
  from: number;
  to: number;
}

/** The sign a step's amount is written with: + for who joined, − for who left; none for nothing (not "−€0"). */
export function stepSign(key: Step['key'] | string, amount: number): string {
  if (Math.round(Math.abs(amount)) === 0) return '';
  return key === 'joined' ? '+' : key === 'left' ? '−' : '';
}

export function waterfallSteps(d: CostDiff): Step[] {
  const before = cents(d.before);
  const joined = before + cents(d.joined);
  const left = joined - cents(d.left);
  const changed = left + cents(d.changed);
  return [
    { key: 'before', label: 'Before', amount: d.before, from: 0, to: d.before },
    { key: 'joined', label: 'Joined', amount: d.joined, from: units(before), to: units(joined) },
    { key: 'left', label: 'Left', amount: d.left, from: units(joined), to: units(left) },
    { key: 'changed', label: 'Changed', amount: d.changed, from: units(left), to: units(changed) },
    { key: 'after', label: 'After', amount: d.after, from: 0, to: d.after },
  ];
}

/**
 * The value axis: from 0 when the changes are a visible share of the totals, else from a
 * floor under the lowest running total, so a few hires on a large org still show as bars.
 */
export function axis(steps: readonly Step[]): { lo: number; hi: number } {
  const ends = steps.flatMap((s) => (s.key === 'before' || s.key === 'after' ? [s.to] : [s.from, s.to]));
  const hi = Math.max(1, ...ends);
  const min = Math.min(...ends);
  const spread = hi - min;
  if (spread === 0 || spread > hi * 0.25) return { lo: 0, hi };
  return { lo: Math.max(0, min - spread * 1.5), hi };
}
