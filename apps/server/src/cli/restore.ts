/**
 * `npm run restore -- <archive> [--force]`: restore a backup archive into the database of DATABASE_URL
 * (or the embedded one in DATA_DIR) and DATA_DIR/uploads.
 *
 * 1. The archive is extracted to a scratch directory and every checksum is verified (the dump's, every
 *    file's); a corrupted or truncated archive is refused before anything is touched.
 * 2. The target must be empty (no table with rows, no file in uploads); `--force` drops it and replaces
 *    it. Stop the app first: a restore replaces the database under it.
 * 3. The database and the files are restored, then every table's row count and checksum and every
 *    file's are compared with the manifest. Exit code 0 only when everything matches.
 * 4. With REDIS_URL set, the academy's keys in the shared cache (those under REDIS_KEY_PREFIX) are
 *    deleted: cached pages, courses and sessions of the database as it was must not outlive it.
 *
 * Exit codes: 0 restored and verified, 1 failed, 2 the archive is bad, 3 the target is not empty,
 * 4 restored but not as the manifest says, 5 restored but the shared cache could not be emptied,
 * 64 bad usage.
 */
import { join, resolve } from 'node:path';
import { ArchiveError } from '../modules/operations/backups/archive.ts';
import { TargetNotEmptyError } from '../modules/operations/backups/database-snapshot.ts';
import { describeMismatches } from '../modules/operations/backups/manifest.ts';
import { restoreArchive } from '../modules/operations/backups/restore.service.ts';
import { resetSharedCache } from '../platform/shared-cache-reset.ts';
import { cliConfig, mib, table } from './cli-support.ts';

const USAGE = 'Usage: npm run restore -- <archive.tar.gz> [--force]\n';

async function main(argv: string[]): Promise<number> {
  const force = argv.includes('--force');
  const rest = argv.filter((a) => a !== '--force');
  if (rest.length !== 1 || rest[0]?.startsWith('-')) {
    process.stderr.write(USAGE);
    return 64;
  }
  const archive = resolve(rest[0] as string);
  const config = cliConfig();
  const target =
    config.db.kind === 'postgres'
      ? { kind: 'postgres' as const, url: config.db.url }
      : { kind: 'embedded' as const, dir: config.db.dir ?? join(config.dataDir, 'pglite') };
  const uploadsDir = join(config.dataDir, 'uploads');
  process.stdout.write(`Verifying ${archive}…\n`);
  try {
    const s = await restoreArchive({ archive, target, uploadsDir, force });
    process.stdout.write(
      `${table([
        ['archive', s.archive],
        ['made at', s.manifest.createdAt],
        [
          'made by',
          `9tangle ${s.manifest.appVersion}, ${s.manifest.database.kind} ${s.manifest.database.serverVersion}`,
        ],
        ['tables', s.tables],
        ['rows', s.rows],
        ['files', s.files],
        ['bytes', `${s.bytes} (${mib(s.bytes)})`],
        ['seconds', s.seconds],
      ])}\n`,
    );
    if (s.mismatches.length > 0) {
      process.stderr.write(`Restored, but not as the backup says: ${describeMismatches(s.mismatches)}\n`);
      return 4;
    }
    if (config.redis) {
      const { url, keyPrefix } = config.redis;
      try {
        const removed = await resetSharedCache(url, keyPrefix);
        process.stdout.write(`Shared cache emptied: ${removed} keys under "${keyPrefix}" deleted.\n`);
      } catch (err) {
        process.stderr.write(
          `Restored and verified, but the shared cache could not be emptied (${(err as Error).message}). Delete the keys under "${keyPrefix}" in Redis before starting the app: they hold pages and sessions of the database as it was.\n`,
        );
        return 5;
      }
    }
    process.stdout.write(
      'Restored and verified: every table and file matches the manifest. Start the app; its job queue starts empty.\n',
    );
    return 0;
  } catch (err) {
    if (err instanceof ArchiveError) {
      process.stderr.write(`Refused: ${err.message}. Nothing was changed.\n`);
      return 2;
    }
    if (err instanceof TargetNotEmptyError) {
      process.stderr.write(
        `Refused: ${err.message}. Nothing was changed. Restore into an empty database and data directory, or stop the app and run again with --force to replace everything.\n`,
      );
      return 3;
    }
    throw err;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`Restore failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
