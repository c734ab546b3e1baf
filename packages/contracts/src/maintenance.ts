import { z } from 'zod';
import { PageInfo, Pagination } from './admin.ts';
import { JobRunStatus } from './backups.ts';

/** The maintenance jobs (issue 5 §5): each idempotent, batched, recorded in `job_runs` as `maintenance.<name>`. */
export const MaintenanceJobName = z.enum(['purge_tokens', 'archive', 'vacuum_analyze', 'rotate_logs']);
export type MaintenanceJobName = z.infer<typeof MaintenanceJobName>;

/** One run of an operations job, as `job_runs` records it. */
export const JobRunDto = z.object({
  id: z.uuid(),
  /** `maintenance.archive`, `backup`, … */
  job: z.string(),
  status: JobRunStatus,
  /** `schedule`, `admin:<user id>` or `cli`. */
  trigger: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  durationMs: z.number().nullable(),
  /** What the run did: rows purged or archived, tables vacuumed, files compressed… */
  result: z.record(z.string(), z.unknown()).nullable(),
  error: z.string().nullable(),
});
export type JobRunDto = z.infer<typeof JobRunDto>;

export const MaintenanceJobDto = z.object({
  name: MaintenanceJobName,
  /** What the job does, in a sentence for the operator. */
  description: z.string(),
  /** The five-field cron expression (UTC) the job is scheduled with. */
  schedule: z.string(),
  /** Whether pg-boss holds this schedule (false: the schedule was never registered on this database). */
  scheduled: z.boolean(),
  /** The next time the schedule fires, computed from the cron expression (UTC). */
  nextRunAt: z.string().nullable(),
  lastRun: JobRunDto.nullable(),
  /** The last run that finished well, when the last run failed or is still running. */
  lastSuccessAt: z.string().nullable(),
});
export type MaintenanceJobDto = z.infer<typeof MaintenanceJobDto>;

export const MaintenanceJobList = z.object({
  items: z.array(MaintenanceJobDto),
  /** Whether this instance runs job workers (JOBS_ENABLED); a run-now waits for a worker otherwise. */
  workersHere: z.boolean(),
});
export type MaintenanceJobList = z.infer<typeof MaintenanceJobList>;

export const MaintenanceJobParams = z.object({ job: MaintenanceJobName });
export type MaintenanceJobParams = z.infer<typeof MaintenanceJobParams>;

/** Runs are answered newest first. */
export const JobRunQuery = Pagination.extend({ status: JobRunStatus.optional() });
export type JobRunQuery = z.infer<typeof JobRunQuery>;

export const JobRunList = z.object({ items: z.array(JobRunDto), pageInfo: PageInfo });
export type JobRunList = z.infer<typeof JobRunList>;

/** `POST /api/admin/maintenance/jobs/:job/run`: the run queued for a worker (202). */
export const JobRunStarted = z.object({ run: JobRunDto });
export type JobRunStarted = z.infer<typeof JobRunStarted>;
