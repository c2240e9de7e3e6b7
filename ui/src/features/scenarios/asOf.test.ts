import { describe, expect, it } from 'vitest';
import { LatestOnly, addMonths, dayNumber, isoDay, sliderRange, ticks } from './asOf';
import { dateInWords } from '../../lib/format';

describe('as-of slider', () => {
  it('counts days and back', () => {
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(isoDay(dayNumber('2027-03-01'))).toBe('2027-03-01');
    expect(dayNumber('2028-03-01') - dayNumber('2028-02-28')).toBe(2);
    expect(dayNumber('yesterday')).toBeNaN();
  });

  it('moves by months, keeping to the end of shorter months', () => {
    expect(addMonths('2026-03-15', -12)).toBe('2025-03-15');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2027-12-31', 2)).toBe('2028-02-29');
    expect(addMonths('2026-11-30', 24)).toBe('2028-11-30');
  });

  it('spans the key dates, widened to a year back and two years on from today', () => {
    const today = '2026-03-01';
    const base = { min: dayNumber('2025-03-01'), max: dayNumber('2028-03-01') };
    expect(sliderRange(undefined, today)).toEqual(base);
    expect(sliderRange([], today)).toEqual(base);
    expect(sliderRange(['2026-06-01', 'not a date'], today)).toEqual(base);
    expect(sliderRange(['2019-09-01', '2031-01-01'], today)).toEqual({ min: dayNumber('2019-09-01'), max: dayNumber('2031-01-01') });
  });

  it('puts ticks at key dates in range, merging ones too close to draw apart', () => {
    const range = { min: dayNumber('2026-01-01'), max: dayNumber('2026-01-01') + 100 };
    expect(ticks(undefined, range)).toEqual([]);
    const t = ticks(['2026-01-01', '2026-02-20', '2025-12-31', '2026-04-11', '2026-04-11'], range, 100);
    expect(t).toEqual([
      { at: 0, dates: ['2026-01-01'] },
      { at: 50, dates: ['2026-02-20'] },
      { at: 100, dates: ['2026-04-11'] },
    ]);
    const merged = ticks(['2026-01-10', '2026-01-11'], range, 10);
    expect(merged).toEqual([{ at: 10, dates: ['2026-01-10', '2026-01-11'] }]);
  });

  it('reads a date in words', () => {
    expect(dateInWords('2027-03-01')).toBe('1 March 2027');
    expect(dateInWords('2026-12-25')).toBe('25 December 2026');
    expect(dateInWords('soon')).toBe('soon');
  });

  it('keeps one request in flight and runs the last value pushed meanwhile', async () => {
    const started: string[] = [];
    const finish: (() => void)[] = [];
    let idle = 0;
    const feed = new LatestOnly<string>(
      (v) =>
        new Promise<void>((resolve) => {
          started.push(v);
          finish.push(resolve);
        }),
      () => idle++,
    );
    feed.push('a');
    feed.push('b');
    feed.push('c');
    expect(started).toEqual(['a']);
    expect(feed.busy).toBe(true);
    finish.shift()?.();
    await new Promise((r) => setTimeout(r, 0));
    expect(started).toEqual(['a', 'c']);
    finish.shift()?.();
    await new Promise((r) => setTimeout(r, 0));
    expect(started).toEqual(['a', 'c']);
    expect([feed.busy, idle]).toEqual([false, 1]);
    feed.push('d');
    expect(started).toEqual(['a', 'c', 'd']);
  });
});
