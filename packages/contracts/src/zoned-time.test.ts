import { describe, expect, it } from 'vitest';
import { isoToZonedLocal, zonedLocalToIso } from './zoned-time.ts';

describe('zoned wall-clock times', () => {
  it('reads a datetime-local value in the academy time zone', () => {
    expect(zonedLocalToIso('2026-03-01T09:00', 'Asia/Karachi')).toBe('2026-03-01T04:00:00.000Z');
    expect(zonedLocalToIso('2026-07-01T09:00', 'Europe/London')).toBe('2026-07-01T08:00:00.000Z');
    expect(zonedLocalToIso('2026-01-01T09:00', 'Europe/London')).toBe('2026-01-01T09:00:00.000Z');
    expect(zonedLocalToIso('tomorrow', 'Asia/Karachi')).toBeNull();
  });
  it('shows an instant on that wall clock, and back again', () => {
    expect(isoToZonedLocal('2026-03-01T04:00:00.000Z', 'Asia/Karachi')).toBe('2026-03-01T09:00');
    expect(isoToZonedLocal('2026-07-01T08:00:00.000Z', 'Europe/London')).toBe('2026-07-01T09:00');
    for (const local of ['2026-03-29T03:30', '2026-10-25T00:30', '2026-12-31T23:59'])
      expect(isoToZonedLocal(zonedLocalToIso(local, 'Europe/London') ?? '', 'Europe/London')).toBe(local);
  });
});
