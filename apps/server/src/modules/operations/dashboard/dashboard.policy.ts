import type { DashboardBucket, DashboardPreset } from '@9tangle/contracts';

/** The longest range the dashboard reads at once: two years (and a leap day). */
export const MAX_RANGE_DAYS = 731;
/** Up to this many days a series is bucketed by day, then by week up to 26 weeks, then by month. */
const MAX_DAY_BUCKETS = 62;
const MAX_WEEK_DAYS = 26 * 7;
const DAY_MS = 86_400_000;

/** Days since the epoch of a calendar day `YYYY-MM-DD` (time zones do not enter: it is a date). */
const dayNumber = (day: string): number => Date.parse(`${day}T00:00:00Z`) / DAY_MS;
const dayOf = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** `day` moved by `k` calendar days. */
export const addDays = (day: string, k: number): string => dayOf(dayNumber(day) + k);

export interface DashboardRange {
  from: string;
  to: string;
  /** Days in the range, both ends included. */
  days: number;
  previousFrom: string;
  previousTo: string;
  bucket: DashboardBucket;
}

export type RangeProblem = 'from_after_to' | 'too_long';

/**
 * The range the dashboard reads: `from` and `to` are calendar days of the academy, both included;
 * missing, they default to the 30 days ending `today`. `from` must come before `to`, and the range may
 * span at most two years. The previous period is the same number of days just before `from`.
 */
export function resolveRange(
  q: { from?: string | undefined; to?: string | undefined; preset?: DashboardPreset | undefined },
  today: string,
): DashboardRange | { problem: RangeProblem } {
  if (q.preset && !q.from && !q.to) return resolveRange(presetRange(q.preset, today), today);
  const to = q.to ?? (q.from ? addDays(q.from, 29) : today);
  const from = q.from ?? addDays(to, -29);
  const days = dayNumber(to) - dayNumber(from) + 1;
  if (days < 2) return { problem: 'from_after_to' };
  if (days > MAX_RANGE_DAYS) return { problem: 'too_long' };
  return {
    from,
    to,
    days,
    previousFrom: addDays(from, -days),
    previousTo: addDays(from, -1),
    bucket: bucketFor(days),
  };
}

/** The days of a preset ending `today`: the last N days, or the 12 calendar months ending with this one. */
export function presetRange(preset: DashboardPreset, today: string): { from: string; to: string } {
  if (preset === '12m') {
    const [y, m] = today.split('-').map(Number) as [number, number];
    const first = new Date(Date.UTC(y, m - 1 - 11, 1)).toISOString().slice(0, 10);
    return { from: first, to: today };
  }
  const days = { '7d': 7, '30d': 30, '90d': 90 }[preset];
  return { from: addDays(today, -(days - 1)), to: today };
}

/** Day buckets up to 62 days, weeks up to 26 weeks, months beyond: a chart of at most ~62 bars. */
export function bucketFor(days: number): DashboardBucket {
  if (days <= MAX_DAY_BUCKETS) return 'day';
  if (days <= MAX_WEEK_DAYS) return 'week';
  return 'month';
}

/** Percent change from `previous` to `value`, one decimal; null when there is nothing to compare with. */
export function percentChange(value: number, previous: number): number | null {
  if (previous === 0) return null;
  return Math.round(((value - previous) / Math.abs(previous)) * 1000) / 10;
}

export const delta = (value: number, previous: number) => ({
  value,
  previous,
  changePercent: percentChange(value, previous),
});
