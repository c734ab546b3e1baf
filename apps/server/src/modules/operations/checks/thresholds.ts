/**
 * The thresholds of the automated checks, in one place so an operator reading the runbook can find
 * them. WARN means "look at it today"; CRIT means "act now". Times in milliseconds unless named.
 */

/** Each check must answer within this, or it is CRIT ("timed out"). */
export const CHECK_TIMEOUT_MS = 5_000;

// 1. Database: a ping slower than this is WARN; no answer is CRIT.
export const DB_LATENCY_WARN_MS = 50;

// 2. Free disk of DATA_DIR and the log directory, as a share of the volume.
export const DISK_FREE_WARN_RATIO = 0.15;
export const DISK_FREE_CRIT_RATIO = 0.05;

// 3. Error-level log lines in the last 15 minutes.
export const ERROR_LOG_WINDOW_MINUTES = 15;
export const ERROR_LOG_WARN_LINES = 10;
export const ERROR_LOG_CRIT_LINES = 100;

// 4. Failed sign-ins, 2FA failures and throttled sign-ins in the last hour, against the hourly
//    average of the 24 hours before it. Both the factor and the absolute floor must be passed, so a
//    quiet site does not alert on three typos; past the ceiling it is CRIT whatever the average.
export const AUTH_SPIKE_WARN_FLOOR = 20;
export const AUTH_SPIKE_WARN_FACTOR = 3;
export const AUTH_SPIKE_CRIT_FLOOR = 100;
export const AUTH_SPIKE_CRIT_FACTOR = 5;
export const AUTH_FAILURES_CRIT_CEILING = 500;

// 5. Mail: failed deliveries in the last 24 h, and mail still queued after some minutes.
export const MAIL_FAILED_WARN = 1;
export const MAIL_FAILED_CRIT = 10;
export const MAIL_QUEUED_WARN_MINUTES = 15;
export const MAIL_QUEUED_CRIT_MINUTES = 60;

// 6. API latency over the last 5 minutes (at least this many requests to judge).
export const LATENCY_WINDOW_MS = 5 * 60_000;
export const LATENCY_MIN_SAMPLES = 20;
export const LATENCY_P95_WARN_MS = 500;
export const LATENCY_P99_CRIT_MS = 2_000;

// 7. Memory: heap used against the V8 heap limit; event-loop delay (p99 since the last run).
export const HEAP_WARN_RATIO = 0.8;
export const HEAP_CRIT_RATIO = 0.92;
export const EVENT_LOOP_P99_WARN_MS = 200;
export const EVENT_LOOP_P99_CRIT_MS = 1_000;

// 8. Backups and the restore drill.
export const BACKUP_WARN_HOURS = 26;
export const BACKUP_CRIT_HOURS = 50;
export const DRILL_WARN_DAYS = 8;

// 9. TLS certificate of PUBLIC_URL: days left.
export const TLS_WARN_DAYS = 21;
export const TLS_CRIT_DAYS = 7;

// 10. Payments: failed attempts in the last 24 h; refunds failed in 7 days or pending too long.
export const PAYMENTS_FAILED_WARN = 5;
export const PAYMENTS_FAILED_CRIT = 25;
export const REFUNDS_FAILED_WINDOW_DAYS = 7;
export const REFUND_PENDING_WARN_HOURS = 1;
export const REFUND_PENDING_CRIT_HOURS = 24;

// 11. Manual payment proofs waiting for review.
export const PROOF_PENDING_WARN_HOURS = 24;
export const PROOF_PENDING_CRIT_HOURS = 72;
