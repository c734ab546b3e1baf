import type { MaintenanceJobName } from '@9tangle/contracts';
import { archiveOld } from './archive.task.ts';
import { purgeTokens } from './purge-tokens.task.ts';
import { rotateLogs } from './rotate-logs.task.ts';
import type { MaintenanceTask } from './task.ts';
import { vacuumAnalyze } from './vacuum-analyze.task.ts';

export interface MaintenanceJobDefinition {
  name: MaintenanceJobName;
  description: string;
  /** Five-field cron, UTC. */
  cron: string;
  task: MaintenanceTask;
  /** A `running` row older than this is a run whose process died (it is closed as failed). */
  staleAfterMs: number;
}

const HOUR_MS = 3_600_000;

/** The maintenance jobs, in the order the jobs page lists them. */
export const MAINTENANCE_JOBS: readonly MaintenanceJobDefinition[] = [
  {
    name: 'purge_tokens',
    description:
      'Deletes expired or used email verifications, password tokens and 2FA sign-in challenges, and sessions that ended more than 7 days ago.',
    cron: '17 * * * *',
    task: purgeTokens,
    staleAfterMs: HOUR_MS,
  },
  {
    name: 'archive',
    description:
      'Marks finished orders past ARCHIVE_ORDERS_AFTER_DAYS as archived (kept whole) and moves course, sign-in and payment events past ARCHIVE_EVENTS_AFTER_DAYS to the archive table.',
    cron: '40 3 * * *',
    task: archiveOld,
    staleAfterMs: 6 * HOUR_MS,
  },
  {
    name: 'vacuum_analyze',
    description:
      'Runs VACUUM (ANALYZE) on the busiest tables: reclaims the space of deleted rows and refreshes the query planner’s statistics.',
    cron: '10 4 * * 1',
    task: vacuumAnalyze,
    staleAfterMs: 6 * HOUR_MS,
  },
  {
    name: 'rotate_logs',
    description:
      'Compresses the log files of earlier days and removes those older than 14 days, in LOG_DIR and the instance directories under it.',
    cron: '5 0 * * *',
    task: rotateLogs,
    staleAfterMs: HOUR_MS,
  },
];

export const maintenanceQueue = (name: MaintenanceJobName) => `maintenance.${name}`;

export function maintenanceJob(name: MaintenanceJobName): MaintenanceJobDefinition {
  const def = MAINTENANCE_JOBS.find((j) => j.name === name);
  if (!def) throw new Error(`unknown maintenance job ${name}`);
  return def;
}
