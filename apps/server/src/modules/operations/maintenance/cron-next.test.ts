import { describe, expect, it } from 'vitest';
import { nextCronRun, parseCron } from './cron-next.ts';

const at = (iso: string) => new Date(iso);
const next = (expr: string, after: string) => nextCronRun(expr, at(after))?.toISOString() ?? null;

describe('nextCronRun', () => {
  it('finds the next minute of an every-minute schedule, strictly after the moment', () => {
    expect(next('* * * * *', '2026-12-01T10:00:00.000Z')).toBe('2026-12-01T10:01:00.000Z');
    expect(next('* * * * *', '2026-12-01T10:00:30.000Z')).toBe('2026-12-01T10:01:00.000Z');
  });

  it('handles steps, hourly and daily schedules', () => {
    expect(next('*/5 * * * *', '2026-12-01T10:03:00Z')).toBe('2026-12-01T10:05:00.000Z');
    expect(next('7 * * * *', '2026-12-01T10:07:00Z')).toBe('2026-12-01T11:07:00.000Z');
    expect(next('0 2 * * *', '2026-12-01T02:00:00Z')).toBe('2026-12-02T02:00:00.000Z');
    expect(next('0 2 * * *', '2026-12-31T03:00:00Z')).toBe('2027-01-01T02:00:00.000Z');
  });

  it('handles days of the week, with 0 and 7 both Sunday', () => {
    // 2026-12-01 is a Tuesday; the next Sunday is 2026-12-06.
    expect(next('30 3 * * 0', '2026-12-01T00:00:00Z')).toBe('2026-12-06T03:30:00.000Z');
    expect(next('30 3 * * 7', '2026-12-01T00:00:00Z')).toBe('2026-12-06T03:30:00.000Z');
    expect(next('0 9 * * 1-5', '2026-12-04T10:00:00Z')).toBe('2026-12-07T09:00:00.000Z');
  });

  it('skips months that do not match and applies the either-day rule of cron', () => {
    expect(next('0 0 1 3 *', '2026-12-01T00:00:00Z')).toBe('2027-03-01T00:00:00.000Z');
    // Day 15 or any Monday, whichever comes first: Monday 2026-12-07.
    expect(next('0 0 15 * 1', '2026-12-01T00:00:00Z')).toBe('2026-12-07T00:00:00.000Z');
    expect(next('0 0 29 2 *', '2026-12-01T00:00:00Z')).toBe('2028-02-29T00:00:00.000Z');
  });

  it('answers null for an invalid expression or one that never fires', () => {
    expect(next('61 * * * *', '2026-12-01T00:00:00Z')).toBeNull();
    expect(next('* * *', '2026-12-01T00:00:00Z')).toBeNull();
    expect(next('0 0 30 2 *', '2026-12-01T00:00:00Z')).toBeNull();
    expect(parseCron('5-1 * * * *')).toBeNull();
    expect(parseCron('10-50/10 * * * *')?.minutes).toEqual(new Set([10, 20, 30, 40, 50]));
  });
});
