import { join } from 'node:path';
import { ErrorCodes } from '@9tangle/contracts';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildUser } from '../apps/server/src/seed/factories.ts';
import { Client, createTestApp, registerUser, type TestApp } from '../apps/server/test/harness.ts';
import { signInAs } from '../apps/server/test/sign-in.ts';
import {
  badRequestFor,
  type FuzzRequest,
  type OpenApiOperation,
  type Operation,
  operationsOf,
} from './fuzz-inputs.ts';

/**
 * Issue 7's fuzzer: every route, generated bad inputs from its schema, as one actor (a visitor, a
 * student or an admin, with their session and CSRF token): no 5xx, no stack trace or internal path in
 * any answer, every API error in the stable envelope, no unhandled rejection, nothing logged as an
 * error. Each actor is its own test file (`fuzz-<actor>.test.ts`) on its own app, so two run at once.
 * FUZZ_INPUTS sets the total over the three (default 100,000); FUZZ_SEED replays a run.
 */
export const FUZZ_TOTAL = Number(process.env.FUZZ_INPUTS ?? 100_000);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const CONCURRENCY = 8;
/**
 * Each actor's part of FUZZ_TOTAL. A visitor's input costs about a quarter of a signed-in one (most
 * routes refuse it before any query), so the visitor takes half and the two signed-in actors a quarter
 * each: 100,000 inputs fit the security suite's share of CI's 20 minutes.
 */
const SHARES = { visitor: 0.5, student: 0.25, admin: 0.25 } as const;

/** Routes a signed-in actor skips, with why; the visitor still gets all of them. */
const SKIP_SIGNED_IN: Record<string, string> = {
  'POST /api/auth/logout': 'ends the session the rest of the run signs with',
  'POST /api/auth/logout-all': 'ends the session the rest of the run signs with',
};
/** Admin routes that start real work on any request (a backup, a restore drill, a job): seconds each. */
const SKIP_ADMIN: Record<string, string> = {
  'POST /api/admin/backups': 'writes a full backup per request',
  'POST /api/admin/backups/drill': 'restores a backup into a scratch database per request',
  'POST /api/admin/maintenance/jobs/:job/run': 'runs a maintenance job per request',
  'POST /api/admin/operations/checks/run': 'runs every automated check per request',
};

const root = join(import.meta.dirname, '..');
const webDist = join(root, 'apps', 'web', 'dist');
const codes = new Set<string>(ErrorCodes);

/** Why an answer is wrong, or null. */
export function verdict(
  req: FuzzRequest,
  status: number,
  type: string,
  body: string,
  location?: string,
): string | null {
  if (status >= 500) return `${status}`;
  // A redirect goes to a path of this site: never `//host`, `/\\host` or another origin.
  if (location !== undefined && !/^\/(?![/\\])/.test(location)) return `redirects off-site to ${location}`;
  if (
    /\n\s+at [^\n]*[(:]\d+:\d+|node:internal|node_modules|file:\/\/|\.tsx?:\d+/.test(body) ||
    body.includes(root)
  )
    return 'stack trace or internal path in the body';
  const api = req.url.startsWith('/api/') && !req.url.startsWith('/api/docs');
  if (api && status >= 400) {
    if (!type.startsWith('application/json')) return `error answered as ${type || 'nothing'}`;
    let parsed: { error?: { code?: unknown; message?: unknown; requestId?: unknown } };
    try {
      parsed = JSON.parse(body);
    } catch {
      return 'error body is not JSON';
    }
    const e = parsed.error;
    if (!e || typeof e.code !== 'string' || !codes.has(e.code) || typeof e.message !== 'string')
      return 'error body is not { error: { code, message } } with a known code';
    if (typeof e.requestId !== 'string') return 'error body has no requestId';
  }
  return null;
}

interface Actor {
  client: Client | null;
  /** Signs in again if a fuzzed request ended the session. */
  refresh: () => Promise<void>;
  skip: Record<string, string>;
}

async function actorFor(t: TestApp, name: 'visitor' | 'student' | 'admin'): Promise<Actor> {
  if (name === 'visitor') return { client: null, refresh: async () => undefined, skip: {} };
  const signIn =
    name === 'student'
      ? await (async () => {
          const s = await registerUser(t, { verify: true });
          return async () => {
            const c = new Client(t.app);
            await c.post('/api/auth/login', { email: s.email, password: s.password });
            return c;
          };
        })()
      : await (async () => {
          const row = await buildUser(t.platform.database.db, { role: 'admin' });
          return () => signInAs(t, row);
        })();
  const actor: Actor = {
    client: await signIn(),
    skip: name === 'admin' ? { ...SKIP_SIGNED_IN, ...SKIP_ADMIN } : SKIP_SIGNED_IN,
    async refresh() {
      const res = await actor.client?.get('/api/auth/me');
      if (res?.statusCode !== 200) actor.client = await signIn();
    },
  };
  return actor;
}

/** Registers the fuzzer's test for one actor in the calling test file. */
export function fuzzAs(name: 'visitor' | 'student' | 'admin'): void {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  let t: TestApp;
  let ops: Operation[];
  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    // Errors only: an info line per request would cost more than many of the requests themselves.
    t = await createTestApp({ webDist, env: { LOG_LEVEL: 'warn' }, ownDatabase: true });
    ops = operationsOf(
      t.app.swagger() as unknown as { paths: Record<string, Record<string, OpenApiOperation>> },
      t.app.routeTable,
    );
  }, 300_000);
  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    await t?.close();
  });

  const share = Math.ceil(FUZZ_TOTAL * SHARES[name]);
  it(`sends ${share} generated bad inputs across every route as a ${name}: no 5xx, stack or bad envelope`, async () => {
    const actor = await actorFor(t, name);
    const mine = ops.filter((op) => !actor.skip[`${op.method} ${op.url}`]);
    const perRoute = Math.ceil(share / mine.length);
    const failures: string[] = [];
    const byStatus = new Map<number, number>();
    const slowest: [string, number][] = [];
    let sent = 0;
    const started = Date.now();
    for (const [i, op] of mine.entries()) {
      const opStarted = Date.now();
      const inputs = fc.sample(badRequestFor(op), { seed: SEED + i, numRuns: perRoute });
      for (let k = 0; k < inputs.length; k += CONCURRENCY) {
        await Promise.all(
          inputs.slice(k, k + CONCURRENCY).map(async (req) => {
            const headers: Record<string, string> = { ...req.headers };
            const client = actor.client;
            if (client) {
              const cookie = [...client.cookies].map(([n, v]) => `${n}=${v}`).join('; ');
              headers.cookie = [cookie, req.headers.cookie].filter(Boolean).join('; ');
              if (req.method !== 'GET' && !('x-csrf-token' in req.headers) && client.csrf)
                headers['x-csrf-token'] = client.csrf;
            }
            const res = await t.app.inject({
              method: req.method as 'GET',
              url: req.url,
              headers,
              ...(req.payload === undefined ? {} : { payload: req.payload }),
            });
            sent += 1;
            byStatus.set(res.statusCode, (byStatus.get(res.statusCode) ?? 0) + 1);
            const location = res.headers.location === undefined ? undefined : String(res.headers.location);
            const why = verdict(
              req,
              res.statusCode,
              String(res.headers['content-type'] ?? ''),
              res.body,
              location,
            );
            if (why)
              failures.push(
                `${op.method} ${op.url} [${req.kind}] ${why}: ${req.method} ${req.url.slice(0, 300)} ` +
                  `${JSON.stringify(req.headers).slice(0, 300)} ${String(req.payload ?? '').slice(0, 300)} -> ${res.body.slice(0, 300)}`,
              );
          }),
        );
      }
      await actor.refresh();
      slowest.push([`${op.method} ${op.url}`, Date.now() - opStarted]);
      if (i % 50 === 49)
        console.log(
          `fuzzer ${name}: ${sent} inputs, ${i + 1} routes, ${Math.round((Date.now() - started) / 1000)} s`,
        );
    }
    const seconds = (Date.now() - started) / 1000;
    const errorLogs = t.logs.filter((l) => /"level":(50|60)/.test(l)).map((l) => l.slice(0, 800));
    const summary = {
      actor: name,
      seed: SEED,
      inputs: sent,
      routes: mine.length,
      skipped: Object.keys(actor.skip),
      seconds: Math.round(seconds),
      perSecond: Math.round(sent / seconds),
      statuses: Object.fromEntries([...byStatus].sort(([a], [b]) => a - b)),
      failures: failures.length,
      errorLogs: errorLogs.length,
      unhandledRejections: unhandled.length,
    };
    console.log(`fuzzer: ${JSON.stringify(summary)}`);
    console.log(`slowest routes (ms): ${JSON.stringify(slowest.sort((a, b) => b[1] - a[1]).slice(0, 10))}`);
    if (errorLogs.length) console.log(`error logs:\n${errorLogs.slice(0, 5).join('\n')}`);
    expect(failures.slice(0, 30)).toEqual([]);
    expect(errorLogs.slice(0, 5)).toEqual([]);
    expect(unhandled).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(share);
  }, 900_000);
}
