// A workload against the built server under `--cpu-prof`, on the bench's PostgreSQL data of scale M:
//   npx tsx bench/profile.ts --workloads my_courses,course_contents --db-prefix mine_ --out /tmp/prof
// Each workload runs in its own server process; its profile (`<workload>.cpuprofile`, for Chrome's
// DevTools or `bench/profile-summary.mjs`) is written when the server exits.
import { mkdirSync, readdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../apps/server/src/db/client.ts';
import { startFakeStripe, stripeEnv } from '../apps/server/test/fake-stripe.ts';
import {
  closeEarlierCheckouts,
  manifestOf,
  quietJobs,
  quietOutbox,
  resetWorkloadState,
  restoreBuyable,
} from './data/manifest.ts';
import { measure } from './lib/measure.ts';
import { BackendCpu } from './lib/proc.ts';
import { clearAppKeys } from './lib/redis.ts';
import { METRICS_TOKEN, startServer } from './lib/server.ts';
import { signInAll } from './lib/sessions.ts';
import { WORKLOADS } from './lib/workloads.mjs';

const { values: args } = parseArgs({
  options: {
    workloads: { type: 'string', default: 'my_courses' },
    'db-prefix': { type: 'string', default: 'bench_' },
    out: { type: 'string', default: '/tmp/9t-profile' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '16' },
    /** Another build of the server (a copy of `apps/server/dist` of the commit to compare with). */
    script: { type: 'string' },
    /** Measure without the profiler (its overhead skews CPU per unit): an A/B run of two builds. */
    'no-profile': { type: 'boolean', default: false },
    /** Node options for the server (`--max-semi-space-size=…`), space-separated. */
    'node-args': { type: 'string', default: '' },
  },
});
const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const name = `${args['db-prefix']}m`;
const u = new URL(adminUrl);
u.pathname = `/${name}`;
const url = u.toString();
mkdirSync(args.out, { recursive: true });

const db = await openDatabase({ kind: 'postgres', url, poolMax: 1 });
await restoreBuyable(db.raw, 'M');
await quietOutbox(db.raw);
await closeEarlierCheckouts(db.raw);
await resetWorkloadState(db.raw);
const manifest = await manifestOf(db.raw, 'M');
await db.close();

const fake = await startFakeStripe();
for (const workload of args.workloads.split(',')) {
  const dir = join(args.out, `${workload}-raw`);
  mkdirSync(dir, { recursive: true });
  const redisPrefix = `bench:${name}:profile:`;
  await clearAppKeys(redisUrl, redisPrefix);
  const server = await startServer({
    port: 3850 + Math.floor(Math.random() * 50),
    env: {
      DATABASE_URL: url,
      REDIS_URL: redisUrl,
      REDIS_KEY_PREFIX: redisPrefix,
      // The checkout opens a Stripe Checkout Session: on the tests' fake, as the bench does.
      ...stripeEnv(fake),
    },
    ...(args.script ? { script: args.script } : {}),
    nodeArgs: [
      ...args['node-args'].split(' ').filter(Boolean),
      ...(args['no-profile'] ? [] : ['--cpu-prof', `--cpu-prof-dir=${dir}`]),
    ],
  });
  const backends = new BackendCpu(url, name);
  await backends.open();
  try {
    // One student a connection is all a workload uses (each connection keeps its first).
    const sample = manifest.students.slice(0, Number(args.connections));
    const sessions = await signInAll(
      server.url,
      sample.map((s) => s.email),
      manifest.password,
    );
    // As bench/run.ts: each student buys one of the reserved courses none of the samples owns.
    const students = sample.map((s, i) => ({
      ...s,
      ...sessions[i],
      buyCourseId: manifest.buyable.courseIds[i % manifest.buyable.courseIds.length],
    }));
    const data = {
      origin: server.url,
      students,
      catalogSearch: manifest.catalogSearch,
      webhooks: [] as unknown[],
    };
    if (workload === 'stripe_webhook') {
      // As bench/run.ts: one delivery a pending order, which untimed checkouts leave first.
      await measure({
        server,
        backends,
        workload: 'checkout',
        unit: 2,
        scale: 'M',
        database: 'PostgreSQL + Redis',
        connections: 16,
        durationSeconds: 10,
        warmupSeconds: 0,
        data,
      });
      data.webhooks = [...fake.sessions.values()]
        .filter((s) => s.status === 'open')
        .map((s) => fake.signed(fake.complete(s.id)));
    }
    const row = await measure({
      server,
      backends,
      workload,
      unit: (WORKLOADS as Record<string, { unit: number }>)[workload]?.unit ?? 1,
      scale: 'M',
      database: 'PostgreSQL + Redis',
      connections: Number(args.connections),
      durationSeconds: Number(args.duration),
      warmupSeconds: 2,
      data,
      redisUrl,
    });
    // Where the process's memory is after the workload: V8's heap, Buffers and other memory outside it.
    const metrics = await (
      await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
    ).text();
    const mb = (name: string) => {
      const m = new RegExp(`^${name} (\\S+)$`, 'm').exec(metrics);
      return m ? Math.round(Number(m[1]) / 2 ** 20) : null;
    };
    console.log(
      `${workload} memory (MB): rss ${mb('process_resident_memory_bytes')}, heap total ${mb('nodejs_heap_size_total_bytes')}, heap used ${mb('nodejs_heap_size_used_bytes')}, external ${mb('nodejs_external_memory_bytes')}; peak rss ${row.peak_rss_mb}`,
    );
    console.log(
      `${workload}: ${row.rps}/s, CPU ${row.cpu_ms_per_req} ms (${row.server_cpu_ms_per_req} + ${row.db_cpu_ms_per_req}), ${row.queries_per_req} queries, ${row.cache_commands_per_req} cache commands, ${row.bytes_per_resp} B`,
    );
  } finally {
    await backends.close();
    await server.stop();
    // What this workload queued (a webhook run's receipts) is not the next one's work.
    const quiet = await openDatabase({ kind: 'postgres', url, poolMax: 1 });
    await quietJobs(quiet.raw);
    await quiet.close();
  }
  // `CPU.<date>.<time>.<pid>.<thread>.<n>.cpuprofile`: the main thread's (0), not the log transport's.
  const file = readdirSync(dir).find((f) => /\.\d+\.0\.\d+\.cpuprofile$/.test(f));
  if (file) {
    renameSync(join(dir, file), join(args.out, `${workload}.cpuprofile`));
    console.log(`profile: ${join(args.out, `${workload}.cpuprofile`)}`);
  }
}
await fake.close();
