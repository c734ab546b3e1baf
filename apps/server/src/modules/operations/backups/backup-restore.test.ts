import { mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, externalDatabaseUrl, type TestApp } from '../../../../test/harness.ts';
import { openDatabase } from '../../../db/client.ts';
import { systemClock } from '../../../platform/clock.ts';
import { seedDemo } from '../../../seed/demo.ts';
import { buildUser } from '../../../seed/factories.ts';
import { ArchiveError, digestArchive, listFiles, sha256File } from './archive.ts';
import { type BackupResult, createBackupWriter } from './backup.service.ts';
import { TargetNotEmptyError } from './database-snapshot.ts';
import { withDatabase } from './pg-tools.ts';
import { drillArchive, restoreArchive } from './restore.service.ts';
import { type QueryFn, tableChecksums } from './table-checksums.ts';

/**
 * Backup → wipe → restore, compared table by table (row counts and content checksums taken from the
 * live database, not from the manifest) and file by file, on the embedded database and, when the suite
 * runs against PostgreSQL, on a scratch PostgreSQL database made for the test (never the shared one).
 */
const scratchName = `bk_${Date.now().toString(36)}_${process.pid}`;
const scratchUrl = externalDatabaseUrl ? withDatabase(externalDatabaseUrl, scratchName) : null;

async function adminQuery(text: string) {
  const c = new pg.Client({ connectionString: externalDatabaseUrl ?? '' });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

let t: TestApp;
let backup: BackupResult;
let archive: string;
let liveTables: Awaited<ReturnType<typeof tableChecksums>>;
let liveFiles: { path: string; sha256: string }[];
let work: string;
let closed = false;

const query =
  (t: TestApp): QueryFn =>
  (text, values) =>
    t.platform.database.raw.query(text, values) as never;

async function filesOf(dir: string) {
  const out = [];
  for (const f of await listFiles(dir))
    out.push({ path: f.path, sha256: await sha256File(join(dir, f.path)) });
  return out;
}

beforeAll(async () => {
  if (scratchUrl) await adminQuery(`create database ${scratchName}`);
  t = await createTestApp(scratchUrl ? { env: { DATABASE_URL: scratchUrl } } : {});
  const db = t.platform.database.db;
  await seedDemo(db, { storage: t.platform.storage, timeZone: 'Asia/Karachi' });
  await buildUser(db, { role: 'admin', name: "Zoë O'Brien — ڈیٹا" });
  await t.platform.storage.put('avatars/extra/z.bin', Buffer.from([0, 1, 2, 255]));
  work = await mkdtemp(join(tmpdir(), '9tangle-bk-test-'));
  const writer = createBackupWriter({
    config: {
      ...t.config,
      operations: {
        ...t.config.operations,
        backups: { ...t.config.operations.backups, dir: join(work, 'backups') },
      },
    },
    database: t.platform.database,
    clock: systemClock,
  });
  backup = await writer.backup();
  archive = join(work, 'backups', backup.archive);
  liveTables = await tableChecksums(query(t), { inTransaction: false });
  liveFiles = await filesOf(join(t.config.dataDir, 'uploads'));
}, 120_000);

afterAll(async () => {
  if (!closed) await t?.close();
  if (scratchUrl) await adminQuery(`drop database if exists ${scratchName} with (force)`);
  if (work) await rm(work, { recursive: true, force: true });
});

describe('a backup', () => {
  it('writes one archive whose manifest lists every table and file of the academy', async () => {
    expect(backup.archive).toMatch(/^9tangle-backup-\d{8}T\d{6}Z\.tar\.gz$/);
    expect(backup.sizeBytes).toBeGreaterThan(1000);
    const { manifest, entries } = await digestArchive(archive);
    expect(manifest.database.kind).toBe(t.platform.database.kind);
    expect(manifest.tables.map((x) => x.table)).toEqual(liveTables.map((x) => x.table));
    expect(manifest.tables).toEqual(liveTables);
    expect(manifest.tables.find((x) => x.table === 'public.users')?.rows).toBeGreaterThan(5);
    expect(manifest.tables.some((x) => x.table.startsWith('pgboss'))).toBe(false);
    expect(manifest.files.map((f) => f.path).sort()).toEqual(liveFiles.map((f) => f.path).sort());
    expect(manifest.files.length).toBeGreaterThan(1);
    expect(entries.get(manifest.database.dump)?.sha256).toBe(manifest.database.dumpSha256);
    expect(backup.rows).toBe(liveTables.reduce((n, x) => n + x.rows, 0));
  });
});

describe('restore', () => {
  it('brings back every table and file exactly after the database and uploads are wiped', async () => {
    const uploadsDir = join(t.config.dataDir, 'uploads');
    let target: { kind: 'postgres'; url: string } | { kind: 'embedded'; dir: string };
    if (scratchUrl) {
      // Wipe the source itself: the app is closed, its schemas dropped, its files deleted.
      await t.close();
      closed = true;
      await adminQuery(`drop database ${scratchName} with (force)`);
      await adminQuery(`create database ${scratchName}`);
      target = { kind: 'postgres', url: scratchUrl };
    } else {
      target = { kind: 'embedded', dir: join(work, 'pglite-restored') };
    }
    await rm(uploadsDir, { recursive: true, force: true });
    const summary = await restoreArchive({ archive, target, uploadsDir, force: false });
    expect(summary.mismatches).toEqual([]);
    expect(summary.files).toBe(liveFiles.length);

    const restored =
      target.kind === 'postgres'
        ? await openDatabase({ kind: 'postgres', url: target.url, poolMax: 2 })
        : await openDatabase({ kind: 'pglite', dir: target.dir });
    try {
      const q: QueryFn = (text, values) => restored.raw.query(text, values) as never;
      expect(await tableChecksums(q, { inTransaction: false })).toEqual(liveTables);
      const { rows } = await restored.raw.query<{ name: string }>(
        "select name from users where name like 'Zoë%'",
      );
      expect(rows[0]?.name).toBe("Zoë O'Brien — ڈیٹا");
    } finally {
      await restored.close();
    }
    expect(await filesOf(uploadsDir)).toEqual(liveFiles);
    expect(
      (await readFile(join(uploadsDir, 'avatars/extra/z.bin'))).equals(Buffer.from([0, 1, 2, 255])),
    ).toBe(true);

    // The target now holds data: a second restore is refused until forced, and forced it replaces it.
    await expect(restoreArchive({ archive, target, uploadsDir, force: false })).rejects.toBeInstanceOf(
      TargetNotEmptyError,
    );
    await writeFile(join(uploadsDir, 'stray.txt'), 'not in the backup');
    const forced = await restoreArchive({ archive, target, uploadsDir, force: true });
    expect(forced.mismatches).toEqual([]);
    expect(await filesOf(uploadsDir)).toEqual(liveFiles);
  }, 120_000);

  it('refuses an archive with one flipped byte before touching the target', async () => {
    const bad = join(work, 'flipped.tar.gz');
    const bytes = await readFile(archive);
    const at = Math.floor(bytes.length / 2);
    bytes[at] = (bytes[at] ?? 0) ^ 0xff;
    await writeFile(bad, bytes);
    const uploadsDir = join(work, 'untouched-uploads');
    const target = { kind: 'embedded' as const, dir: join(work, 'untouched-db') };
    await expect(restoreArchive({ archive: bad, target, uploadsDir, force: true })).rejects.toBeInstanceOf(
      ArchiveError,
    );
    expect(await listFiles(target.dir)).toEqual([]);
  });

  it('refuses a truncated archive', async () => {
    const bad = join(work, 'truncated.tar.gz');
    await writeFile(bad, await readFile(archive));
    await truncate(bad, Math.floor(backup.sizeBytes * 0.7));
    await expect(
      restoreArchive({
        archive: bad,
        target: { kind: 'embedded', dir: join(work, 'x-db') },
        uploadsDir: join(work, 'x-up'),
        force: true,
      }),
    ).rejects.toThrow(/corrupted or truncated/);
  });
});

describe('the restore drill', () => {
  it('restores the archive into a scratch database and finds every table as the manifest says', async () => {
    const r = await drillArchive({
      archive,
      databaseUrl: externalDatabaseUrl ? scratchUrl : null,
      now: new Date(),
    });
    expect(r.reason).toBeUndefined();
    expect(r.ok).toBe(true);
    expect(r.mismatches).toEqual([]);
    expect(r.tables).toBe(liveTables.length);
    expect(r.durationMs).toBeGreaterThan(0);
    // A whole restore, as the other restores here: 36 s on PGlite when the machine was slow.
  }, 120_000);

  it.each([
    [
      'a flipped byte',
      (b: Buffer) => {
        const at = Math.floor(b.length / 3);
        b[at] = (b[at] ?? 0) ^ 0x01;
        return b;
      },
    ],
    ['truncation', (b: Buffer) => b.subarray(0, Math.floor(b.length / 2))],
  ])('fails with the reason when the archive is damaged by %s', async (_what, damage) => {
    const bad = join(work, `drill-${Math.random().toString(36).slice(2)}.tar.gz`);
    await writeFile(bad, damage(Buffer.from(await readFile(archive))));
    const r = await drillArchive({ archive: bad, databaseUrl: scratchUrl, now: new Date() });
    expect(r.ok).toBe(false);
    expect(r.reason).toMatch(/corrupted or truncated|does not match its manifest/);
  });
});
