import { link, mkdir, mkdtemp, readdir, rm, stat, symlink, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../../../config.ts';
import type { Database } from '../../../db/client.ts';
import type { Clock } from '../../../platform/clock.ts';
import { ArchiveError, digestArchive, listFiles, sha256File, writeArchive } from './archive.ts';
import { dumpDatabase } from './database-snapshot.ts';
import {
  compareFiles,
  DUMP_ENTRY,
  describeMismatches,
  MANIFEST_ENTRY,
  MANIFEST_FORMAT,
  type Manifest,
  type Mismatch,
  UPLOADS_PREFIX,
} from './manifest.ts';
import { archiveNameFor, archivesToDelete, archiveTime, isArchiveName } from './retention.policy.ts';
import { EXCLUDED_SCHEMA_PATTERN } from './table-checksums.ts';

export type BackupConfig = Pick<Config, 'version' | 'dataDir' | 'db' | 'operations'>;

/** What a backup run records in `job_runs.result` (the checks and the admin page read these keys). */
export interface BackupResult {
  archive: string;
  sizeBytes: number;
  tables: number;
  rows: number;
  files: number;
  fileBytes: number;
  durationMs: number;
  /** Archives removed by retention after this one was written. */
  deleted: string[];
}

/** Leftovers of a crashed backup (a temp archive, a staging directory) go after this long untouched. */
const LEFTOVER_MS = 24 * 3_600_000;

/**
 * Writing archives, listing them, and retention. An archive is written under a temp name
 * (`.<name>.partial`), read back and checked entry by entry against its manifest, and only then given
 * its final name (a hard link, which never replaces an existing archive): a crash never leaves half an
 * archive under a name that looks finished.
 */
export function createBackupWriter(d: { config: BackupConfig; database: Database; clock: Clock }) {
  const dir = d.config.operations.backups.dir;
  const uploadsDir = join(d.config.dataDir, 'uploads');
  const url = d.config.db.kind === 'postgres' ? d.config.db.url : null;
  const store = createArchiveStore({
    dir,
    retentionDays: d.config.operations.backups.retentionDays,
    clock: d.clock,
  });

  return {
    ...store,

    /** Write one archive of the database and the uploads; then apply retention. */
    async backup(): Promise<BackupResult> {
      const started = performance.now();
      const createdAt = d.clock.now();
      await mkdir(dir, { recursive: true });
      const staging = await mkdtemp(join(dir, '.staging-'));
      const tmp = join(dir, `.${archiveNameFor(createdAt)}.${process.pid}.partial`);
      try {
        await mkdir(join(staging, 'database'));
        const dumpEntry = DUMP_ENTRY[d.database.kind];
        const dumpPath = join(staging, dumpEntry);
        const dump = await dumpDatabase(d.database, url, dumpPath);
        const files = [];
        for (const f of await listFiles(uploadsDir))
          files.push({ path: f.path, size: f.size, sha256: await sha256File(join(uploadsDir, f.path)) });
        if (files.length > 0) await symlink(uploadsDir, join(staging, 'uploads'), 'dir');
        const manifest: Manifest = {
          format: MANIFEST_FORMAT,
          app: '9tangle-lms',
          appVersion: d.config.version,
          createdAt: createdAt.toISOString(),
          database: {
            kind: d.database.kind,
            serverVersion: dump.serverVersion,
            dump: dumpEntry,
            dumpBytes: (await stat(dumpPath)).size,
            dumpSha256: await sha256File(dumpPath),
            excludedSchemas: [EXCLUDED_SCHEMA_PATTERN],
          },
          tables: dump.tables,
          files,
          totals: {
            tables: dump.tables.length,
            rows: dump.tables.reduce((n, t) => n + t.rows, 0),
            files: files.length,
            fileBytes: files.reduce((n, f) => n + f.size, 0),
          },
        };
        await writeFile(join(staging, MANIFEST_ENTRY), `${JSON.stringify(manifest, null, 2)}\n`);
        await writeArchive({
          file: tmp,
          cwd: staging,
          entries: [MANIFEST_ENTRY, dumpEntry, ...files.map((f) => UPLOADS_PREFIX + f.path)],
        });
        const problems = await checkWritten(tmp, manifest);
        if (problems.length > 0)
          throw new ArchiveError(`the archive did not read back as written: ${describeMismatches(problems)}`);
        const name = await publish(tmp, dir, createdAt);
        const sizeBytes = (await stat(join(dir, name))).size;
        const deleted = await store.applyRetention();
        return {
          archive: name,
          sizeBytes,
          tables: manifest.totals.tables,
          rows: manifest.totals.rows,
          files: manifest.totals.files,
          fileBytes: manifest.totals.fileBytes,
          durationMs: Math.round(performance.now() - started),
          deleted,
        };
      } finally {
        await rm(tmp, { force: true });
        await rm(staging, { recursive: true, force: true });
      }
    },
  };
}

/** The finished archives of the backup directory, and retention over them. */
export function createArchiveStore(o: { dir: string; retentionDays: number; clock: Clock }) {
  const { dir } = o;
  const store = {
    directory: dir,

    /** The finished archives, newest first (by the time in their names: copying a file does not change it). */
    async list(): Promise<{ name: string; sizeBytes: number; createdAt: Date }[]> {
      let names: string[];
      try {
        names = await readdir(dir);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw err;
      }
      const out = [];
      for (const name of names.filter(isArchiveName)) {
        const s = await stat(join(dir, name)).catch(() => null);
        if (s?.isFile()) out.push({ name, sizeBytes: s.size, createdAt: archiveTime(name) ?? s.mtime });
      }
      return out.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.name < b.name ? 1 : -1));
    },

    /**
     * Delete archives past `retentionDays` (always keeping the newest), and the leftovers of crashed
     * backups untouched for a day. A running backup's temp file is written to continuously, so it is
     * never that old.
     */
    async applyRetention(): Promise<string[]> {
      const now = o.clock.now();
      const archives = await store.list();
      const doomed = archivesToDelete(archives, {
        now,
        retentionDays: o.retentionDays,
      });
      for (const name of doomed) await rm(join(dir, name), { force: true });
      for (const name of await readdir(dir).catch(() => [] as string[])) {
        if (!/^\.(staging-|9tangle-backup-)/.test(name)) continue;
        const s = await stat(join(dir, name)).catch(() => null);
        if (s && now.getTime() - s.mtime.getTime() > LEFTOVER_MS)
          await rm(join(dir, name), { recursive: true, force: true });
      }
      return doomed;
    },
  };
  return store;
}

/** Read the written archive back: the manifest it holds, the dump and every file, byte for byte. */
async function checkWritten(file: string, manifest: Manifest): Promise<Mismatch[]> {
  const { manifest: read, entries } = await digestArchive(file);
  const problems: Mismatch[] = [];
  if (JSON.stringify(read) !== JSON.stringify(manifest))
    problems.push({ kind: 'checksum', name: MANIFEST_ENTRY });
  const dump = entries.get(manifest.database.dump);
  if (dump?.sha256 !== manifest.database.dumpSha256)
    problems.push({ kind: 'dump_checksum', name: manifest.database.dump });
  const files = [...entries]
    .filter(([p]) => p.startsWith(UPLOADS_PREFIX))
    .map(([p, v]) => ({ path: p.slice(UPLOADS_PREFIX.length), ...v }));
  return [...problems, ...compareFiles(manifest.files, files)];
}

/** Give the checked temp archive its final name, never replacing one (a second backup in the same second). */
async function publish(tmp: string, dir: string, at: Date): Promise<string> {
  for (let suffix = 0; ; suffix++) {
    const name = archiveNameFor(at, suffix);
    try {
      await link(tmp, join(dir, name));
      await unlink(tmp);
      return name;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || suffix > 50) throw err;
    }
  }
}

export type BackupWriter = ReturnType<typeof createBackupWriter>;
