import { describe, expect, it } from 'vitest';
import { addDays, bucketFor, percentChange, resolveRange } from './dashboard.policy.ts';

describe('resolveRange', () => {
  it('defaults to the 30 days ending today, compared with the 30 days before', () => {
    expect(resolveRange({}, '2026-03-30')).toEqual({
      from: '2026-03-01',
      to: '2026-03-30',
      days: 30,
      previousFrom: '2026-01-30',
      previousTo: '2026-02-28',
      bucket: 'day',
    });
  });
  it('takes 30 days from `from` when only it is given, and 30 days to `to` likewise', () => {
    expect(resolveRange({ from: '2026-01-01' }, '2026-12-01')).toMatchObject({ to: '2026-01-30' });
    expect(resolveRange({ to: '2026-01-30' }, '2026-12-01')).toMatchObject({ from: '2026-01-01' });
  });
  it('refuses a range whose start is not before its end, and one over two years', () => {
    expect(resolveRange({ from: '2026-01-02', to: '2026-01-01' }, '2026-01-01')).toEqual({
      problem: 'from_after_to',
    });
    expect(resolveRange({ from: '2026-01-02', to: '2026-01-02' }, '2026-01-01')).toEqual({
      problem: 'from_after_to',
    });
    expect(resolveRange({ from: '2024-01-01', to: '2025-12-31' }, '2026-01-01')).toMatchObject({ days: 731 });
    expect(resolveRange({ from: '2024-01-01', to: '2026-01-01' }, '2026-01-01')).toEqual({
      problem: 'too_long',
    });
  });
});

describe('presets', () => {
  it('end today: the last 7, 30 or 90 days, or the 12 months ending with this one', () => {
    expect(resolveRange({ preset: '7d' }, '2026-03-05')).toMatchObject({ from: '2026-02-27', days: 7 });
    expect(resolveRange({ preset: '90d' }, '2026-03-05')).toMatchObject({ days: 90, bucket: 'week' });
    expect(resolveRange({ preset: '12m' }, '2026-03-05')).toMatchObject({
      from: '2025-04-01',
      to: '2026-03-05',
      bucket: 'month',
    });
    expect(resolveRange({ preset: '7d', from: '2026-01-01', to: '2026-01-31' }, '2026-03-05')).toMatchObject({
      from: '2026-01-01',
    });
  });
});

describe('bucketFor', () => {
  it('uses days up to 62, weeks up to 26 weeks, months beyond', () => {
    expect([2, 62, 63, 182, 183, 731].map(bucketFor)).toEqual([
      'day',
      'day',
      'week',
      'week',
      'month',
      'month',
    ]);
  });
});

describe('percentChange', () => {
  it('is the change from the previous figure, one decimal, null from zero', () => {
    expect(percentChange(150, 100)).toBe(50);
    expect(percentChange(1, 3)).toBe(-66.7);
    expect(percentChange(5, 0)).toBeNull();
    expect(percentChange(-50, -100)).toBe(50);
  });
  it('moves calendar days across months and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });
});
