import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { BackupRunDto, BackupsOverview } from '@9tangle/contracts';
import type { Logger } from 'pino';
import type { Database } from '../../../db/client.ts';
import type { JobRunRow } from '../../../db/schema/index.ts';
import { conflict, notFound } from '../../../http/errors.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Jobs } from '../../../platform/jobs.ts';
import { type BackupConfig, createBackupWriter } from './backup.service.ts';
import { type BackupJob, backupsRepo } from './backups.repo.ts';
import { drillArchive } from './restore.service.ts';
import { isArchiveName } from './retention.policy.ts';

export const BACKUP_QUEUE = 'operations.backup';
export const DRILL_QUEUE = 'operations.restore_drill';

/** What a queued job carries: the run made when it was asked for (none when the schedule fired). */
interface RunJobData {
  runId?: string;
  archive?: string;
}

/** A backup of a large site takes a while; pg-boss must not expire the job (and run it again) meanwhile. */
const JOB_EXPIRE_SECONDS = 6 * 3600;

export const toRunDto = (r: JobRunRow): BackupRunDto => ({
  id: r.id,
  job: r.job as BackupJob,
  status: r.status,
  trigger: r.trigger,
  startedAt: r.startedAt.toISOString(),
  finishedAt: r.finishedAt?.toISOString() ?? null,
  durationMs: r.durationMs,
  result: r.result ?? null,
  error: r.error,
});

/**
 * Backups and drills as recorded runs (`job_runs`), at most one of each at a time: a start is refused
 * while one is running, whoever asked (the schedule, the admin panel or `npm run backup`).
 */
export function createBackupRunner(d: {
  config: BackupConfig;
  database: Database;
  clock: Clock;
  log: Pick<Logger, 'info' | 'error' | 'warn'>;
}) {
  const writer = createBackupWriter(d);
  const db = d.database.db;
  const url = d.config.db.kind === 'postgres' ? d.config.db.url : null;

  /** Run a job's body inside its `job_runs` row: succeeded with its result, or failed with the reason. */
  async function execute(
    run: JobRunRow,
    body: () => Promise<{ result: Record<string, unknown>; ok: boolean; error?: string }>,
  ): Promise<JobRunRow> {
    const started = performance.now();
    try {
      const { result, ok, error } = await body();
      await backupsRepo.finish(db, run.id, {
        status: ok ? 'succeeded' : 'failed',
        now: d.clock.now(),
        durationMs: Math.round(performance.now() - started),
        result,
        error: ok ? null : (error ?? 'failed'),
      });
      d.log[ok ? 'info' : 'error'](
        { job: run.job, runId: run.id, result },
        ok ? `${run.job} succeeded` : `${run.job} failed`,
      );
    } catch (err) {
      const message = (err as Error).message;
      await backupsRepo.finish(db, run.id, {
        status: 'failed',
        now: d.clock.now(),
        durationMs: Math.round(performance.now() - started),
        result: null,
        error: message,
      });
      d.log.error({ job: run.job, runId: run.id, err: message }, `${run.job} failed`);
    }
    return (await backupsRepo.findById(db, run.id)) ?? run;
  }

  return {
    writer,

    /** Write a backup now, recorded as a run (the job's body, and `npm run backup`). Null if one is running. */
    async backupNow(o: { trigger: string; run?: JobRunRow }): Promise<JobRunRow | null> {
      const run =
        o.run ?? (await backupsRepo.start(db, { job: 'backup', trigger: o.trigger, now: d.clock.now() }));
      if (!run) return null;
      return execute(run, async () => {
        const r = await writer.backup();
        return { ok: true, result: { ...r } };
      });
    },

    /** Drill an archive (the newest by default) now, recorded as a run. Null if a drill is running. */
    async drillNow(o: { trigger: string; archive?: string; run?: JobRunRow }): Promise<JobRunRow | null> {
      const run =
        o.run ??
        (await backupsRepo.start(db, { job: 'restore_drill', trigger: o.trigger, now: d.clock.now() }));
      if (!run) return null;
      return execute(run, async () => {
        const name = o.archive ?? (await writer.list())[0]?.name;
        if (!name) {
          const reason = 'There is no backup to drill yet';
          return {
            ok: false,
            error: reason,
            result: { archive: null, ok: false, tables: 0, mismatches: [], durationMs: 0, reason },
          };
        }
        const r = await drillArchive({
          archive: join(writer.directory, name),
          databaseUrl: url,
          now: d.clock.now(),
        });
        return { ok: r.ok, error: r.reason, result: { ...r } };
      });
    },
  };
}

/** The runner as jobs: run once across instances (pg-boss), and asked for from the admin panel. */
export function createBackupsService(d: {
  config: BackupConfig;
  database: Database;
  jobs: Jobs;
  clock: Clock;
  log: Pick<Logger, 'info' | 'error' | 'warn'>;
}) {
  const runner = createBackupRunner(d);
  const { writer } = runner;
  const db = d.database.db;
  const service = {
    ...runner,

    /** "Back up now" from the admin panel: a run is recorded at once and a job does the work. */
    async requestBackup(actorId: string): Promise<BackupRunDto> {
      const run = await backupsRepo.start(db, {
        job: 'backup',
        trigger: `admin:${actorId}`,
        now: d.clock.now(),
      });
      if (!run) throw conflict('backup_running', 'A backup is already running; wait for it to finish');
      await d.jobs.send<RunJobData>(
        BACKUP_QUEUE,
        { runId: run.id },
        { retryLimit: 0, expireInSeconds: JOB_EXPIRE_SECONDS },
      );
      return toRunDto(run);
    },

    async requestDrill(actorId: string, archive?: string): Promise<BackupRunDto> {
      if (archive !== undefined && !(await writer.list()).some((a) => a.name === archive))
        throw notFound('backup');
      if (archive === undefined && (await writer.list()).length === 0)
        throw conflict('no_backup', 'There is no backup to drill yet: back up first');
      const run = await backupsRepo.start(db, {
        job: 'restore_drill',
        trigger: `admin:${actorId}`,
        now: d.clock.now(),
      });
      if (!run) throw conflict('drill_running', 'A restore drill is already running; wait for it to finish');
      await d.jobs.send<RunJobData>(
        DRILL_QUEUE,
        { runId: run.id, archive },
        { retryLimit: 0, expireInSeconds: JOB_EXPIRE_SECONDS },
      );
      return toRunDto(run);
    },

    async overview(): Promise<BackupsOverview> {
      const [archives, runs, lastBackup, lastDrill] = await Promise.all([
        writer.list(),
        backupsRepo.recent(db, 30),
        backupsRepo.latest(db, 'backup'),
        backupsRepo.latest(db, 'restore_drill'),
      ]);
      const b = d.config.operations.backups;
      return {
        archives: archives.map((a) => ({
          name: a.name,
          sizeBytes: a.sizeBytes,
          createdAt: a.createdAt.toISOString(),
        })),
        runs: runs.map(toRunDto),
        lastBackup: lastBackup ? toRunDto(lastBackup) : null,
        lastDrill: lastDrill ? toRunDto(lastDrill) : null,
        schedule: {
          backupCron: b.cron,
          drillCron: b.drillCron,
          retentionDays: b.retentionDays,
          directory: b.dir,
          databaseKind: d.database.kind,
        },
      };
    },

    /** A finished archive to download; only a name of the archive pattern, only in the backup directory. */
    async openArchive(name: string) {
      if (!isArchiveName(name)) throw notFound('backup');
      const path = join(writer.directory, name);
      const s = await stat(path).catch(() => null);
      if (!s?.isFile()) throw notFound('backup');
      return { size: s.size, stream: createReadStream(path) };
    },

    /** Workers and schedules: once per cron tick across every instance. */
    async registerJobs(): Promise<void> {
      const runFor = async (data: RunJobData) =>
        data.runId ? ((await backupsRepo.findById(db, data.runId)) ?? undefined) : undefined;
      await d.jobs.work<RunJobData>(BACKUP_QUEUE, async (data) => {
        const run = await runFor(data);
        if (data.runId && run?.status !== 'running') return; // already finished (or gone): nothing to do
        const done = await runner.backupNow({ trigger: 'schedule', run });
        if (!done) d.log.warn({ job: 'backup' }, 'scheduled backup skipped: another backup is running');
      });
      await d.jobs.work<RunJobData>(DRILL_QUEUE, async (data) => {
        const run = await runFor(data);
        if (data.runId && run?.status !== 'running') return;
        const done = await runner.drillNow({ trigger: 'schedule', run, archive: data.archive });
        if (!done) d.log.warn({ job: 'restore_drill' }, 'scheduled drill skipped: another drill is running');
      });
      const b = d.config.operations.backups;
      await d.jobs.schedule(BACKUP_QUEUE, b.cron, {}, { retryLimit: 0, expireInSeconds: JOB_EXPIRE_SECONDS });
      await d.jobs.schedule(
        DRILL_QUEUE,
        b.drillCron,
        {},
        { retryLimit: 0, expireInSeconds: JOB_EXPIRE_SECONDS },
      );
    },
  };
  return service;
}

export type BackupsService = ReturnType<typeof createBackupsService>;
