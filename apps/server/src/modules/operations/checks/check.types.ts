import type { CheckSchedule, CheckState } from '@9tangle/contracts';
import type { Database } from '../../../db/client.ts';
import type { ErrorLogCounter } from '../../../platform/logger.ts';
import type { RequestRecorder } from '../metrics/request-recorder.ts';
import type { RuntimeMonitor } from '../metrics/runtime-monitor.ts';

export interface CheckResult {
  state: CheckState;
  message: string;
  details?: Record<string, unknown>;
}

/**
 * What a check reads. `now` is the run's time from the app's clock: every window ("the last hour",
 * "older than 24 h") is measured from it and bounded by it, so a check reads the tables as at that
 * moment.
 */
export interface CheckContext {
  now: Date;
  database: Database;
  /** `DATA_DIR` and the log directory (null when logs go to stdout only). */
  dataDir: string;
  logDir: string | null;
  errorLog: ErrorLogCounter;
  requests: RequestRecorder;
  runtime: RuntimeMonitor;
  publicUrl: URL;
  /** The build's `npm audit` summary (apps/server/dist/npm-audit.json). */
  auditReportPath: string;
  /** The change notices this process listens to (ADR 049, 052), and whether each is heard now. */
  listeners: { name: string; hearing: () => boolean }[];
}

/** One automated check: which list of the maintenance guide it answers and how to run it. */
export interface Check {
  id: string;
  title: string;
  schedule: CheckSchedule;
  run(ctx: CheckContext): Promise<CheckResult>;
}
