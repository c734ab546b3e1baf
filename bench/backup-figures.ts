// Backup and restore figures for the closing note of issue 5: the time and archive size of a backup,
// and the time of a restore (into an empty database) and of a restore drill, for
//   (a) the demo academy, on the local PostgreSQL (a scratch database) and on embedded PGlite;
//   (b) a data set of 100,000 enrollments on the local PostgreSQL (a scratch database): instructors and
//       courses with sections and lessons built by the factories, then students, enrollments, lesson
//       progress and paid orders inserted in batches (INSERT … SELECT) following the factories' rules
//       (unique emails, verified accounts, course counts kept, ORD- numbers, an order item per order).
// Every scratch database is created here and dropped at the end. Run from the repository root:
//   npx tsx bench/backup-figures.ts                                  # PostgreSQL at 127.0.0.1:5432
//   BENCH_PG=postgres://user@host:5432/postgres npx tsx bench/backup-figures.ts
//   BENCH_ENROLLMENTS=20000 npx tsx bench/backup-figures.ts          # a smaller (b)
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { loadConfig } from '../apps/server/src/config.ts';
import { type Database, openDatabase } from '../apps/server/src/db/client.ts';
import { runMigrations } from '../apps/server/src/db/migrate.ts';
import { createBackupWriter } from '../apps/server/src/modules/operations/backups/backup.service.ts';
import { withDatabase } from '../apps/server/src/modules/operations/backups/pg-tools.ts';
import {
  drillArchive,
  restoreArchive,
} from '../apps/server/src/modules/operations/backups/restore.service.ts';
import { systemClock } from '../apps/server/src/platform/clock.ts';
import { createDiskStorage } from '../apps/server/src/platform/storage.ts';
import { seedDemo } from '../apps/server/src/seed/demo.ts';
import { buildCourse, buildLesson, buildSection, buildUser } from '../apps/server/src/seed/factories.ts';

const PG = process.env.BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ENROLLMENTS = Number(process.env.BENCH_ENROLLMENTS ?? 100_000);
const stamp = Date.now().toString(36);
const made: string[] = [];

async function admin(text: string) {
  const c = new pg.Client({ connectionString: PG });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}
async function scratch(label: string): Promise<string> {
  const name = `bench_${label}_${stamp}`;
  await admin(`create database ${name}`);
  made.push(name);
  return withDatabase(PG, name);
}

interface Row {
  dataset: string;
  database: string;
  rows: number;
  files: number;
  archiveBytes: number;
  backupS: number;
  restoreS: number;
  drillS: number;
  ok: boolean;
}

const seconds = (ms: number) => Math.round(ms / 10) / 100;

/** Back up `database` (with its uploads in `dataDir`), restore into an empty target, drill. */
async function measure(o: {
  dataset: string;
  database: Database;
  url: string | null;
  dataDir: string;
  restoreTarget: { kind: 'postgres'; url: string } | { kind: 'embedded'; dir: string };
}): Promise<Row> {
  const config = loadConfig({
    NODE_ENV: 'test',
    SESSION_SECRET: 'x'.repeat(48),
    DATA_DIR: o.dataDir,
    DATABASE_URL: o.url ?? undefined,
  });
  const writer = createBackupWriter({ config, database: o.database, clock: systemClock });
  const b = await writer.backup();
  const archive = join(config.operations.backups.dir, b.archive);
  const t0 = performance.now();
  const r = await restoreArchive({
    archive,
    target: o.restoreTarget,
    uploadsDir: join(o.dataDir, 'restored-uploads'),
    force: false,
  });
  const restoreMs = performance.now() - t0;
  const d = await drillArchive({ archive, databaseUrl: o.url, now: new Date() });
  return {
    dataset: o.dataset,
    database: o.database.kind === 'postgres' ? 'PostgreSQL 15' : 'PGlite',
    rows: b.rows,
    files: b.files,
    archiveBytes: b.sizeBytes,
    backupS: seconds(b.durationMs),
    restoreS: seconds(restoreMs),
    drillS: seconds(d.durationMs),
    ok: r.mismatches.length === 0 && d.ok,
  };
}

async function demo(kind: 'postgres' | 'embedded'): Promise<Row> {
  const dataDir = await mkdtemp(join(tmpdir(), '9t-bench-demo-'));
  const url = kind === 'postgres' ? await scratch('demo') : null;
  const database = await openDatabase(
    url ? { kind: 'postgres', url, poolMax: 4 } : { kind: 'pglite', dir: join(dataDir, 'pglite') },
  );
  try {
    await runMigrations(database);
    await seedDemo(database.db, {
      storage: createDiskStorage(join(dataDir, 'uploads')),
      timeZone: 'Asia/Karachi',
    });
    return await measure({
      dataset: 'demo academy',
      database,
      url,
      dataDir,
      restoreTarget:
        kind === 'postgres'
          ? { kind, url: await scratch('demo_restored') }
          : { kind, dir: join(dataDir, 'pglite-restored') },
    });
  } finally {
    await database.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** 100,000 enrollments: 100 courses of 4 sections × 5 lessons, 20,000 students with 5 courses each. */
async function large(): Promise<Row> {
  const dataDir = await mkdtemp(join(tmpdir(), '9t-bench-large-'));
  const url = await scratch('large');
  const database = await openDatabase({ kind: 'postgres', url, poolMax: 4 });
  try {
    await runMigrations(database);
    const db = database.db;
    const started = performance.now();
    const instructors = [];
    for (let i = 0; i < 20; i++)
      instructors.push(
        await buildUser(db, { role: 'instructor', email: `bench-instructor-${i}@example.test` }),
      );
    for (let c = 0; c < 100; c++) {
      const course = await buildCourse(db, {
        instructorId: (instructors[c % instructors.length] as { id: string }).id,
        status: 'published',
        priceMinor: c % 4 === 0 ? 0 : 250_000,
        currency: 'PKR',
      });
      for (let s = 0; s < 4; s++) {
        const section = await buildSection(db, { courseId: course.id });
        for (let l = 0; l < 5; l++) await buildLesson(db, { sectionId: section.id, type: 'text' });
      }
    }
    const students = Math.ceil(ENROLLMENTS / 5);
    const q = (text: string) => database.raw.exec(text);
    await q(`insert into users (email, name, role, email_verified_at, created_at)
      select 'bench-student-' || g || '@example.test', 'Bench Student ' || g, 'student', now() - (g % 365) * interval '1 day',
             now() - (g % 365) * interval '1 day'
        from generate_series(1, ${students}) g`);
    // Five courses a student, spread evenly: (student + k·17) mod 100 never repeats for k < 5.
    await q(`create temporary table bench_courses as
      select row_number() over (order by id) - 1 as n, id, price_minor from courses`);
    await q(`create temporary table bench_students as
      select row_number() over (order by id) - 1 as n, id, email, name from users where email like 'bench-student-%'`);
    await q(`insert into enrollments (user_id, course_id, source, granted_at, completed_lessons, progress_percent, last_accessed_at)
      select s.id, c.id, case when c.price_minor = 0 then 'free' else 'purchase' end::enrollment_source,
             now() - ((s.n + k) % 300) * interval '1 day',
             case when (s.n + k) % 5 = 0 then 10 else 0 end, case when (s.n + k) % 5 = 0 then 50 else 0 end,
             case when (s.n + k) % 5 = 0 then now() - interval '1 day' end
        from bench_students s cross join generate_series(0, 4) k
        join bench_courses c on c.n = (s.n + k * 17) % 100
       limit ${ENROLLMENTS}`);
    // Some progress: the first ten lessons of one enrollment in five.
    await q(`insert into lesson_progress (user_id, lesson_id, course_id, position_seconds, watched_percent, completed_at)
      select e.user_id, l.id, e.course_id, 300, 100, now() - interval '2 days'
        from enrollments e
        join lateral (select id from lessons where course_id = e.course_id order by id limit 10) l on true
       where e.progress_percent = 50`);
    // A paid order (one course item) for every purchase enrollment.
    await q(`create temporary table bench_orders as
      select gen_random_uuid() as id, e.user_id, e.course_id, e.granted_at, c.price_minor, c.title,
             'ORD-' || upper(substr(md5(e.id::text), 1, 8)) as number
        from enrollments e join courses c on c.id = e.course_id where e.source = 'purchase'`);
    await q(`insert into orders (id, number, user_id, status, currency, subtotal_minor, total_minor, contact_name,
                                 contact_email, country, provider, paid_at, fulfilled_at, created_at, updated_at)
      select o.id, o.number, o.user_id, 'fulfilled', 'PKR', o.price_minor, o.price_minor, s.name, s.email, 'PK', 'test',
             o.granted_at, o.granted_at, o.granted_at, o.granted_at
        from bench_orders o join bench_students s on s.id = o.user_id`);
    await q(`insert into order_items (order_id, item_type, course_id, title, unit_price_minor, quantity, total_minor)
      select id, 'course', course_id, title, price_minor, 1, price_minor from bench_orders`);
    await q(`update enrollments e set source_ref = o.number from bench_orders o
              where o.user_id = e.user_id and o.course_id = e.course_id`);
    await q(
      `update courses c set enrollment_count = (select count(*) from enrollments e where e.course_id = c.id and e.status = 'active')`,
    );
    await q('analyze');
    const { rows } = await database.raw.query<{ n: number }>('select count(*)::int as n from enrollments');
    process.stdout.write(
      `generated ${rows[0]?.n} enrollments in ${seconds(performance.now() - started)} s\n`,
    );
    return await measure({
      dataset: `${(rows[0]?.n ?? 0).toLocaleString('en')} enrollments`,
      database,
      url,
      dataDir,
      restoreTarget: { kind: 'postgres', url: await scratch('large_restored') },
    });
  } finally {
    await database.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

const mib = (n: number) => `${(n / 1_048_576).toFixed(2)} MiB`;

async function main() {
  const rows: Row[] = [];
  try {
    rows.push(await demo('postgres'));
    rows.push(await demo('embedded'));
    rows.push(await large());
  } finally {
    for (const name of made)
      await admin(`drop database if exists ${name} with (force)`).catch(() => undefined);
  }
  const header = [
    'data set',
    'database',
    'rows',
    'files',
    'archive',
    'backup s',
    'restore s',
    'drill s',
    'verified',
  ];
  const lines = rows.map((r) => [
    r.dataset,
    r.database,
    r.rows.toLocaleString('en'),
    String(r.files),
    mib(r.archiveBytes),
    r.backupS.toFixed(2),
    r.restoreS.toFixed(2),
    r.drillS.toFixed(2),
    r.ok ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] as string).length)));
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] as number)).join(' | ')} |`;
  process.stdout.write(
    `\n${fmt(header)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|\n${lines.map(fmt).join('\n')}\n`,
  );
  if (rows.some((r) => !r.ok)) process.exitCode = 1;
}

await main();
