import { describe, expect, it } from 'vitest';
import { accessState, availableAt, isLocked, progressPercent } from './learning.policy.ts';

const enrolled = new Date('2026-01-10T00:00:00Z');
const day = 86_400_000;

describe('availableAt', () => {
  it('is null without a release date or drip', () => {
    expect(availableAt({ releaseAt: null, dripDays: null }, enrolled)).toBeNull();
    expect(availableAt({ releaseAt: null, dripDays: 0 }, enrolled)).toBeNull();
  });
  it('is the release date alone', () => {
    const r = new Date('2026-02-01T00:00:00Z');
    expect(availableAt({ releaseAt: r, dripDays: null }, enrolled)).toEqual(r);
  });
  it('is enrollment plus the drip days alone', () => {
    expect(availableAt({ releaseAt: null, dripDays: 7 }, enrolled)).toEqual(
      new Date(enrolled.getTime() + 7 * day),
    );
  });
  it('is the later of both', () => {
    const early = new Date('2026-01-11T00:00:00Z');
    expect(availableAt({ releaseAt: early, dripDays: 7 }, enrolled)).toEqual(
      new Date(enrolled.getTime() + 7 * day),
    );
    const late = new Date('2026-03-01T00:00:00Z');
    expect(availableAt({ releaseAt: late, dripDays: 7 }, enrolled)).toEqual(late);
  });
});

describe('isLocked', () => {
  const rule = { releaseAt: null, dripDays: 3 };
  it('is locked before and open at and after the moment', () => {
    expect(isLocked(rule, enrolled, new Date(enrolled.getTime() + 3 * day - 1))).toBe(true);
    expect(isLocked(rule, enrolled, new Date(enrolled.getTime() + 3 * day))).toBe(false);
    expect(isLocked({ releaseAt: null, dripDays: null }, enrolled, enrolled)).toBe(false);
  });
});

describe('accessState', () => {
  const now = new Date('2026-06-01T00:00:00Z');
  it.each([
    [{ status: 'active' as const, grantedAt: enrolled, expiresAt: null }, 'active'],
    [{ status: 'active' as const, grantedAt: enrolled, expiresAt: new Date(now.getTime() + 1) }, 'active'],
    [{ status: 'active' as const, grantedAt: enrolled, expiresAt: now }, 'expired'],
    [{ status: 'revoked' as const, grantedAt: enrolled, expiresAt: null }, 'revoked'],
    [{ status: 'revoked' as const, grantedAt: enrolled, expiresAt: new Date(0) }, 'revoked'],
  ])('%o → %s', (e, expected) => {
    expect(accessState(e, now)).toBe(expected);
  });
});

describe('progressPercent', () => {
  it.each([
    [0, 0, 0],
    [0, 3, 0],
    [1, 3, 33],
    [2, 3, 66],
    [3, 3, 100],
    [5, 3, 100],
  ])('%i of %i → %i', (done, total, pct) => {
    expect(progressPercent(done, total)).toBe(pct);
  });
});
