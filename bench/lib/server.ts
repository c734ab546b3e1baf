import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = new URL('../..', import.meta.url).pathname;
export const METRICS_TOKEN = 'bench-metrics-token-0123456789';

export interface RunningServer {
  pid: number;
  url: string;
  /** Statements the server has sent to its database, from `/metrics`, less what the scrapes cost. */
  queries(): Promise<number>;
  stop(): Promise<void>;
}

async function waitReady(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/api/health/ready`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the server did not get ready within ${timeoutMs} ms`);
}

/**
 * Starts a built server (`apps/server/dist/main.js`) in its production configuration, listening on
 * loopback. The limits a real deployment keeps against abuse from one address are raised: the bench is
 * one address making thousands of requests a second.
 */
export async function startServer(o: {
  script?: string;
  env: Record<string, string>;
  port: number;
  /** Kept (an embedded database lives there); otherwise a temporary one, removed at stop. */
  dataDir?: string;
  /** Node options before the script (`--cpu-prof`, for bench/profile.ts). */
  nodeArgs?: string[];
}): Promise<RunningServer> {
  const dataDir = o.dataDir ?? mkdtempSync(join(tmpdir(), '9t-bench-data-'));
  const url = `http://127.0.0.1:${o.port}`;
  const child = spawn(
    process.execPath,
    [
      ...(o.nodeArgs ?? []),
      // Node options for an experiment (`BENCH_NODE_ARGS='--max-semi-space-size=8' npm run bench`).
      ...(process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean),
      // Another build to compare with (`BENCH_SERVER_SCRIPT=apps/server/dist-before/main.js`).
      o.script ?? process.env.BENCH_SERVER_SCRIPT ?? join(ROOT, 'apps/server/dist/main.js'),
    ],
    {
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(o.port),
        PUBLIC_URL: url,
        DATA_DIR: dataDir,
        SESSION_SECRET: randomBytes(48).toString('base64url'),
        METRICS_TOKEN,
        LOG_LEVEL: 'warn',
        SEED_DEMO: 'false',
        RATE_LIMIT_API_MAX: '100000000',
        RATE_LIMIT_API_USER_MAX: '100000000',
        RATE_LIMIT_AUTH_MAX: '100000000',
        LOGIN_MAX_FAILURES_PER_IP: '100000000',
        CHECKS_CRON: '0 0 1 1 *',
        // The bench measures what serving costs, at up to 64 connections whose page workloads send
        // several requests at once: the load-shedding guards (ADR 043) would refuse part of them.
        MAX_IN_FLIGHT: '0',
        MAX_EVENT_LOOP_DELAY_MS: '0',
        // glibc's malloc arenas, when set for an experiment (`MALLOC_ARENA_MAX=2 npm run bench`).
        ...(process.env.MALLOC_ARENA_MAX ? { MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX } : {}),
        ...o.env,
      },
      stdio: ['ignore', process.env.BENCH_SERVER_STDOUT ? 'inherit' : 'ignore', 'inherit'],
    },
  );
  await waitReady(url, child, 120_000);
  let scrapeCost: number | null = null;
  let scrapes = 0;
  const scrape = async () => {
    scrapes += 1;
    const res = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    const m = /^db_queries_total (\d+)$/m.exec(await res.text());
    if (!m) throw new Error('/metrics has no db_queries_total');
    return Number(m[1]);
  };
  return {
    pid: child.pid as number,
    url,
    async queries() {
      if (scrapeCost === null) {
        const a = await scrape();
        scrapeCost = (await scrape()) - a;
      }
      // Every scrape before this one added its own statements: take them all out.
      const value = await scrape();
      return value - (scrapes - 1) * scrapeCost;
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      if (!o.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
