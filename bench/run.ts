// `npm run bench`: the real workloads against the built server in its production configuration, on
// generated data at scale M and L (PostgreSQL + Redis) and S (embedded PGlite), each workload driven from
// a separate process at 1, 16 and 64 connections. Writes bench/results/latest.json and latest.md.
//   npm run bench                                   # everything (about 45 minutes, L's data included)
//   npm run bench -- --scales M --soak 0            # one scale, no soak
//   npm run bench -- --scales M --workloads catalog_page,course_page --connections 16
//   npm run bench -- --scales M --db-prefix mine_ --out /tmp/b   # own databases (mine_m), report elsewhere
// Environment: DATABASE_URL (a server to create the bench databases on; default the local one),
// REDIS_URL (default redis://127.0.0.1:6379).
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type Database, openDatabase } from '../apps/server/src/db/client.ts';
import { runMigrations } from '../apps/server/src/db/migrate.ts';
import { startFakeStripe, stripeEnv } from '../apps/server/test/fake-stripe.ts';
import { generate, type Manifest, type Scale } from './data/generate.ts';
import { measure, type Row } from './lib/measure.ts';
import { BackendCpu, rssMbOf } from './lib/proc.ts';
import { clearAppKeys } from './lib/redis.ts';
import { markdown, type Soak, verdicts } from './lib/report.ts';
import { benchAdminUrl, postgresScaleData } from './lib/scale-data.ts';
import { ROOT, type RunningServer, startServer } from './lib/server.ts';
import { signIn, signInAll } from './lib/sessions.ts';
import { WORKLOADS } from './lib/workloads.mjs';

const unitOf = (workload: string): number =>
  (WORKLOADS as Record<string, { unit: number }>)[workload]?.unit ?? 1;

const ALL = [
  'catalog_page',
  'catalog_search',
  'course_detail_page',
  'course_page',
  'my_courses',
  'course_contents',
  'progress_update',
  'quiz_submit',
  'checkout',
  'stripe_webhook',
  'admin_dashboard',
];
/** New deliveries each webhook run gets: more than a run at 64 connections serves in warm-up and 10 s. */
const WEBHOOKS_PER_RUN = 2500;
const openSessions = (fake: Awaited<ReturnType<typeof startFakeStripe>>) =>
  [...fake.sessions.values()].filter((s) => s.status === 'open');
const EMBEDDED = ['catalog_page', 'course_detail_page', 'course_page'];

const { values: args } = parseArgs({
  options: {
    scales: { type: 'string', default: 'M,L,S' },
    connections: { type: 'string', default: '1,16,64' },
    workloads: { type: 'string', default: ALL.join(',') },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    soak: { type: 'string', default: '600' },
    out: { type: 'string', default: join(ROOT, 'bench/results') },
    /** The bench databases are `<prefix>m`, `<prefix>l`: another prefix keeps two checkouts apart. */
    'db-prefix': { type: 'string', default: 'bench_' },
  },
});
const scales = args.scales.split(',') as Scale[];
const connectionCounts = args.connections.split(',').map(Number);
const workloads = args.workloads.split(',');
const durationSeconds = Number(args.duration);
const warmupSeconds = Number(args.warmup);
const soakSeconds = Number(args.soak);
const adminUrl = benchAdminUrl();
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const log = (s: string) => process.stdout.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${s}\n`);

/** The bench database of a scale, generated once and kept (`bench_m`, `bench_l`): generating L takes minutes. */
const postgresData = (scale: Scale) => postgresScaleData({ adminUrl, prefix: args['db-prefix'], scale, log });

async function embeddedData(scale: Scale): Promise<{ dataDir: string; manifest: Manifest }> {
  const dataDir = join(ROOT, 'bench/.data', `embedded-${scale.toLowerCase()}`);
  mkdirSync(dataDir, { recursive: true });
  const database: Database = await openDatabase({ kind: 'pglite', dir: join(dataDir, 'pglite') });
  try {
    await runMigrations(database);
    return { dataDir, manifest: await generate(database.raw, scale, log) };
  } finally {
    await database.close();
  }
}

/** The signed-in sample: each student with the course they study and one they may buy. */
async function sessionsFor(server: RunningServer, m: Manifest) {
  const sessions = await signInAll(
    server.url,
    m.students.map((s) => s.email),
    m.password,
  );
  const students = m.students.map((s, i) => ({
    ...s,
    ...sessions[i],
    buyCourseId: m.buyable.courseIds[i % m.buyable.courseIds.length],
  }));
  const admin = await signIn(server.url, m.admin.email, m.password);
  return { origin: server.url, students, admin, catalogSearch: m.catalogSearch, webhooks: [] as unknown[] };
}

async function runHello(rows: Row[]) {
  const port = 3900 + Math.floor(Math.random() * 50);
  const hello = await startServer({ script: join(ROOT, 'bench/lib/hello-server.mjs'), env: {}, port });
  try {
    for (const connections of connectionCounts) {
      const row = await measure({
        server: hello,
        backends: null,
        workload: 'hello',
        unit: 1,
        scale: '-',
        database: '-',
        connections,
        durationSeconds,
        warmupSeconds,
        data: {},
      });
      rows.push({ ...row, fraction_of_hello: 1, queries_per_req: 0 });
      log(`hello ×${connections}: ${row.rps} req/s, ${row.cpu_ms_per_req} ms CPU per request`);
    }
  } finally {
    await hello.stop();
  }
}

async function runScale(scale: Scale, rows: Row[]): Promise<Soak | null> {
  const embedded = scale === 'S';
  log(`scale ${scale}: data`);
  const pgData = embedded ? null : await postgresData(scale);
  const pgliteData = embedded ? await embeddedData(scale) : null;
  const manifest = (pgData ?? pgliteData)?.manifest as Manifest;
  const fake = embedded ? null : await startFakeStripe();
  // Its own Redis keys: two checkouts benchmarking at once, or an academy on the same Redis, stay apart.
  const redisPrefix = `bench:${pgData?.name ?? 'embedded'}:`;
  if (!embedded) await clearAppKeys(redisUrl, redisPrefix);
  const server = await startServer({
    port: 3800 + Math.floor(Math.random() * 50),
    env: embedded
      ? { TEST_PAYMENTS: 'false' }
      : {
          DATABASE_URL: pgData?.url as string,
          REDIS_URL: redisUrl,
          REDIS_KEY_PREFIX: redisPrefix,
          ...(fake ? stripeEnv(fake) : {}),
        },
    ...(pgliteData ? { dataDir: pgliteData.dataDir } : {}),
  });
  const backends = pgData ? new BackendCpu(pgData.url, pgData.name) : null;
  await backends?.open();
  let soak: Soak | null = null;
  try {
    const data = await sessionsFor(server, manifest);
    const database = embedded ? 'PGlite' : 'PostgreSQL + Redis';
    for (const workload of embedded ? EMBEDDED.filter((w) => workloads.includes(w)) : workloads) {
      // Every delivery of a webhook run is for an order not yet paid: the pending orders the checkout
      // runs left (topped up by untimed checkouts), split so no run replays another's.
      let deliveries: unknown[][] = [];
      if (workload === 'stripe_webhook' && fake) {
        const wanted = WEBHOOKS_PER_RUN * connectionCounts.length;
        for (let round = 0; round < 6 && openSessions(fake).length < wanted; round++)
          await measure({
            server,
            backends,
            workload: 'checkout',
            unit: unitOf('checkout'),
            scale,
            database,
            connections: 16,
            durationSeconds: 10,
            warmupSeconds: 0,
            data,
          });
        const signed = openSessions(fake).map((s) => fake.signed(fake.complete(s.id)));
        const per = Math.floor(signed.length / connectionCounts.length);
        deliveries = connectionCounts.map((_, i) => signed.slice(i * per, (i + 1) * per));
        log(`stripe_webhook: ${signed.length} signed deliveries of pending orders, ${per} a run`);
        if (per === 0) continue;
      }
      for (const [run, connections] of connectionCounts.entries()) {
        if (workload === 'stripe_webhook') data.webhooks = deliveries[run] ?? [];
        const row = await measure({
          server,
          backends,
          workload,
          unit: unitOf(workload),
          scale,
          database,
          connections,
          durationSeconds,
          warmupSeconds,
          data,
          ...(embedded ? {} : { redisUrl }),
        });
        if (workload === 'stripe_webhook' && row.http_requests > data.webhooks.length)
          log(
            `stripe_webhook ×${connections}: ${row.http_requests - data.webhooks.length} deliveries were replays`,
          );
        const hello = rows.find((r) => r.workload === 'hello' && r.connections === connections);
        row.fraction_of_hello = hello ? Math.round((row.rps / hello.rps) * 1000) / 1000 : 0;
        rows.push(row);
        log(
          `${workload} ${scale} ×${connections}: ${row.rps}/s p50 ${row.p50_ms} p99 ${row.p99_ms} ms, ` +
            `CPU ${row.cpu_ms_per_req} ms (${row.server_cpu_ms_per_req} + ${row.db_cpu_ms_per_req}), ` +
            `${row.queries_per_req} queries, ${row.bytes_per_resp} B` +
            (row.non_2xx || row.errors ? `, ${row.non_2xx} non-2xx, ${row.errors} errors` : ''),
        );
      }
    }
    if (scale === 'M' && soakSeconds > 0) soak = await runSoak(server, backends, data);
  } finally {
    await backends?.close();
    await server.stop();
    await fake?.close();
  }
  return soak;
}

/** The read mix at 16 connections for the soak's length, RSS sampled every 10 s. */
async function runSoak(server: RunningServer, backends: BackendCpu | null, data: unknown): Promise<Soak> {
  log(`soak: ${soakSeconds} s at 16 connections`);
  const samples: number[] = [];
  const timer = setInterval(() => samples.push(Math.round(rssMbOf(server.pid) * 10) / 10), 10_000);
  try {
    const row = await measure({
      server,
      backends,
      workload: 'soak_mix',
      unit: unitOf('soak_mix'),
      scale: 'M',
      database: 'PostgreSQL + Redis',
      connections: 16,
      durationSeconds: soakSeconds,
      warmupSeconds: 0,
      data,
    });
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    const settled = samples.slice(6); // after the first minute
    const fifth = Math.max(1, Math.floor(settled.length / 5));
    const growth = median(settled.slice(-fifth)) - median(settled.slice(0, fifth));
    return {
      seconds: soakSeconds,
      connections: 16,
      rss_mb: samples,
      growth_mb: Math.round(growth * 10) / 10,
      rps: row.rps,
      non_2xx: row.non_2xx + row.errors,
    };
  } finally {
    clearInterval(timer);
  }
}

const started = new Date();
const rows: Row[] = [];
let soak: Soak | null = null;
await runHello(rows);
for (const scale of scales) soak = (await runScale(scale, rows)) ?? soak;

const checks = verdicts(rows, soak);
mkdirSync(args.out, { recursive: true });
const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
writeFileSync(join(args.out, 'latest.json'), `${JSON.stringify(rows, null, 2)}\n`);
writeFileSync(
  join(args.out, 'latest.md'),
  markdown({
    rows,
    soak,
    verdicts: checks,
    machine,
    started: started.toISOString(),
    seconds: (Date.now() - started.getTime()) / 1000,
    command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
  }),
);
if (soak) writeFileSync(join(args.out, 'soak.json'), `${JSON.stringify(soak, null, 2)}\n`);
// What `bench/report.ts` needs to write latest.md again from these files (after a change to the checks).
writeFileSync(
  join(args.out, 'run.json'),
  `${JSON.stringify({ started: started.toISOString(), seconds: (Date.now() - started.getTime()) / 1000, command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim() }, null, 2)}\n`,
);
console.table(
  rows.map((r) => ({
    workload: r.workload,
    scale: r.scale,
    conns: r.connections,
    'units/s': r.rps,
    p50: r.p50_ms,
    p99: r.p99_ms,
    'cpu ms': r.cpu_ms_per_req,
    queries: r.queries_per_req,
    'rss MB': r.rss_mb,
    bytes: r.bytes_per_resp,
    '× hello': r.fraction_of_hello,
  })),
);
for (const v of checks)
  console.log(`${v.ok ? 'ok  ' : 'FAIL'} ${v.check}: ${v.measured} (budget ${v.limit})`);
console.log(`\nwrote ${join(args.out, 'latest.json')} and latest.md`);
process.exit(checks.every((v) => v.ok) ? 0 : 1);
