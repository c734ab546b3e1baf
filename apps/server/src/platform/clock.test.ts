import { describe, expect, it } from 'vitest';
import { calendarDay } from './clock.ts';

describe('calendarDay', () => {
  it("is the day in the given time zone, not the server's", () => {
    // 20:30 UTC on 1 March is already 2 March in Karachi (UTC+5), still 1 March in New York.
    const at = new Date('2026-03-01T20:30:00Z');
    expect(calendarDay(at, 'Asia/Karachi')).toBe('2026-03-02');
    expect(calendarDay(at, 'UTC')).toBe('2026-03-01');
    expect(calendarDay(at, 'America/New_York')).toBe('2026-03-01');
  });

  it('turns over at local midnight', () => {
    expect(calendarDay(new Date('2026-06-30T18:59:59Z'), 'Asia/Karachi')).toBe('2026-06-30');
    expect(calendarDay(new Date('2026-06-30T19:00:00Z'), 'Asia/Karachi')).toBe('2026-07-01');
  });
});
