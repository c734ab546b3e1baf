// Server time of the catalog page: 1,000 sequential GET /courses against the built server, after a
// warm-up, on the embedded database and (with DATABASE_URL) on PostgreSQL: once rendered in full, once
// revalidated with its ETag. Prints the median and p99 latency seen on loopback and the server process's
// CPU milliseconds per request (from /proc).
//   node bench/catalog-page.mjs                       # embedded PGlite
//   DATABASE_URL=postgres://… REDIS_URL=redis://… node bench/catalog-page.mjs
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const N = Number(process.env.BENCH_REQUESTS ?? 1000);
const path = process.env.BENCH_PATH ?? '/courses';
const port = 3300 + Math.floor(Math.random() * 500);
const dataDir = mkdtempSync(join(tmpdir(), '9t-bench-'));
const ticks = 100; // USER_HZ on Linux

const child = spawn(process.execPath, [join(root, 'apps/server/dist/main.js')], {
  env: {
    ...process.env,
    NODE_ENV: 'development',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'true',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const cpuMs = () => {
  const f = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(f[11]) + Number(f[12])) * 1000) / ticks; // utime + stime
};
const url = `http://127.0.0.1:${port}${path}`;
try {
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health/ready`)).ok) break;
    } catch {}
    if (i > 600) throw new Error('server did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  for (let i = 0; i < 100; i++) await (await fetch(url)).text();
  const db = process.env.DATABASE_URL ? 'postgresql' : 'embedded';
  // Two phases in one run: a full render every time (no validator), then a browser or CDN revalidating
  // with the ETag it was given (ADR 020): 304 without loading or rendering anything.
  const etag = (await fetch(url)).headers.get('etag');
  for (const phase of ['full render', 'revalidation (304)']) {
    const headers = phase.startsWith('full') || !etag ? {} : { 'if-none-match': etag };
    const expected = phase.startsWith('full') || !etag ? 200 : 304;
    const times = [];
    const cpu0 = cpuMs();
    for (let i = 0; i < N; i++) {
      const t0 = performance.now();
      const res = await fetch(url, { headers });
      await res.text();
      if (res.status !== expected) throw new Error(`status ${res.status}, expected ${expected}`);
      times.push(performance.now() - t0);
    }
    const cpu = (cpuMs() - cpu0) / N;
    times.sort((a, b) => a - b);
    const q = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(2);
    console.log(
      `${path} on ${db}, ${phase}: ${N} requests, median ${q(0.5)} ms, p99 ${q(0.99)} ms, server CPU ${cpu.toFixed(2)} ms/request`,
    );
  }
} finally {
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  rmSync(dataDir, { recursive: true, force: true });
}
