import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/harness.ts';
import { signInAs } from '../../../../test/sign-in.ts';
import { buildUser } from '../../../seed/factories.ts';
import { bearerMatches } from './metrics.routes.ts';

const TOKEN = 'metrics-token-for-the-tests-0123456789';
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { METRICS_TOKEN: TOKEN } });
});
afterAll(async () => t?.close());

const scrape = (auth?: string) =>
  t.app.inject({ method: 'GET', url: '/metrics', headers: auth ? { authorization: auth } : {} });

describe('GET /metrics', () => {
  it('does not exist when no token is configured', async () => {
    const bare = await createTestApp();
    try {
      const res = await bare.app.inject({
        method: 'GET',
        url: '/metrics',
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('not_found');
    } finally {
      await bare.close();
    }
  });

  it('answers 401 without a token or with a wrong one', async () => {
    for (const auth of [undefined, 'Bearer wrong-token', `Basic ${TOKEN}`, `Bearer ${TOKEN}x`]) {
      const res = await scrape(auth);
      expect(res.statusCode, String(auth)).toBe(401);
      expect(res.json().error.code).toBe('unauthenticated');
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
    }
  });

  it('answers the Prometheus text format with route patterns, never raw URLs', async () => {
    const admin = await signInAs(t, await buildUser(t.platform.database.db, { role: 'admin' }));
    await admin.get('/api/admin/health');
    await admin.get('/api/admin/operations/checks/database/history');
    await admin.get('/api/admin/operations/checks/disk/history');
    await t.app.inject({ method: 'GET', url: '/api/definitely/not/a/route/12345' });
    await admin.post('/api/admin/operations/checks/run');
    const res = await scrape(`Bearer ${TOKEN}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = res.body;
    expect(text).toMatch(
      /^http_requests_total\{method="GET",route="\/api\/admin\/operations\/checks\/:id\/history",status_class="2xx"\} 2$/m,
    );
    expect(text).toMatch(/^http_requests_total\{method="GET",route="unmatched",status_class="4xx"\} 1$/m);
    expect(text).not.toContain('not/a/route');
    expect(text).not.toContain('checks/database/history');
    expect(text).toMatch(
      /^http_request_duration_seconds_bucket\{le="0\.1",method="GET",route="\/api\/admin\/health",status_class="2xx"\} \d+$/m,
    );
    expect(text).toMatch(/^db_ping_seconds \d/m);
    expect(text).toMatch(/^jobs\{state="queued"\} \d+$/m);
    expect(text).toMatch(/^mail_messages\{status="failed"\} \d+$/m);
    expect(text).toMatch(/^check_state\{check="database"\} [01]$/m);
    expect(text).toMatch(/^log_error_lines_total \d+$/m);
    expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_p99_seconds /m);
    if (t.platform.database.kind === 'postgres')
      expect(text).toMatch(/^db_pool_connections\{state="total"\} \d+$/m);
  });

  it('counts the statements sent to the database, transactions included', async () => {
    const queries = async () =>
      Number(/^db_queries_total (\d+)$/m.exec((await scrape(`Bearer ${TOKEN}`)).body)?.[1]);
    // The counter is the whole app's: a background job's statement (pg-boss polls its queues) can land
    // in the window, only ever adding. Measured a few times, one window holds just these five.
    const counted: number[] = [];
    for (let attempt = 0; attempt < 5 && !counted.includes(5); attempt++) {
      const first = await queries();
      const second = await queries();
      const scrapeCost = second - first; // a scrape reads a few gauges from the database
      await t.platform.database.db.transaction(async (tx) => {
        await tx.execute(sql`select 1`);
        await tx.execute(sql`select 2`);
      });
      await t.platform.database.raw.query('select 3');
      // begin, two selects, commit, and the raw one
      counted.push((await queries()) - second - scrapeCost);
    }
    expect(counted).toContain(5);
  });

  it('is neither rate-limited nor logged at info per scrape', async () => {
    const limited = await createTestApp({ env: { METRICS_TOKEN: TOKEN, RATE_LIMIT_API_MAX: '2' } });
    try {
      for (let i = 0; i < 5; i++) {
        const res = await limited.app.inject({
          method: 'GET',
          url: '/metrics',
          headers: { authorization: `Bearer ${TOKEN}` },
        });
        expect(res.statusCode).toBe(200);
      }
      expect(limited.logs.filter((l) => l.includes('"/metrics"'))).toEqual([]);
    } finally {
      await limited.close();
    }
  });
});

describe('bearerMatches', () => {
  it('accepts only the exact token after Bearer', () => {
    expect(bearerMatches(`Bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(bearerMatches(`bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(bearerMatches(undefined, TOKEN)).toBe(false);
    expect(bearerMatches(`Bearer ${TOKEN.slice(1)}`, TOKEN)).toBe(false);
    expect(bearerMatches(TOKEN, TOKEN)).toBe(false);
  });
});
