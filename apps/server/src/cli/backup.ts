/**
 * `npm run backup`: write one archive of the database and the uploaded files to BACKUP_DIR (default
 * DATA_DIR/backups), recorded in `job_runs` like the scheduled backup, then apply retention.
 *
 * On PostgreSQL it runs beside the live app (pg_dump reads one consistent snapshot). The embedded
 * database (PGlite) belongs to one process at a time: stop the app first, or use "Back up now" on
 * /admin/backups, which backs up from inside the running app.
 */
import { openDatabase, waitForDatabase } from '../db/client.ts';
import { runMigrations } from '../db/migrate.ts';
import { createBackupRunner } from '../modules/operations/backups/backups.service.ts';
import { systemClock } from '../platform/clock.ts';
import { cliConfig, cliLogger, mib, table } from './cli-support.ts';

async function main(): Promise<number> {
  const config = cliConfig();
  const log = cliLogger();
  const database = await openDatabase(config.db, (err) =>
    log.warn({ err: err.message }, 'database connection lost'),
  );
  try {
    await waitForDatabase(database, { attempts: 5 });
    // job_runs must exist to record the run; on a migrated database this does nothing.
    await runMigrations(database);
    const runner = createBackupRunner({ config, database, clock: systemClock, log });
    process.stdout.write(
      `Backing up the ${database.kind === 'postgres' ? 'PostgreSQL' : 'embedded'} database and uploads…\n`,
    );
    const run = await runner.backupNow({ trigger: 'cli' });
    if (!run) {
      process.stderr.write('A backup is already running (see /admin/backups); not starting another.\n');
      return 1;
    }
    if (run.status !== 'succeeded') {
      process.stderr.write(`Backup failed: ${run.error}\n`);
      return 1;
    }
    const r = run.result as {
      archive: string;
      sizeBytes: number;
      tables: number;
      rows: number;
      files: number;
      fileBytes: number;
      durationMs: number;
      deleted: string[];
    };
    process.stdout.write(
      `${table([
        ['archive', `${runner.writer.directory}/${r.archive}`],
        ['size', mib(r.sizeBytes)],
        ['tables', r.tables],
        ['rows', r.rows],
        ['files', `${r.files} (${mib(r.fileBytes)})`],
        ['seconds', (r.durationMs / 1000).toFixed(2)],
        ['removed by retention', r.deleted.length ? r.deleted.join(', ') : 'none'],
      ])}\n`,
    );
    return 0;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`Backup failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
