import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { BackendCpu, cpuMsOf, peakRssMbOf, rssMbOf } from './proc.ts';
import { redisCommandsProcessed } from './redis.ts';
import type { RunningServer } from './server.ts';

/** One line of `bench/results/latest.json`. */
export interface Row {
  workload: string;
  scale: string;
  connections: number;
  rps: number;
  p50_ms: number;
  p99_ms: number;
  cpu_ms_per_req: number;
  queries_per_req: number;
  /** Redis commands a unit cost (every client's; the bench's server is the only one meanwhile). */
  cache_commands_per_req?: number;
  rss_mb: number;
  bytes_per_resp: number;
  fraction_of_hello: number;
  /** Not in the list: how the run went, so a figure from failed requests is never mistaken for a good one. */
  server_cpu_ms_per_req: number;
  db_cpu_ms_per_req: number;
  peak_rss_mb: number;
  http_requests: number;
  non_2xx: number;
  errors: number;
  database: string;
}

interface WorkerResult {
  requests: number;
  seconds: number;
  p50_ms: number;
  p99_ms: number;
  bytes: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, { count: number }>;
}

const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;
const WORKER = new URL('./load-worker.mjs', import.meta.url).pathname;

/**
 * Runs one workload at one concurrency from a separate process and reads the server's CPU, its
 * PostgreSQL backends' CPU and its query counter just before and just after the measured period.
 */
export async function measure(o: {
  server: RunningServer;
  backends: BackendCpu | null;
  workload: string;
  unit: number;
  scale: string;
  database: string;
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
  data: unknown;
  /** The server's Redis, to count the cache commands a unit costs. */
  redisUrl?: string;
}): Promise<Row> {
  const dir = mkdtempSync(join(tmpdir(), '9t-bench-spec-'));
  const specFile = join(dir, 'spec.json');
  writeFileSync(
    specFile,
    JSON.stringify({
      url: o.server.url,
      workload: o.workload,
      connections: o.connections,
      durationSeconds: o.durationSeconds,
      warmupSeconds: o.warmupSeconds,
      data: o.data,
    }),
  );
  const child = spawn(process.execPath, [WORKER, specFile], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const iterator = lines[Symbol.asyncIterator]();
  const nextLine = async () => {
    const { value, done } = await iterator.next();
    if (done) throw new Error(`the load worker of ${o.workload} ended early (code ${child.exitCode})`);
    return value as string;
  };
  try {
    if ((await nextLine()) !== 'READY') throw new Error('the load worker did not get ready');
    const q0 = await o.server.queries();
    const r0 = o.redisUrl ? await redisCommandsProcessed(o.redisUrl) : 0;
    const b0 = o.backends ? await o.backends.snapshot() : new Map();
    const c0 = cpuMsOf(o.server.pid);
    child.stdin.write('GO\n');
    const r = JSON.parse(await nextLine()) as WorkerResult;
    const c1 = cpuMsOf(o.server.pid);
    const b1 = o.backends ? await o.backends.snapshot() : new Map();
    const q1 = await o.server.queries();
    const r1 = o.redisUrl ? await redisCommandsProcessed(o.redisUrl) : 0;
    const units = r.requests / o.unit;
    const serverMs = (c1 - c0) / units;
    const dbMs = BackendCpu.delta(b0, b1) / units;
    return {
      workload: o.workload,
      scale: o.scale,
      connections: o.connections,
      rps: round(units / r.seconds, 1),
      p50_ms: r.p50_ms,
      p99_ms: r.p99_ms,
      cpu_ms_per_req: round(serverMs + dbMs, 3),
      queries_per_req: round((q1 - q0) / units, 2),
      ...(o.redisUrl ? { cache_commands_per_req: round((r1 - r0 - 2) / units, 2) } : {}),
      rss_mb: round(rssMbOf(o.server.pid), 1),
      bytes_per_resp: Math.round(r.bytes / r.requests),
      fraction_of_hello: 0,
      server_cpu_ms_per_req: round(serverMs, 3),
      db_cpu_ms_per_req: round(dbMs, 3),
      peak_rss_mb: round(peakRssMbOf(o.server.pid), 1),
      http_requests: r.requests,
      non_2xx: r.non2xx,
      errors: r.errors + r.timeouts,
      database: o.database,
    };
  } finally {
    lines.close();
    child.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}
