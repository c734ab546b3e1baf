import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { jobRuns } from '../src/db/schema/index.ts';
import { createPasswordHasher } from '../src/modules/identity/passwords.ts';
import { usersRepo } from '../src/modules/identity/users.repo.ts';
import { openPlatform, type Platform } from '../src/platform/index.ts';
import { buildCourse, buildUser } from '../src/seed/factories.ts';
import { STRONG_PASSWORD, testEnv } from './harness.ts';

/**
 * Two app instances on one PostgreSQL and one Redis, as a load balancer would run them (issue 5 §6):
 * each its own process-like stack — pool, Redis client, pg-boss, Fastify listening on a real port —
 * sharing only the servers. Everything below goes over real HTTP. Needs DATABASE_URL and REDIS_URL.
 */
const external = Boolean(process.env.DATABASE_URL && process.env.REDIS_URL);

interface Instance {
  app: FastifyInstance;
  platform: Platform;
  base: string;
}

const ns = `multi_${randomBytes(4).toString('hex')}`;
const namespace = { jobsSchema: `pgboss_${ns}`, redisKeyPrefix: `9t:${ns}:` };
const dataDirs: string[] = [];
let a: Instance;
let b: Instance;
let sharedSecret: string;

async function startInstance(): Promise<Instance> {
  const dataDir = mkdtempSync(join(tmpdir(), '9tangle-multi-'));
  dataDirs.push(dataDir);
  const config = loadConfig(
    testEnv({
      SESSION_SECRET: sharedSecret,
      DATA_DIR: dataDir,
      // The shared limit under test: 6 anonymous API requests per IP per window, across instances.
      RATE_LIMIT_API_MAX: '6',
      // Each test speaks from its own client address, so their counts stay apart.
      TRUST_PROXY: 'true',
    }),
  );
  const logger = pino({ level: 'warn' });
  const platform = await openPlatform(config, logger, { namespace });
  const app = await buildApp({ ...platform, config, logger, webDist: null });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { app, platform, base: `http://127.0.0.1:${address.port}` };
}

const clientIp = () => `10.${[1, 2, 3].map(() => Math.floor(Math.random() * 250) + 1).join('.')}`;

/** Sign in over HTTP on one instance; answers the Cookie header and CSRF token to use anywhere. */
async function signIn(on: Instance, role: 'student' | 'admin') {
  const user = await buildUser(on.platform.database.db, { role });
  const hasher = createPasswordHasher({ memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  await usersRepo.update(on.platform.database.db, user.id, {
    passwordHash: await hasher.hash(STRONG_PASSWORD),
  });
  const res = await fetch(`${on.base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': clientIp() },
    body: JSON.stringify({ email: user.email, password: STRONG_PASSWORD }),
  });
  expect(res.status).toBe(200);
  const jar = new Map(res.headers.getSetCookie().map((c) => c.split(';')[0]?.split('=') as [string, string]));
  const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  return { user, cookie, csrf: jar.get('csrf_token') ?? '' };
}

describe.runIf(external)('two app instances on one PostgreSQL and Redis', () => {
  beforeAll(async () => {
    sharedSecret = randomBytes(48).toString('base64url');
    a = await startInstance();
    b = await startInstance();
  }, 60_000);
  afterAll(async () => {
    for (const i of [a, b]) await i?.app.close();
    await a?.platform.jobs.stop();
    await b?.platform.jobs.stop();
    await a?.platform.database.raw.exec(`drop schema if exists ${namespace.jobsSchema} cascade`);
    for (const i of [a, b]) await i?.platform.close();
    for (const d of dataDirs) rmSync(d, { recursive: true, force: true });
  });

  it('accepts on B a session made on A, and ends it on both when signed out on B', async () => {
    const s = await signIn(a, 'student');
    const me = await fetch(`${b.base}/api/auth/me`, { headers: { cookie: s.cookie } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: { id: string } }).user.id).toBe(s.user.id);
    // Used on A too, so A keeps it (ADR 049) until it hears of the sign-out on B.
    expect((await fetch(`${a.base}/api/auth/me`, { headers: { cookie: s.cookie } })).status).toBe(200);
    const out = await fetch(`${b.base}/api/auth/logout`, {
      method: 'POST',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(out.status).toBeLessThan(300);
    // A hears of it from the database once the sign-out commits: within milliseconds, not a cache's TTL.
    const signedOut = performance.now();
    await expect
      .poll(async () => (await fetch(`${a.base}/api/auth/me`, { headers: { cookie: s.cookie } })).status, {
        timeout: 1_000,
        interval: 5,
      })
      .toBe(401);
    expect(performance.now() - signedOut).toBeLessThan(1_000);
  });

  it('drops on B a session B keeps when A suspends its user', async () => {
    const s = await signIn(a, 'student');
    const admin = await signIn(a, 'admin');
    expect((await fetch(`${b.base}/api/auth/me`, { headers: { cookie: s.cookie } })).status).toBe(200);
    const suspended = await fetch(`${a.base}/api/admin/users/${s.user.id}`, {
      method: 'PATCH',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ suspended: true }),
    });
    expect(suspended.status).toBe(200);
    await expect
      .poll(async () => (await fetch(`${b.base}/api/auth/me`, { headers: { cookie: s.cookie } })).status, {
        timeout: 1_000,
        interval: 5,
      })
      .toBe(401);
  });

  it('shares the API rate limit: requests split over A and B hit 429 on the total', async () => {
    const ip = clientIp();
    const get = (on: Instance) => fetch(`${on.base}/api/categories`, { headers: { 'x-forwarded-for': ip } });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await get(i % 2 === 0 ? a : b)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
    const overA = await get(a);
    const overB = await get(b);
    expect([overA.status, overB.status]).toEqual([429, 429]);
    expect(((await overB.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
    // Another client is unaffected.
    expect(
      (await fetch(`${b.base}/api/categories`, { headers: { 'x-forwarded-for': clientIp() } })).status,
    ).toBe(200);
  });

  it('reaches B with a catalog change made through A as its announcement does (ADR 052)', async () => {
    const db = a.platform.database.db;
    const instructor = await buildUser(db, { role: 'instructor' });
    const course = await buildCourse(db, { instructorId: instructor.id, status: 'published' });
    const ip = clientIp();
    const url = `${b.base}/api/courses/${course.slug}`;
    const first = await fetch(url, { headers: { 'x-forwarded-for': ip } });
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag') ?? '';
    expect(etag).not.toBe('');
    expect((await fetch(url, { headers: { 'x-forwarded-for': ip, 'if-none-match': etag } })).status).toBe(
      304,
    );

    const admin = await signIn(a, 'admin');
    const unpublish = await fetch(`${a.base}/api/admin/courses/${course.id}/unpublish`, {
      method: 'POST',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(unpublish.status).toBe(200);
    // B, once it hears of the bump (milliseconds; it reads the version again within 5 s whatever
    // happens), neither answers 304 to the old ETag nor serves its cached copy: the course is gone.
    await expect
      .poll(
        async () =>
          (await fetch(url, { headers: { 'x-forwarded-for': clientIp(), 'if-none-match': etag } })).status,
        { timeout: 2_000, interval: 20 },
      )
      .toBe(404);
  });

  it('works each job once across both instances, sent from either', async () => {
    const queue = `test.multi.${ns}`;
    const job = `test:${ns}:sent`;
    const handler = (instance: string) => async (_data: object, j: { id: string }) => {
      await a.platform.database.db
        .insert(jobRuns)
        .values({ job, trigger: instance, status: 'succeeded', result: { pgBossId: j.id } });
    };
    await a.platform.jobs.work(queue, handler('a'), { pollingIntervalSeconds: 0.5 });
    await b.platform.jobs.work(queue, handler('b'), { pollingIntervalSeconds: 0.5 });
    const sent: string[] = [];
    for (let i = 0; i < 12; i++) {
      const id = await (i % 2 === 0 ? a : b).platform.jobs.send(queue, { i });
      if (id) sent.push(id);
    }
    expect(sent).toHaveLength(12);
    const rows = await waitFor(async () => {
      const r = await runsOf(job);
      return r.length >= 12 ? r : null;
    }, 30_000);
    await new Promise((r) => setTimeout(r, 1_500)); // room for a duplicate to show up, if there were one
    const final = await runsOf(job);
    expect(final).toHaveLength(12);
    expect(new Set(final.map((r) => (r.result as { pgBossId: string }).pgBossId))).toEqual(new Set(sent));
    expect(rows.length).toBe(12);
  }, 45_000);

  it('fires a schedule registered on both instances once per minute, not once per instance', async () => {
    const queue = `test.multi.cron.${ns}`;
    const job = `test:${ns}:cron`;
    for (const [name, i] of [
      ['a', a],
      ['b', b],
    ] as const) {
      await i.platform.jobs.work(queue, async () => {
        await i.platform.database.db.insert(jobRuns).values({ job, trigger: name, status: 'succeeded' });
      });
      await i.platform.jobs.schedule(queue, '* * * * *');
    }
    await waitFor(async () => ((await runsOf(job)).length >= 1 ? true : null), 100_000);
    await new Promise((r) => setTimeout(r, 5_000));
    const runs = await runsOf(job);
    const minutes = runs.map((r) => Math.floor(r.startedAt.getTime() / 60_000));
    // pg-boss sends a schedule once per minute across instances: never two runs in one minute.
    expect(new Set(minutes).size).toBe(minutes.length);
  }, 130_000);
});

async function runsOf(job: string) {
  return a.platform.database.db.select().from(jobRuns).where(eq(jobRuns.job, job));
}

async function waitFor<T>(probe: () => Promise<T | null>, timeoutMs: number): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== null) return v;
    if (Date.now() > end) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
