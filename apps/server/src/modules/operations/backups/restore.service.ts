import { cp, mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ArchiveError, extractArchive, listFiles, sha256File } from './archive.ts';
import {
  type DatabaseTarget,
  restoreDatabase,
  restoreIntoScratch,
  TargetNotEmptyError,
} from './database-snapshot.ts';
import { compareFiles, compareTables, describeMismatches, type Manifest, type Mismatch } from './manifest.ts';

export interface RestoreSummary {
  archive: string;
  manifest: Manifest;
  tables: number;
  rows: number;
  files: number;
  bytes: number;
  seconds: number;
  /** Empty when every table and file matches the manifest. */
  mismatches: Mismatch[];
}

/** The drill's result as `job_runs.result` records it (the operations checks read these keys). */
export interface DrillResult {
  archive: string;
  ok: boolean;
  tables: number;
  rows: number;
  files: number;
  mismatches: Mismatch[];
  durationMs: number;
  /** Why the drill failed, when it did. */
  reason?: string;
}

/**
 * Extract an archive into a scratch directory and check every byte of it against its manifest (the
 * dump's sha256, each file's size and sha256, no file missing or extra) before anything is restored.
 */
async function unpackVerified(archive: string): Promise<{ work: string; manifest: Manifest }> {
  const work = await mkdtemp(join(tmpdir(), '9tangle-restore-'));
  try {
    const manifest = await extractArchive(archive, work);
    const problems: Mismatch[] = [];
    const dumpPath = join(work, manifest.database.dump);
    const dumpSha = await sha256File(dumpPath).catch(() => null);
    if (dumpSha !== manifest.database.dumpSha256)
      problems.push({
        kind: 'dump_checksum',
        name: manifest.database.dump,
        expected: manifest.database.dumpSha256,
        actual: dumpSha ?? 'missing',
      });
    problems.push(...compareFiles(manifest.files, await hashAll(join(work, 'uploads'))));
    if (problems.length > 0)
      throw new ArchiveError(`the archive does not match its manifest: ${describeMismatches(problems)}`);
    return { work, manifest };
  } catch (err) {
    // A truncated archive fails the extraction while its last file is still being written: retried,
    // the removal waits for it (ENOTEMPTY) instead of replacing the archive's error with its own.
    await rm(work, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
    throw err;
  }
}

async function hashAll(root: string): Promise<{ path: string; size: number; sha256: string }[]> {
  const out = [];
  for (const f of await listFiles(root)) out.push({ ...f, sha256: await sha256File(join(root, f.path)) });
  return out;
}

const name = (archive: string) => archive.split(/[\\/]/).pop() ?? archive;

/**
 * `npm run restore`: verify the archive whole, refuse a target that holds anything (a table with rows,
 * a file in uploads) unless `force`, restore the database and the files, then compare every table and
 * file with the manifest. Throws `ArchiveError` for a bad archive and `TargetNotEmptyError` for a
 * target in use, in both cases before the target is touched.
 */
export async function restoreArchive(o: {
  archive: string;
  target: DatabaseTarget;
  uploadsDir: string;
  force: boolean;
}): Promise<RestoreSummary> {
  const started = performance.now();
  const { work, manifest } = await unpackVerified(o.archive);
  try {
    if (manifest.database.kind !== o.target.kind)
      throw new ArchiveError(
        manifest.database.kind === 'postgres'
          ? 'this archive holds a PostgreSQL dump: restore it with DATABASE_URL set to an empty PostgreSQL database'
          : 'this archive holds an embedded (PGlite) database: restore it without DATABASE_URL, into DATA_DIR',
      );
    const present = await listFiles(o.uploadsDir);
    if (present.length > 0 && !o.force)
      throw new TargetNotEmptyError([`${present.length} files in ${o.uploadsDir}`]);
    const tables = await restoreDatabase(o.target, join(work, manifest.database.dump), { force: o.force });
    await rm(o.uploadsDir, { recursive: true, force: true });
    await mkdir(o.uploadsDir, { recursive: true });
    if (manifest.files.length > 0) await cp(join(work, 'uploads'), o.uploadsDir, { recursive: true });
    const mismatches = [
      ...compareTables(manifest.tables, tables),
      ...compareFiles(manifest.files, await hashAll(o.uploadsDir)),
    ];
    return {
      archive: name(o.archive),
      manifest,
      tables: tables.length,
      rows: tables.reduce((n, t) => n + t.rows, 0),
      files: manifest.files.length,
      bytes: (await stat(o.archive)).size,
      seconds: Math.round((performance.now() - started) / 10) / 100,
      mismatches,
    };
  } finally {
    await rm(work, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
  }
}

/**
 * The restore drill: restore an archive into a scratch database (dropped afterwards), compare every
 * table's count and checksum with the manifest and verify every file by extracting it. Never throws
 * for a bad archive: the result says what failed.
 */
export async function drillArchive(o: {
  archive: string;
  databaseUrl: string | null;
  now: Date;
}): Promise<DrillResult> {
  const started = performance.now();
  const base = { archive: name(o.archive), tables: 0, rows: 0, files: 0, mismatches: [] as Mismatch[] };
  const done = (r: Partial<DrillResult> & { ok: boolean }): DrillResult => ({
    ...base,
    ...r,
    durationMs: Math.round(performance.now() - started),
  });
  let unpacked: { work: string; manifest: Manifest };
  try {
    unpacked = await unpackVerified(o.archive);
  } catch (err) {
    return done({ ok: false, reason: (err as Error).message });
  }
  const { work, manifest } = unpacked;
  try {
    if (manifest.database.kind === 'postgres' && !o.databaseUrl)
      return done({
        ok: false,
        reason: 'this archive holds a PostgreSQL dump: drilling it needs a PostgreSQL server',
      });
    const tables = await restoreIntoScratch(
      manifest.database.kind,
      o.databaseUrl,
      join(work, manifest.database.dump),
      o.now,
    );
    const mismatches = compareTables(manifest.tables, tables);
    return done({
      ok: mismatches.length === 0,
      tables: tables.length,
      rows: tables.reduce((n, t) => n + t.rows, 0),
      files: manifest.files.length,
      mismatches,
      ...(mismatches.length > 0 ? { reason: describeMismatches(mismatches) } : {}),
    });
  } catch (err) {
    return done({ ok: false, reason: `the restore failed: ${(err as Error).message}` });
  } finally {
    await rm(work, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
  }
}
