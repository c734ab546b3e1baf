import { describe, expect, it } from 'vitest';
import {
  type AnnouncementWindow,
  isShownTo,
  isWindowValid,
  reaches,
  statusOf,
} from './announcements.policy.ts';

const now = new Date('2026-06-15T12:00:00Z');
const a = (o: Partial<AnnouncementWindow> = {}): AnnouncementWindow => ({
  isActive: true,
  audience: 'everyone',
  startsAt: null,
  endsAt: null,
  ...o,
});

describe('statusOf', () => {
  it('is inactive when turned off, whatever the window', () => {
    expect(statusOf(a({ isActive: false }), now)).toBe('inactive');
    expect(statusOf(a({ isActive: false, endsAt: '2020-01-01T00:00:00Z' }), now)).toBe('inactive');
  });
  it('is scheduled before its start, active from it, expired at its end', () => {
    const w = a({ startsAt: '2026-06-15T12:00:00Z', endsAt: '2026-06-16T00:00:00Z' });
    expect(statusOf(w, new Date('2026-06-15T11:59:59Z'))).toBe('scheduled');
    expect(statusOf(w, new Date('2026-06-15T12:00:00Z'))).toBe('active');
    expect(statusOf(w, new Date('2026-06-15T23:59:59Z'))).toBe('active');
    expect(statusOf(w, new Date('2026-06-16T00:00:00Z'))).toBe('expired');
  });
  it('is active with an open window on either side', () => {
    expect(statusOf(a(), now)).toBe('active');
    expect(statusOf(a({ startsAt: new Date('2026-01-01') }), now)).toBe('active');
    expect(statusOf(a({ endsAt: new Date('2027-01-01') }), now)).toBe('active');
  });
});

describe('who sees what', () => {
  const viewers = ['guests', 'students', 'instructors', 'admins'] as const;
  it('shows everyone-announcements to every viewer and the others to their audience only', () => {
    for (const viewer of viewers) {
      expect(reaches(a(), viewer)).toBe(true);
      for (const audience of viewers) expect(reaches(a({ audience }), viewer)).toBe(audience === viewer);
    }
  });
  it('shows only active announcements', () => {
    expect(isShownTo(a({ audience: 'guests' }), 'guests', now)).toBe(true);
    expect(isShownTo(a({ audience: 'guests', isActive: false }), 'guests', now)).toBe(false);
    expect(isShownTo(a({ startsAt: '2026-07-01T00:00:00Z' }), 'guests', now)).toBe(false);
  });
});

describe('isWindowValid', () => {
  it('needs the start before the end when both are set', () => {
    expect(isWindowValid(null, null)).toBe(true);
    expect(isWindowValid('2026-01-01T00:00:00Z', null)).toBe(true);
    expect(isWindowValid('2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z')).toBe(true);
    expect(isWindowValid('2026-01-02T00:00:00Z', '2026-01-02T00:00:00Z')).toBe(false);
    expect(isWindowValid('2026-01-03T00:00:00Z', '2026-01-02T00:00:00Z')).toBe(false);
  });
});
