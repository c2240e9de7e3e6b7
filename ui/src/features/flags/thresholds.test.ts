import { describe, expect, it } from 'vitest';
import { THRESHOLDS } from '../../lib/backend/generated';
import { rangeText, readThreshold } from './thresholds';

const byField = (field: string) => {
  const t = THRESHOLDS.find((x) => x.field === field);
  if (!t) throw new Error(field);
  return t;
};

describe('thresholds in range', () => {
  it('lists every threshold of the rule configuration with a label and a range', () => {
    expect(THRESHOLDS.map((t) => t.field)).toContain('pendulum_years');
    for (const t of THRESHOLDS) {
      expect(t.label.length).toBeGreaterThan(0);
      expect(t.min).toBeLessThanOrEqual(t.max);
    }
  });

  it('refuses what core refuses, naming the range', () => {
    const years = byField('pendulum_years');
    expect(readThreshold(years, '3000000000')).toEqual({ error: `Must be ${rangeText(years)}.` });
    expect(readThreshold(years, '-1')).toEqual({ error: 'Must be a whole number from 0 to 100.' });
    expect(readThreshold(years, '2.5')).toHaveProperty('error');
    expect(readThreshold(years, '')).toHaveProperty('error');
    expect(readThreshold(years, 'ten')).toHaveProperty('error');
    expect(readThreshold(years, '100')).toEqual({ value: 100 });
    const ratio = byField('overload_ratio');
    expect(readThreshold(ratio, '1.5')).toEqual({ value: 1.5 });
    expect(readThreshold(ratio, '0')).toEqual({ error: 'Must be a number from 0.1 to 100.' });
  });
});
