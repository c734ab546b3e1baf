import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pino from 'pino';
import { inject } from 'vitest';
import { buildApp } from '../src/app.ts';
import { type Config, loadConfig } from '../src/config.ts';
import { type Database, openDatabase } from '../src/db/client.ts';
import { mailRepo } from '../src/modules/notifications/mail.repo.ts';
import type { Clock } from '../src/platform/clock.ts';
import { createSecrets } from '../src/platform/crypto.ts';
import { openPlatform, type Platform } from '../src/platform/index.ts';
import { loggerOptions } from '../src/platform/logger.ts';
import type { MailTransport } from '../src/platform/mail-transport.ts';
import { giveBack, takeEmbedded } from './pglite-pool.ts';

/**
 * A real app on a real database: embedded PGlite in memory by default, or the PostgreSQL and Redis of
 * DATABASE_URL / REDIS_URL when the suite runs against them (CI does both).
 */
export interface TestApp {
  app: FastifyInstance;
  platform: Platform;
  config: Config;
  /** Every log line the app wrote, as JSON text. */
  logs: string[];
  close(): Promise<void>;
}

/** The PostgreSQL the suite runs against, when it does (CI runs both modes); null on the embedded default. */
export const externalDatabaseUrl: string | null = process.env.DATABASE_URL || null;
/** The Redis the suite runs against, when it does (CI's second run); null on the embedded default. */
export const externalRedisUrl: string | null = process.env.REDIS_URL || null;

export function testEnv(overrides: Record<string, string> = {}): Record<string, string | undefined> {
  return {
    NODE_ENV: 'test',
    SESSION_SECRET: randomBytes(48).toString('base64url'),
    DATA_DIR: mkdtempSync(join(tmpdir(), '9tangle-test-')),
    DATABASE_URL: process.env.DATABASE_URL,
    REDIS_URL: process.env.REDIS_URL,
    LOG_LEVEL: 'info',
    RATE_LIMIT_API_MAX: '100000',
    RATE_LIMIT_API_USER_MAX: '100000',
    RATE_LIMIT_AUTH_MAX: '100000',
    LOGIN_MAX_FAILURES_PER_IP: '100000',
    PUBLIC_URL: 'http://localhost:3000',
    // The automated checks mail the admins on a change of state; on a 5-minute schedule they would
    // land in the middle of other tests' mail. Tests run them on purpose (once a year otherwise).
    CHECKS_CRON: '0 0 1 1 *',
    // Tests read the dashboard right after writing what it counts; its cache has a test of its own.
    DASHBOARD_CACHE_SECONDS: '0',
    // Embedded PGlite runs its queries on the test's own thread, and test files share 2 cores: the
    // event-loop delay is not the app's, so that guard is off; the overload tests turn it on (ADR 043).
    MAX_EVENT_LOOP_DELAY_MS: '0',
    ...overrides,
  };
}

export async function createTestApp(
  o: {
    env?: Record<string, string>;
    clock?: Clock;
    mailTransport?: MailTransport;
    webDist?: string | null;
    /**
     * On PostgreSQL, a database of the app's own (made empty, migrated, dropped at close) instead of
     * the run's shared one: for tests whose work reaches every row, such as the maintenance tasks on
     * the real clock, which would purge the sessions of tests that run on a clock set in the past.
     */
    ownDatabase?: boolean;
  } = {},
): Promise<TestApp> {
  const own = o.ownDatabase && process.env.DATABASE_URL ? await ownDatabase(process.env.DATABASE_URL) : null;
  const env = testEnv({ ...(own ? { DATABASE_URL: own.url } : {}), ...o.env });
  const config = loadConfig(env);
  if (config.db.kind === 'pglite') config.db = { kind: 'pglite', dir: null }; // in memory: fast, isolated
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, cb) {
      logs.push(String(chunk));
      cb();
    },
  });
  const logger = pino(loggerOptions(config.log), sink);
  const template = inject('pgliteTemplate');
  const embedded = config.db.kind === 'pglite' && template ? await takeEmbedded(template) : null;
  const database = embedded ? await openDatabase(config.db, undefined, { client: embedded }) : undefined;
  // The app's close gives the instance back to this worker's pool instead of closing it.
  if (database && embedded) database.close = () => giveBack(embedded);
  // On a shared PostgreSQL and Redis, parallel test apps would take each other's mail jobs (and fail to
  // decrypt them) and count each other's rate limits: each gets its own job schema and key prefix.
  const ns = `t${randomBytes(5).toString('hex')}`;
  const namespace =
    config.db.kind === 'postgres' || config.redis
      ? { jobsSchema: `pgboss_${ns}`, redisKeyPrefix: `9t:${ns}:` }
      : undefined;
  const platform = await openPlatform(config, logger, {
    clock: o.clock,
    mailTransport: o.mailTransport,
    database,
    namespace,
  });
  const app = await buildApp({ ...platform, config, logger, webDist: o.webDist ?? null });
  await app.ready();
  return {
    app,
    platform,
    config,
    logs,
    async close() {
      await app.close();
      // The app's job schema is dropped once the whole run is over (global-setup.ts): dropped here, a
      // job finishing its last statement after stop() could still reach for it.
      if (namespace && config.db.kind === 'postgres') {
        await platform.jobs.stop();
        // Work a request or a job started just before the close (a mail's dispatch, a job that a
        // worker's poll fetched as pg-boss stopped) ends before the pool does: a statement sent
        // after pool.end() is an unhandled "Cannot use a pool after calling end" in this file.
        await databaseQuiet(platform.database);
      }
      await platform.close();
      await own?.drop();
      rmSync(env.DATA_DIR as string, { recursive: true, force: true });
    },
  };
}

/**
 * Until no statement has been sent and no pooled client has been checked out for 300 ms (at most 5 s):
 * a fixed pause was too short on a loaded CI machine.
 */
async function databaseQuiet(database: Database): Promise<void> {
  const busy = () => (database.pool ? database.pool.totalCount - database.pool.idleCount : 0);
  let seen = database.queryCount();
  let calm = 0;
  for (const until = Date.now() + 5_000; calm < 3 && Date.now() < until; ) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = database.queryCount();
    calm = now === seen && busy() === 0 ? calm + 1 : 0;
    seen = now;
  }
}

/** An empty database beside the run's one, on the same server; `drop` removes it. */
async function ownDatabase(shared: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `t9own_${randomBytes(5).toString('hex')}`;
  const admin = await openDatabase({ kind: 'postgres', url: shared, poolMax: 1 });
  await admin.raw.exec(`create database ${name}`);
  const url = new URL(shared);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      try {
        await admin.raw.exec(`drop database if exists ${name} with (force)`);
      } finally {
        await admin.close();
      }
    },
  };
}

let counter = 0;
/**
 * A unique address for this test run. The random part follows a letter, so the address never holds a
 * separate run of six digits that a test could mistake for a mailed code.
 */
export function uniqueEmail(prefix = 'user'): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}r${randomBytes(3).toString('hex')}@example.test`;
}

/** Cookie jar of one browser-like client: the session and CSRF cookies from responses. */
export class Client {
  cookies = new Map<string, string>();
  constructor(
    private readonly app: FastifyInstance,
    private readonly headers: Record<string, string> = {},
  ) {}
  get csrf(): string | undefined {
    return this.cookies.get('csrf_token');
  }
  async request(
    method: string,
    url: string,
    body?: unknown,
    extra: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await this.app.inject({
      method: method as 'GET',
      url,
      headers: {
        ...this.headers,
        ...(cookie ? { cookie } : {}),
        ...(this.csrf && method !== 'GET' ? { 'x-csrf-token': this.csrf } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...extra,
      },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const expired = c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now()) || c.value === '';
      if (expired) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return res;
  }
  get = (url: string) => this.request('GET', url);
  post = (url: string, body?: unknown) => this.request('POST', url, body ?? {});
  patch = (url: string, body?: unknown) => this.request('PATCH', url, body ?? {});
  delete = (url: string) => this.request('DELETE', url);
}

/** The newest mail to an address, decrypted, as the outbox holds it. */
export async function lastMailTo(
  t: TestApp,
  to: string,
): Promise<{ subject: string; text: string; html: string; status: string }> {
  const { items } = await mailRepo.list(t.platform.database.db, { page: 1, limit: 1, to });
  const row = items[0];
  if (!row) throw new Error(`no mail to ${to}`);
  const secrets = createSecrets(t.config.secrets.session, t.config.secrets.previous);
  const body = JSON.parse(secrets.decrypt(row.bodyEnc)) as { html: string; text: string };
  return { subject: row.subject, status: row.status, ...body };
}

export const codeIn = (text: string): string => {
  const m = text.match(/\b(\d{6})\b/);
  if (!m?.[1]) throw new Error('no 6-digit code in mail');
  return m[1];
};
export const linkTokenIn = (text: string, param = 'token'): string => {
  const m = text.match(new RegExp(`[?&]${param}=([\\w-]+)`));
  if (!m?.[1]) throw new Error(`no ${param} link in mail`);
  return m[1];
};

export const STRONG_PASSWORD = 'correct horse battery staple';

/** Register through the API and return a signed-in client; `verify` also completes the email code. */
export async function registerUser(t: TestApp, o: { verify?: boolean; email?: string; name?: string } = {}) {
  const client = new Client(t.app);
  const email = o.email ?? uniqueEmail();
  const res = await client.post('/api/auth/register', {
    name: o.name ?? 'Test Student',
    email,
    password: STRONG_PASSWORD,
  });
  if (res.statusCode !== 201) throw new Error(`register failed: ${res.statusCode} ${res.body}`);
  const user = res.json().user as { id: string; email: string };
  if (o.verify) {
    const mail = await lastMailTo(t, email);
    const v = await client.post('/api/auth/verify-email', { code: codeIn(mail.text) });
    if (v.statusCode !== 200) throw new Error(`verify failed: ${v.body}`);
  }
  return { client, email, user, password: STRONG_PASSWORD };
}
