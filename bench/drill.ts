// `npm run drill`: the backup → restore drill on the bench's M-scale data set (issue 7). It
//   1. makes sure the scale's database exists (`bench_m`, generated once and kept, as `npm run bench`
//      does) and writes a few hundred uploads (thumbnails, avatars, lesson PDFs and videos, 5 KB – 5 MB)
//      into a scratch DATA_DIR;
//   2. takes a backup with the app's own writer, restores it with `restoreArchive` into a new, empty
//      scratch database and a scratch uploads directory, and runs `drillArchive` (the weekly job's path):
//      both compare every table and file with the archive's manifest;
//   3. compares the source with the restored copy a second time, independently of the manifest and of
//      its checksum function: for every table, its row count and an order-independent sum of the
//      sha256 of each row's JSON (`row_to_json`, not the manifest's `md5(t::text)`); every sequence's
//      value; the columns, indexes, constraints and enum labels; and the sha256 of every file, read
//      from both directories;
//   4. prints the figures and writes bench/results/drill-<scale>.json and .md.
// Any difference is printed and the exit code is 1. Every scratch database (the restore target, the
// drill's own) and the scratch directory are removed at the end; the scale's database is kept.
//   npm run drill                                   # M, bench_m
//   npm run drill -- --db-prefix mine_              # M in mine_m (generated on the first run)
//   npm run drill -- --scale S --out /tmp/drill     # a quick run on S
//   npm run drill -- --scale S --self-test          # spoil the restored copy: the comparison must see it
// Environment: DATABASE_URL (the server to use; default the local PostgreSQL).
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../apps/server/src/config.ts';
import { openDatabase } from '../apps/server/src/db/client.ts';
import { createBackupWriter } from '../apps/server/src/modules/operations/backups/backup.service.ts';
import {
  drillArchive,
  restoreArchive,
} from '../apps/server/src/modules/operations/backups/restore.service.ts';
import { systemClock } from '../apps/server/src/platform/clock.ts';
import type { Scale } from './data/generate.ts';
import { differences, filesOf, fingerprint, onServer } from './lib/drill-compare.ts';
import { writeUploads } from './lib/drill-uploads.ts';
import { benchAdminUrl, databaseUrlOf, postgresScaleData, scaleDatabaseName } from './lib/scale-data.ts';
import { ROOT } from './lib/server.ts';

const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: 'M' },
    /** The scale's database is `<prefix><scale>` (`bench_m`): another prefix keeps two checkouts apart. */
    'db-prefix': { type: 'string', default: 'bench_' },
    out: { type: 'string', default: join(ROOT, 'bench/results') },
    /** Spoil the restored copy (a row, a file) before the comparison: it must find both; no results written. */
    'self-test': { type: 'boolean', default: false },
  },
});
const scale = args.scale.toUpperCase() as Scale;
if (!['S', 'M', 'L'].includes(scale)) throw new Error('--scale is S, M or L');
const adminUrl = benchAdminUrl();
const stamp = `${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}_${process.pid}`;
const log = (s: string) => process.stdout.write(`[drill ${new Date().toISOString().slice(11, 19)}] ${s}\n`);
const seconds = (ms: number) => Math.round(ms / 10) / 100;

// ── Scratch databases: only the ones made here are dropped ──────────────────────────────────────────────

const made: string[] = [];
async function scratchDatabase(name: string): Promise<string> {
  await onServer(adminUrl, (c) => c.query(`create database "${name}"`));
  made.push(name);
  return databaseUrlOf(adminUrl, name);
}

// ── The run ─────────────────────────────────────────────────────────────────────────────────────────────

interface Figures {
  scale: Scale;
  database: string;
  started: string;
  machine: string;
  command: string;
  databaseBytes: number;
  tables: number;
  rows: number;
  files: number;
  uploadBytes: number;
  dumpBytes: number;
  archiveBytes: number;
  backupS: number;
  restoreS: number;
  drillS: number;
  comparisonS: number;
  comparedTables: number;
  comparedSequences: number;
  comparedSchemaItems: number;
  restoreMismatches: number;
  drillMismatches: number;
  comparisonMismatches: number;
  mismatches: number;
  peakRssMb: number;
}

async function main(): Promise<{ figures: Figures; problems: string[] }> {
  const started = new Date();
  log(`scale ${scale}: data`);
  const data = await postgresScaleData({ adminUrl, prefix: args['db-prefix'], scale, log });
  const work = await mkdtemp(join(tmpdir(), '9t-drill-'));
  const dataDir = join(work, 'data');
  const problems: string[] = [];
  try {
    const courseIds = await onServer(data.url, async (c) =>
      (await c.query<{ id: string }>('select id from courses order by id limit 60')).rows.map((r) => r.id),
    );
    const uploads = await writeUploads(join(dataDir, 'uploads'), courseIds);
    log(`uploads: ${uploads.files} files, ${(uploads.bytes / 1_048_576).toFixed(1)} MiB`);
    const databaseBytes = await onServer(data.url, async (c) =>
      Number((await c.query<{ n: string }>('select pg_database_size(current_database()) as n')).rows[0]?.n),
    );

    // 1. The backup, with the app's own writer.
    const config = loadConfig({
      NODE_ENV: 'test',
      SESSION_SECRET: 'x'.repeat(48),
      DATA_DIR: dataDir,
      DATABASE_URL: data.url,
    });
    const database = await openDatabase({ kind: 'postgres', url: data.url, poolMax: 2 });
    const b = await (async () => {
      try {
        return await createBackupWriter({ config, database, clock: systemClock }).backup();
      } finally {
        await database.close();
      }
    })();
    const archive = join(config.operations.backups.dir, b.archive);
    log(
      `backup: ${b.archive}, ${(b.sizeBytes / 1_048_576).toFixed(1)} MiB, ${b.tables} tables, ` +
        `${b.rows.toLocaleString('en')} rows, ${b.files} files, ${seconds(b.durationMs)} s`,
    );

    // 2. The restore, into a new empty database and a new uploads directory.
    const restoredName = `${scaleDatabaseName(args['db-prefix'], scale)}_restored_${stamp}`;
    const restoredUrl = await scratchDatabase(restoredName);
    const restoredUploads = join(work, 'restored-uploads');
    const t0 = performance.now();
    const r = await restoreArchive({
      archive,
      target: { kind: 'postgres', url: restoredUrl },
      uploadsDir: restoredUploads,
      force: false,
    });
    const restoreMs = performance.now() - t0;
    for (const m of r.mismatches) problems.push(`restore: ${JSON.stringify(m)}`);
    log(`restore into ${restoredName}: ${seconds(restoreMs)} s, ${r.mismatches.length} mismatches`);

    // 3. The weekly drill's own path (its scratch database is its own, dropped by it).
    const d = await drillArchive({ archive, databaseUrl: data.url, now: new Date() });
    for (const m of d.mismatches) problems.push(`drill: ${JSON.stringify(m)}`);
    if (!d.ok && d.mismatches.length === 0) problems.push(`drill: ${d.reason ?? 'failed'}`);
    log(`drill: ${d.ok ? 'ok' : 'FAILED'}, ${seconds(d.durationMs)} s, ${d.mismatches.length} mismatches`);

    if (args['self-test']) {
      await onServer(restoredUrl, (c) =>
        c.query(
          'update enrollments set progress_percent = progress_percent + 1 where id = (select id from enrollments order by id limit 1)',
        ),
      );
      const [first] = [...(await filesOf(restoredUploads)).keys()].sort();
      if (first) await writeFile(join(restoredUploads, first), 'spoilt');
      log(`self-test: changed one enrollment and ${first} in the restored copy`);
    }

    // 4. The independent comparison: source against the restored copy.
    const t1 = performance.now();
    const [src, dst, srcFiles, dstFiles] = await Promise.all([
      fingerprint(data.url),
      fingerprint(restoredUrl),
      filesOf(join(dataDir, 'uploads')),
      filesOf(restoredUploads),
    ]);
    const comparisonMs = performance.now() - t1;
    const compared = [
      ...differences('table', src.tables, dst.tables, (x, y) => x.rows === y.rows && x.sum === y.sum),
      ...differences('sequence', src.sequences, dst.sequences, (x, y) => x === y),
      ...[...src.schema]
        .filter((s) => !dst.schema.has(s))
        .map((s) => `schema: missing from the restored copy: ${s}`),
      ...[...dst.schema]
        .filter((s) => !src.schema.has(s))
        .map((s) => `schema: only in the restored copy: ${s}`),
      ...differences('file', srcFiles, dstFiles, (x, y) => x.size === y.size && x.sha256 === y.sha256),
    ];
    if (src.tables.size !== b.tables)
      compared.push(`tables: ${src.tables.size} in the source, ${b.tables} in the manifest`);
    if (srcFiles.size !== b.files)
      compared.push(`files: ${srcFiles.size} in uploads, ${b.files} in the manifest`);
    problems.push(...compared.map((p) => `comparison: ${p}`));
    const rows = [...src.tables.values()].reduce((n, t) => n + t.rows, 0);
    log(
      `comparison: ${src.tables.size} tables, ${rows.toLocaleString('en')} rows, ${src.sequences.size} sequences, ` +
        `${src.schema.size} schema items, ${srcFiles.size} files, ${seconds(comparisonMs)} s, ${compared.length} differences`,
    );

    const figures: Figures = {
      scale,
      database: `PostgreSQL ${await onServer(data.url, async (c) => (await c.query<{ v: string }>("select current_setting('server_version') as v")).rows[0]?.v)} (${data.name})`,
      started: started.toISOString(),
      machine: `${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
      command: ['npm run drill', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(
        ' ',
      ),
      databaseBytes,
      tables: b.tables,
      rows: b.rows,
      files: b.files,
      uploadBytes: b.fileBytes,
      dumpBytes: r.manifest.database.dumpBytes,
      archiveBytes: b.sizeBytes,
      backupS: seconds(b.durationMs),
      restoreS: seconds(restoreMs),
      drillS: seconds(d.durationMs),
      comparisonS: seconds(comparisonMs),
      comparedTables: src.tables.size,
      comparedSequences: src.sequences.size,
      comparedSchemaItems: src.schema.size,
      restoreMismatches: r.mismatches.length,
      drillMismatches: d.ok ? d.mismatches.length : Math.max(1, d.mismatches.length),
      comparisonMismatches: compared.length,
      mismatches: problems.length,
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    };
    return { figures, problems };
  } finally {
    for (const name of made)
      await onServer(adminUrl, (c) => c.query(`drop database if exists "${name}" with (force)`)).catch(
        (err: unknown) => log(`could not drop ${name}: ${(err as Error).message}`),
      );
    await rm(work, { recursive: true, force: true });
  }
}

const mib = (n: number) => `${(n / 1_048_576).toFixed(1)} MiB`;
function table(f: Figures): string {
  const lines: [string, string][] = [
    ['data set', `${f.scale} (${f.database})`],
    ['database size', mib(f.databaseBytes)],
    ['tables', String(f.tables)],
    ['rows', f.rows.toLocaleString('en')],
    ['files', String(f.files)],
    ['bytes of uploads', `${f.uploadBytes.toLocaleString('en')} (${mib(f.uploadBytes)})`],
    ['dump bytes', `${f.dumpBytes.toLocaleString('en')} (${mib(f.dumpBytes)})`],
    ['archive bytes', `${f.archiveBytes.toLocaleString('en')} (${mib(f.archiveBytes)})`],
    ['backup s', f.backupS.toFixed(2)],
    ['restore s', f.restoreS.toFixed(2)],
    ['drill s', f.drillS.toFixed(2)],
    ['comparison s', f.comparisonS.toFixed(2)],
    [
      'compared',
      `${f.comparedTables} tables, ${f.comparedSequences} sequences, ${f.comparedSchemaItems} schema items, ${f.files} files`,
    ],
    [
      'mismatches',
      `${f.mismatches} (restore ${f.restoreMismatches}, drill ${f.drillMismatches}, comparison ${f.comparisonMismatches})`,
    ],
    ['peak RSS of the script', `${f.peakRssMb} MiB`],
  ];
  const w = Math.max(...lines.map(([k]) => k.length));
  const v = Math.max(...lines.map(([, x]) => x.length));
  return [
    `| ${'figure'.padEnd(w)} | ${'value'.padEnd(v)} |`,
    `|${'-'.repeat(w + 2)}|${'-'.repeat(v + 2)}|`,
    ...lines.map(([k, x]) => `| ${k.padEnd(w)} | ${x.padEnd(v)} |`),
  ].join('\n');
}

const { figures, problems } = await main();
if (args['self-test']) {
  process.stdout.write(`\n${table(figures)}\n\n${problems.map((p) => `  ${p}`).join('\n')}\n`);
  const found =
    problems.some((p) => p.startsWith('comparison: table public.enrollments')) &&
    problems.some((p) => p.startsWith('comparison: file '));
  process.stdout.write(found ? 'self-test: the comparison found both changes\n' : 'self-test: FAILED\n');
  process.exit(found ? 0 : 1);
}
const name = `drill-${scale.toLowerCase()}`;
await mkdir(args.out, { recursive: true });
await writeFile(join(args.out, `${name}.json`), `${JSON.stringify({ ...figures, problems }, null, 2)}\n`);
await writeFile(
  join(args.out, `${name}.md`),
  `# Backup → restore drill at scale ${scale}\n\n` +
    `\`${figures.command}\`, started ${figures.started} on ${figures.machine}.\n\n` +
    'The backup is written by `createBackupWriter`, restored by `restoreArchive` into a new empty database ' +
    'and uploads directory, and drilled by `drillArchive` (both compare with the manifest). The comparison ' +
    'is a second opinion computed by `bench/drill.ts` from the source and the restored copy: row counts and ' +
    'order-independent sums of the sha256 of each row as JSON, sequence values, columns, indexes, ' +
    'constraints and enums, and the sha256 of every file. Times are wall-clock on a shared machine; the ' +
    'peak RSS is the script process (not pg_dump/pg_restore or PostgreSQL).\n\n' +
    `${table(figures)}\n` +
    (problems.length > 0 ? `\n## Differences\n\n${problems.map((p) => `- ${p}`).join('\n')}\n` : ''),
);
process.stdout.write(`\n${table(figures)}\n\nwrote ${join(args.out, `${name}.json`)} and ${name}.md\n`);
if (problems.length > 0) {
  process.stdout.write(`\n${problems.length} differences:\n${problems.map((p) => `  ${p}`).join('\n')}\n`);
  process.exit(1);
}
process.exit(0);
