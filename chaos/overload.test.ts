import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannonModule from 'autocannon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Academy, PASSWORD, seedAcademy } from './support/academy.ts';
import { createDatabase } from './support/databases.ts';
import { recordFigures } from './support/figures.ts';
import { request, type Session, signInAll, writeHeaders } from './support/http.ts';
import { AppServer, freePort, METRICS_TOKEN, sleep } from './support/processes.ts';

/**
 * Issue 7: overload, far more connections than the server can serve. 2,000 keep-alive clients (signed-in
 * students reading the catalog, their cart and courses, adding to the cart, opening the catalog page)
 * for 15 s against a server with its default limits (MAX_IN_FLIGHT 64, MAX_EVENT_LOOP_DELAY_MS 1000,
 * MAX_CONNECTIONS 4096, a pool of 10). It sheds what it cannot serve with 503 `overloaded` at once
 * (ADR 043): no other 5xx, no stack trace, the same process throughout, its memory bounded, liveness
 * answered all along, and normal service again within 5 s of the storm's end.
 */
const CONNECTIONS = Number(process.env.CHAOS_OVERLOAD_CONNECTIONS ?? 2_000);
const STORM_SECONDS = Number(process.env.CHAOS_OVERLOAD_SECONDS ?? 15);
const RSS_BOUND_MB = 400;
const RECOVERY_MS = 5_000;

interface AutocannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (req: AutocannonRequest, ctx: Record<string, unknown>) => AutocannonRequest;
  onResponse?: (status: number, body: string, ctx: Record<string, unknown>) => void;
}
interface AutocannonResult {
  requests: { total: number };
  latency: { p50: number; p99: number };
  errors: number;
  timeouts: number;
  resets?: number;
  statusCodeStats: Record<string, { count: number }>;
}
/** autocannon ships no types: the part of its API used here. */
const autocannon = autocannonModule as unknown as (o: {
  url: string;
  connections: number;
  duration: number;
  timeout: number;
  pipelining?: number;
  requests: AutocannonRequest[];
}) => Promise<AutocannonResult>;

/** A stack frame, a Node internal or a source path: never in an answer. */
const STACK = /\n\s+at [^\n]*[(:]\d+:\d+|node:internal|node_modules|\.tsx?:\d+/;

const rssMb = (pid: number): number => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : 0;
};

const tally = (xs: number[]) =>
  xs.reduce<Record<string, number>>((o, x) => {
    o[x] = (o[x] ?? 0) + 1;
    return o;
  }, {});

const p50 = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};

describe('overload: far more connections than it can serve', () => {
  let db: Awaited<ReturnType<typeof createDatabase>>;
  let academy: Academy;
  let server: AppServer;

  beforeAll(async () => {
    db = await createDatabase('overload');
    academy = await seedAcademy(db.url, { students: 64, courses: 4 });
    // The defaults of the limits under test (only the chaos suite's usual rate limits are lifted).
    server = new AppServer(await freePort(), { DATABASE_URL: db.url, MAX_EVENT_LOOP_DELAY_MS: '1000' });
    await server.start();
  });

  afterAll(async () => {
    await server?.dispose();
    await db?.drop();
  });

  it('sheds with 503 overloaded, nothing else fails, memory stays bounded, and it recovers', async () => {
    const sessions = await signInAll(
      server.url,
      academy.students.map((s) => s.email),
      PASSWORD,
    );
    const pid = server.pid as number;
    const courseIds = academy.courses.map((c) => c.id);
    const probe = (s: Session) =>
      request(`${server.url}/api/courses?limit=12`, { headers: { cookie: s.cookie }, timeoutMs: 10_000 });

    // The baseline: one client, one request at a time.
    const timedProbes = async (n: number) => {
      const ms: number[] = [];
      const statuses: number[] = [];
      for (let i = 0; i < n; i++) {
        const t0 = performance.now();
        const a = await probe(sessions[i % sessions.length] as Session);
        ms.push(performance.now() - t0);
        statuses.push(a.status);
      }
      return { ms, statuses };
    };
    await timedProbes(10); // warm
    const baseline = await timedProbes(30);
    expect(baseline.statuses.every((s) => s === 200)).toBe(true);
    const rssBefore = rssMb(pid);

    // What every answer of the storm is checked for.
    const statuses: Record<string, number> = {};
    const codes: Record<string, number> = {};
    const otherServerErrors: string[] = [];
    let stackTraces = 0;
    let next = 0;
    const sessionOf = (ctx: Record<string, unknown>) => {
      if (!ctx.session) ctx.session = sessions[next++ % sessions.length];
      return ctx.session as Session;
    };
    const check = (status: number, body: string) => {
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (status >= 400) {
        let code = 'unparsed';
        try {
          code = (JSON.parse(body) as { error?: { code?: string } }).error?.code ?? 'no_code';
        } catch {}
        codes[`${status} ${code}`] = (codes[`${status} ${code}`] ?? 0) + 1;
        // Shed answers: the cap's `overloaded`, or `database_unavailable` for a request admitted under the
        // cap that the pool could not serve within its 2 s connect timeout (a starved machine: seen with
        // the browser tests beside this file in CI). Both are 503 with Retry-After; anything else fails.
        const shed = status === 503 && (code === 'overloaded' || code === 'database_unavailable');
        if (status >= 500 && !shed && otherServerErrors.length < 20)
          otherServerErrors.push(`${status} ${body.slice(0, 200)}`);
      }
      if (STACK.test(body)) stackTraces += 1;
    };
    const asStudent =
      (method: string, pathOf: (ctx: Record<string, unknown>) => string, body?: () => string) =>
      (): AutocannonRequest => ({
        method,
        setupRequest: (req, ctx) => {
          const s = sessionOf(ctx);
          return {
            ...req,
            path: pathOf(ctx),
            headers: body
              ? { ...writeHeaders(s, server.url) }
              : { cookie: s.cookie, accept: 'application/json' },
            ...(body ? { body: body() } : {}),
          };
        },
        onResponse: (status, text) => check(status, text),
      });
    let k = 0;
    const requests: AutocannonRequest[] = [
      asStudent('GET', () => '/api/courses?limit=12')(),
      asStudent('GET', () => '/api/cart')(),
      asStudent(
        'POST',
        () => '/api/cart/items',
        () => JSON.stringify({ itemType: 'course', itemId: courseIds[k++ % courseIds.length] }),
      )(),
      asStudent('GET', () => '/api/learning/courses')(),
      // A page rendered on the server: the heaviest read.
      {
        method: 'GET',
        path: '/courses',
        headers: { accept: 'text/html' },
        onResponse: (status, text) => check(status, text),
      },
    ];

    // Memory, sampled every 250 ms; liveness and readiness asked every 500 ms, all through the storm.
    const rss: number[] = [];
    const rssTimer = setInterval(() => {
      try {
        rss.push(rssMb(pid));
      } catch {}
    }, 250);
    const live: number[] = [];
    const ready: number[] = [];
    let storming = true;
    const healthLoop = (async () => {
      while (storming) {
        const [l, r] = await Promise.all([
          request(`${server.url}/api/health`, { timeoutMs: 10_000 }),
          request(`${server.url}/api/health/ready`, { timeoutMs: 10_000 }),
        ]);
        live.push(l.status);
        ready.push(r.status);
        await sleep(500);
      }
    })();

    const stormStart = Date.now();
    const storm = await autocannon({
      url: server.url,
      connections: CONNECTIONS,
      duration: STORM_SECONDS,
      timeout: 20,
      requests,
    });
    const stormEnd = Date.now();
    storming = false;
    await healthLoop;
    clearInterval(rssTimer);

    // Recovery: normal requests get 200 again, within 5 s, and as fast as before.
    let recoveryMs = -1;
    while (Date.now() - stormEnd < RECOVERY_MS + 5_000) {
      const a = await probe(sessions[0] as Session);
      if (a.status === 200) {
        recoveryMs = Date.now() - stormEnd;
        break;
      }
      await sleep(50);
    }
    const after = await timedProbes(30);
    const readMetrics = async () =>
      String(
        (await request(`${server.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } }))
          .body,
      );
    let metricsText = await readMetrics();
    const inFlightOf = (text: string) => Number(/^http_requests_in_flight (\d+)/m.exec(text)?.[1] ?? -1);
    // A request the storm's clients left behind ends (or is released on its abort) within a moment.
    for (let i = 0; i < 40 && inFlightOf(metricsText) !== 0; i++) {
      await sleep(50);
      metricsText = await readMetrics();
    }
    const inFlightAfter = inFlightOf(metricsText);
    const shedMetric = (reason: string) =>
      Number(
        new RegExp(`^http_requests_shed_total\\{reason="${reason}"\\} (\\d+)`, 'm').exec(metricsText)?.[1] ??
          0,
      );

    // The server's own log: no error line, no stack.
    const logDir = join(server.dataDir, 'logs');
    const logText = [
      ...readdirSync(server.dataDir)
        .filter((f) => f.endsWith('.log'))
        .map((f) => readFileSync(join(server.dataDir, f), 'utf8')),
      ...(() => {
        try {
          return readdirSync(logDir).map((f) => readFileSync(join(logDir, f), 'utf8'));
        } catch {
          return [];
        }
      })(),
    ].join('\n');
    const errorLines = logText.split('\n').filter((l) => /"level":(50|60)/.test(l));
    const overloaded = codes['503 overloaded'] ?? 0;
    const served = Object.entries(statuses)
      .filter(([s]) => Number(s) < 400)
      .reduce((n, [, c]) => n + c, 0);
    const baselineP50 = p50(baseline.ms);
    const afterP50 = p50(after.ms);
    const figures = {
      connections: CONNECTIONS,
      stormSeconds: Math.round((stormEnd - stormStart) / 100) / 10,
      requests: storm.requests.total,
      statuses,
      codes,
      served,
      shedOverloaded: overloaded,
      shedDatabaseWait: codes['503 database_unavailable'] ?? 0,
      shedMetric: {
        in_flight: shedMetric('in_flight'),
        event_loop_delay: shedMetric('event_loop_delay'),
        connections: shedMetric('connections'),
      },
      otherServerErrors: otherServerErrors.length,
      stackTraces,
      errorLogLines: errorLines.length,
      clientErrors: storm.errors,
      clientTimeouts: storm.timeouts,
      stormLatencyMs: { p50: storm.latency.p50, p99: storm.latency.p99 },
      livenessDuringStorm: tally(live),
      readinessDuringStorm: tally(ready),
      rssMb: {
        before: Math.round(rssBefore),
        peak: Math.round(Math.max(...rss)),
        samples: rss.length,
        bound: RSS_BOUND_MB,
      },
      recoveryMs,
      p50Ms: { baseline: Math.round(baselineP50 * 10) / 10, after: Math.round(afterP50 * 10) / 10 },
      inFlightAfter,
      processRestarts: server.starts - 1,
      unexpectedExits: server.unexpectedExits,
    };
    recordFigures('overload', figures);

    expect(server.running).toBe(true);
    expect(server.pid).toBe(pid);
    expect(server.unexpectedExits).toBe(0);
    // It shed...
    expect(overloaded).toBeGreaterThan(0);
    expect(shedMetric('in_flight') + shedMetric('event_loop_delay')).toBeGreaterThanOrEqual(overloaded);
    // ...while serving, and nothing else failed.
    expect(served).toBeGreaterThan(0);
    // (The server's error lines beside the answers: a failure shows what the server logged for them.)
    expect({ otherServerErrors, errorLines: errorLines.slice(0, 5) }).toEqual({
      otherServerErrors: [],
      errorLines: [],
    });
    expect(stackTraces).toBe(0);
    // Liveness was answered 200 all along (readiness, which pings the database through the same pool,
    // is recorded: it may say not ready while the pool is saturated).
    expect(live.length).toBeGreaterThan(0);
    expect(live.every((s) => s === 200)).toBe(true);
    // Memory stayed bounded.
    expect(rss.length).toBeGreaterThan(STORM_SECONDS * 2);
    expect(Math.max(...rss)).toBeLessThan(RSS_BOUND_MB);
    // Recovery: 200 within 5 s, the counter back at zero, latency back near the baseline.
    expect(recoveryMs).toBeGreaterThanOrEqual(0);
    expect(recoveryMs).toBeLessThan(RECOVERY_MS);
    expect(after.statuses.every((s) => s === 200)).toBe(true);
    expect(inFlightAfter).toBe(0);
    expect(afterP50).toBeLessThan(Math.max(baselineP50 * 3, baselineP50 + 30));
  });
});
