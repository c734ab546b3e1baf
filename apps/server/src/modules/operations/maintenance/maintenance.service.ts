import type {
  JobRunDto,
  JobRunList,
  JobRunQuery,
  MaintenanceJobList,
  MaintenanceJobName,
} from '@9tangle/contracts';
import type { Logger } from 'pino';
import type { Config } from '../../../config.ts';
import type { Database } from '../../../db/client.ts';
import type { JobRunRow } from '../../../db/schema/index.ts';
import { conflict } from '../../../http/errors.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Jobs } from '../../../platform/jobs.ts';
import type { CurrentUser } from '../../identity/identity.types.ts';
import { nextCronRun } from './cron-next.ts';
import { jobRunsRepo } from './job-runs.repo.ts';
import { MAINTENANCE_JOBS, maintenanceJob, maintenanceQueue } from './maintenance.jobs.ts';

export interface MaintenanceDeps {
  database: Database;
  jobs: Jobs;
  clock: Clock;
  config: Pick<Config, 'session' | 'log' | 'operations' | 'jobsEnabled'>;
  log: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** Rows per batch statement (default 1000; tests pass a few to see several batches). */
  batchSize?: number;
}

const DEFAULT_BATCH = 1_000;

export function toJobRunDto(r: JobRunRow): JobRunDto {
  return {
    id: r.id,
    job: r.job,
    status: r.status,
    trigger: r.trigger,
    startedAt: r.startedAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
    durationMs: r.durationMs,
    result: r.result ?? null,
    error: r.error,
  };
}

/** The maintenance jobs: what they are, their runs, running one now, and the work itself. */
export function createMaintenanceService(d: MaintenanceDeps) {
  const db = d.database.db;
  const ctx = {
    database: d.database,
    clock: d.clock,
    config: d.config,
    log: d.log,
    batchSize: d.batchSize ?? DEFAULT_BATCH,
  };

  /** Do the work of a run that is recorded as `running`, and record how it ended. */
  async function perform(name: MaintenanceJobName, run: JobRunRow): Promise<JobRunRow> {
    const startedAt = d.clock.now();
    await jobRunsRepo.markBegun(db, run.id, startedAt);
    const t0 = performance.now();
    try {
      const result = await maintenanceJob(name).task(ctx);
      // The duration is measured, not taken from the clock, so a test clock never makes it up.
      const at = new Date(startedAt.getTime() + Math.round(performance.now() - t0));
      const done = await jobRunsRepo.finish(db, run.id, { at, startedAt, result });
      d.log.info({ job: maintenanceQueue(name), runId: run.id, result }, 'maintenance job done');
      return done ?? run;
    } catch (err) {
      const at = new Date(startedAt.getTime() + Math.round(performance.now() - t0));
      const message = err instanceof Error ? err.message : String(err);
      d.log.error({ job: maintenanceQueue(name), runId: run.id, err }, 'maintenance job failed');
      return (await jobRunsRepo.finish(db, run.id, { at, startedAt, error: message })) ?? run;
    }
  }

  /**
   * The worker's side: perform a queued run (`runId`), or start one for the schedule. A run already
   * in progress anywhere makes a scheduled start a no-op (null), so two instances, or the schedule
   * and a click, never work at once.
   */
  async function execute(name: MaintenanceJobName, o: { runId?: string; trigger?: string } = {}) {
    if (o.runId) {
      const queued = await jobRunsRepo.byId(db, o.runId);
      if (queued?.status !== 'running') return null;
      return perform(name, queued);
    }
    const run = await jobRunsRepo.start(db, {
      job: maintenanceQueue(name),
      trigger: o.trigger ?? 'schedule',
      now: d.clock.now(),
      staleAfterMs: maintenanceJob(name).staleAfterMs,
    });
    if (!run) {
      d.log.info({ job: maintenanceQueue(name) }, 'maintenance job already running: skipped');
      return null;
    }
    return perform(name, run);
  }

  return {
    /** Every maintenance job with its schedule, next and last run. */
    async list(): Promise<MaintenanceJobList> {
      const now = d.clock.now();
      const schedules = new Map((await d.jobs.schedules()).map((s) => [s.name, s.cron]));
      const items = [];
      for (const def of MAINTENANCE_JOBS) {
        const queue = maintenanceQueue(def.name);
        const cron = schedules.get(queue) ?? def.cron;
        const last = await jobRunsRepo.last(db, queue);
        const lastSuccess =
          last && last.status !== 'succeeded' ? await jobRunsRepo.last(db, queue, 'succeeded') : last;
        items.push({
          name: def.name,
          description: def.description,
          schedule: cron,
          scheduled: schedules.has(queue),
          nextRunAt: nextCronRun(cron, now)?.toISOString() ?? null,
          lastRun: last ? toJobRunDto(last) : null,
          lastSuccessAt: lastSuccess?.finishedAt?.toISOString() ?? null,
        });
      }
      return { items, workersHere: d.config.jobsEnabled };
    },

    /**
     * Queue a run now, for a worker to perform (202). The run is recorded at once as `running`, so a
     * second click — here or on another instance — is refused with 409 `job_running` until it ends.
     */
    async requestRun(actor: Pick<CurrentUser, 'id'>, name: MaintenanceJobName): Promise<JobRunDto> {
      const def = maintenanceJob(name);
      const run = await jobRunsRepo.start(db, {
        job: maintenanceQueue(name),
        trigger: `admin:${actor.id}`,
        now: d.clock.now(),
        staleAfterMs: def.staleAfterMs,
      });
      if (!run) throw conflict('job_running', 'This job is running; wait for it to finish.');
      try {
        await d.jobs.send(maintenanceQueue(name), { runId: run.id }, { retryLimit: 0 });
      } catch (err) {
        await jobRunsRepo.finish(db, run.id, {
          at: d.clock.now(),
          startedAt: run.startedAt,
          error: `Could not be queued: ${(err as Error).message}`,
        });
        throw err;
      }
      return toJobRunDto(run);
    },

    async history(name: MaintenanceJobName, q: JobRunQuery): Promise<JobRunList> {
      const { items, total } = await jobRunsRepo.history(db, maintenanceQueue(name), q);
      return {
        items: items.map(toJobRunDto),
        pageInfo: { page: q.page, limit: q.limit, total, pages: Math.ceil(total / q.limit) },
      };
    },

    execute,

    /** Register each job's worker and schedule (run once across instances by pg-boss). */
    async registerJobs(): Promise<void> {
      for (const def of MAINTENANCE_JOBS) {
        const queue = maintenanceQueue(def.name);
        await d.jobs.work<{ runId?: string }>(queue, async (data) => {
          await execute(def.name, { runId: data.runId });
        });
        await d.jobs.schedule(queue, def.cron);
      }
    },
  };
}
export type MaintenanceService = ReturnType<typeof createMaintenanceService>;
