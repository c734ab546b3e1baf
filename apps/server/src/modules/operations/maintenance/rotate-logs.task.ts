import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { readdir, rename, stat, unlink, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { DAY_MS, type MaintenanceTask } from './task.ts';

/** Log files (compressed or not) older than this are removed. */
export const LOG_RETENTION_DAYS = 14;
/** A dated file of an earlier day is compressed once it has not been written for this long. */
const QUIET_MS = 60 * 60_000;
/** A file of the undated naming (before dated names) is compressed once this old. */
const LEGACY_QUIET_MS = 2 * DAY_MS;

/** `access.2026-11-30.3` (pino-roll, dated), `error.4` (undated), and either with `.gz` (compressed). */
const LOG_NAME = /^(access|error)\.(?:(\d{4}-\d{2}-\d{2})\.)?(\d+)(?:-\d+)?(\.gz)?$/;

/** Today's date as pino-roll writes it in file names (date-fns `yyyy-MM-dd`, the process's local time). */
export function localDay(at: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${p(at.getMonth() + 1)}-${p(at.getDate())}`;
}

async function gzipFile(path: string, mtime: Date): Promise<{ target: string; bytes: number } | null> {
  let target = `${path}.gz`;
  for (let k = 2; await exists(target); k++) target = `${path}-${k}.gz`;
  const tmp = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await pipeline(createReadStream(path), createGzip({ level: 9 }), createWriteStream(tmp, { flags: 'wx' }));
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    // Another run compressed (and removed) it first.
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  await rename(tmp, target);
  // The compressed copy keeps the original's time, so retention counts from the last line written.
  await utimes(target, mtime, mtime);
  await unlink(path).catch(() => undefined);
  return { target, bytes: (await stat(target)).size };
}

const exists = (p: string) =>
  stat(p).then(
    () => true,
    () => false,
  );

async function logDirs(root: string): Promise<string[]> {
  const entries = await readdir(root, { withFileTypes: true }).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return [];
    throw err;
  });
  // Several instances on one host each log to a directory of their own under one parent (deploy/):
  // the process that runs this job sweeps its directory and the ones directly under it.
  return [root, ...entries.filter((e) => e.isDirectory()).map((e) => join(root, e.name))];
}

/**
 * `rotate_logs` (daily): pino-roll starts a new `access`/`error` file every day and removes old ones
 * only among those it made since the process started, so after restarts files pile up. This job
 * gzips every file of an earlier day (never the one being written) and removes files older than
 * LOG_RETENTION_DAYS, in LOG_DIR and the directories directly under it.
 */
export const rotateLogs: MaintenanceTask = async (ctx) => {
  const root = ctx.config.log.dir;
  if (!root) return { logDir: null, skipped: 'no log directory (LOG_LEVEL=silent or no LOG_DIR)' };
  const now = ctx.clock.now();
  const today = localDay(now);
  const removeBefore = now.getTime() - LOG_RETENTION_DAYS * DAY_MS;
  let compressed = 0;
  let removed = 0;
  let bytesBefore = 0;
  let bytesAfter = 0;
  let bytesRemoved = 0;
  const dirs = await logDirs(root);
  for (const dir of dirs) {
    for (const name of await readdir(dir).catch(() => [] as string[])) {
      const m = name.match(LOG_NAME);
      if (!m) continue;
      const path = join(dir, name);
      const info = await stat(path).catch(() => null);
      if (!info?.isFile()) continue;
      const age = now.getTime() - info.mtimeMs;
      if (info.mtimeMs < removeBefore) {
        await unlink(path).catch(() => undefined);
        removed += 1;
        bytesRemoved += info.size;
        continue;
      }
      if (m[4]) continue; // already compressed
      const day = m[2];
      const isQuiet = day ? day < today && age > QUIET_MS : age > LEGACY_QUIET_MS;
      if (!isQuiet) continue;
      const done = await gzipFile(path, info.mtime);
      if (!done) continue;
      compressed += 1;
      bytesBefore += info.size;
      bytesAfter += done.bytes;
    }
  }
  ctx.log.info({ compressed, removed }, 'log files rotated');
  return {
    logDir: root,
    directories: dirs.length,
    compressed,
    removed,
    bytesBefore,
    bytesAfter,
    bytesRemoved,
    retentionDays: LOG_RETENTION_DAYS,
  };
};
