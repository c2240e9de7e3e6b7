// The as-of slider: days as whole numbers, its range around the session's day and the org's
// key dates, where its ticks go, and a feed that keeps at most one view
// request in flight while the slider is dragged. Pure (or nearly), so it is unit-tested.

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for an ISO date ("YYYY-MM-DD"); NaN for anything else. */
export function dayNumber(iso: string): number {
  const m = ISO_DATE.exec(iso);
  if (!m) return NaN;
  return Math.round(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS);
}

/** The ISO date of a day number. */
export function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The same day `months` later (or earlier), on the month's last day when it is shorter. */
export function addMonths(iso: string, months: number): string {
  const m = ISO_DATE.exec(iso);
  if (!m) return iso;
  const index = Number(m[1]) * 12 + Number(m[2]) - 1 + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const d = new Date(Date.UTC(year, month, Math.min(Number(m[3]), last)));
  // Date.UTC maps years 0–99 to 1900–1999; setting the year again keeps them as written.
  d.setUTCFullYear(year);
  return d.toISOString().slice(0, 10);
}

export interface DayRange {
  min: number;
  max: number;
}

/**
 * From the earliest to the latest key date, widened to at least 12 months before and 24
 * months after `today`; key dates that are not ISO days are ignored (absent ones too).
 */
export function sliderRange(keyDates: readonly string[] | undefined, today: string): DayRange {
  let min = dayNumber(addMonths(today, -12));
  let max = dayNumber(addMonths(today, 24));
  for (const d of keyDates ?? []) {
    const n = dayNumber(d);
    if (Number.isNaN(n)) continue;
    min = Math.min(min, n);
    max = Math.max(max, n);
  }
  return { min, max };
}

export interface Tick {
  /** Where along the track, 0–100 (percent). */
  at: number;
  /** The key dates that share this tick (close enough to draw as one). */
  dates: string[];
}

/** Ticks for the key dates in range, merged into at most `buckets` positions along the track. */
export function ticks(keyDates: readonly string[] | undefined, range: DayRange, buckets = 300): Tick[] {
  const span = Math.max(1, range.max - range.min);
  const out = new Map<number, Tick>();
  for (const d of keyDates ?? []) {
    const n = dayNumber(d);
    if (Number.isNaN(n) || n < range.min || n > range.max) continue;
    const bucket = Math.round(((n - range.min) / span) * buckets);
    const tick = out.get(bucket);
    if (tick) {
      if (!tick.dates.includes(d)) tick.dates.push(d);
    } else out.set(bucket, { at: (bucket / buckets) * 100, dates: [d] });
  }
  return [...out.values()].sort((a, b) => a.at - b.at);
}

/**
 * Runs `work` on the values pushed to it, at most one at a time: a value pushed while one
 * runs waits, replacing any value already waiting, so the last position always wins.
 */
export class LatestOnly<T> {
  private running = false;
  private waiting: { value: T } | null = null;

  constructor(
    private readonly work: (value: T) => Promise<unknown>,
    private readonly onidle: () => void = () => {},
  ) {}

  push(value: T) {
    this.waiting = { value };
    if (!this.running) void this.drain();
  }

  /** Whether a value is being worked on or waits. */
  get busy(): boolean {
    return this.running || this.waiting !== null;
  }

  private async drain() {
    this.running = true;
    while (this.waiting) {
      const { value } = this.waiting;
      this.waiting = null;
      try {
        await this.work(value);
      } catch {
        // The work reports its own failures; the next value still runs.
      }
    }
    this.running = false;
    this.onidle();
  }
}
