import { describe, expect, it } from 'vitest';
import { createRequestRecorder, quantile } from './request-recorder.ts';
import { routeLabel } from './telemetry.ts';

describe('quantile', () => {
  it('takes the nearest rank of sorted values', () => {
    const v = Array.from({ length: 100 }, (_, i) => i + 1);
    expect([quantile(v, 0.5), quantile(v, 0.95), quantile(v, 0.99), quantile(v, 1)]).toEqual([
      50, 95, 99, 100,
    ]);
    expect(quantile([7], 0.99)).toBe(7);
    expect(quantile([], 0.5)).toBeNull();
  });
});

describe('the request recorder', () => {
  it('summarises only the window asked for, slowest routes first', () => {
    const r = createRequestRecorder();
    const now = 10_000_000;
    r.record({ at: now - 6 * 60_000, method: 'GET', route: '/api/old', status: 200, durationMs: 9_999 });
    for (let i = 0; i < 10; i++)
      r.record({ at: now - 1_000, method: 'GET', route: '/api/a', status: 200, durationMs: 10 });
    r.record({ at: now - 1_000, method: 'POST', route: '/api/b', status: 500, durationMs: 300 });
    const s = r.summary(5 * 60_000, now);
    expect(s).toMatchObject({ count: 11, p50: 10, serverErrors: 1 });
    expect(s.slowest.map((x) => x.route)).toEqual(['POST /api/b', 'GET /api/a']);
  });

  it('holds at most maxSamples', () => {
    const r = createRequestRecorder({ maxSamples: 100 });
    for (let i = 0; i < 5_000; i++)
      r.record({ at: 1_000 + i, method: 'GET', route: '/api/x', status: 200, durationMs: 1 });
    expect(r.summary(10_000_000, 10_000).count).toBeLessThanOrEqual(1_100);
  });
});

describe('routeLabel', () => {
  it('is the route pattern, or unmatched for a request no route took', () => {
    expect(routeLabel({ routeOptions: { url: '/api/courses/:slug' } })).toBe('/api/courses/:slug');
    expect(routeLabel({ is404: true, routeOptions: { url: '/api/x' } })).toBe('unmatched');
    expect(routeLabel({ routeOptions: {} })).toBe('unmatched');
  });
});
