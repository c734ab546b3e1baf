import { statfs } from 'node:fs/promises';
import type { Check, CheckResult } from './check.types.ts';
import {
  DB_LATENCY_WARN_MS,
  DISK_FREE_CRIT_RATIO,
  DISK_FREE_WARN_RATIO,
  ERROR_LOG_CRIT_LINES,
  ERROR_LOG_WARN_LINES,
  ERROR_LOG_WINDOW_MINUTES,
  EVENT_LOOP_P99_CRIT_MS,
  EVENT_LOOP_P99_WARN_MS,
  HEAP_CRIT_RATIO,
  HEAP_WARN_RATIO,
  LATENCY_MIN_SAMPLES,
  LATENCY_P95_WARN_MS,
  LATENCY_P99_CRIT_MS,
  LATENCY_WINDOW_MS,
} from './thresholds.ts';

/** The checks of the process and the machine it runs on: database, disk, logs, latency, memory. */

const mb = (n: number) => Math.round((n / 1_048_576) * 10) / 10;
const gb = (n: number) => Math.round((n / 1_073_741_824) * 10) / 10;
const pct = (r: number) => `${Math.round(r * 1000) / 10} %`;

export const databaseCheck: Check = {
  id: 'database',
  title: 'Database connectivity and latency',
  schedule: 'daily',
  async run(ctx) {
    // A failed ping throws: the runner turns it into CRIT with the driver's message.
    const latencyMs = Math.round((await ctx.database.ping()) * 10) / 10;
    const details = { kind: ctx.database.kind, latencyMs, warnAboveMs: DB_LATENCY_WARN_MS };
    if (latencyMs > DB_LATENCY_WARN_MS)
      return { state: 'warn', message: `The database answered slowly: ${latencyMs} ms`, details };
    return { state: 'ok', message: `The database answered in ${latencyMs} ms`, details };
  },
};

interface Volume {
  label: string;
  path: string;
  freeBytes: number;
  totalBytes: number;
  freeRatio: number;
}

async function volume(label: string, path: string): Promise<Volume> {
  const s = await statfs(path);
  // `bavail`: blocks an unprivileged process (the app) may still use, not counting root's reserve.
  const freeBytes = s.bavail * s.bsize;
  const totalBytes = s.blocks * s.bsize;
  return { label, path, freeBytes, totalBytes, freeRatio: totalBytes > 0 ? freeBytes / totalBytes : 0 };
}

/** Free disk of `DATA_DIR` and the log directory; thresholds can be given (tests use tiny ones). */
export function diskCheck(o: { warnRatio?: number; critRatio?: number } = {}): Check {
  const warnRatio = o.warnRatio ?? DISK_FREE_WARN_RATIO;
  const critRatio = o.critRatio ?? DISK_FREE_CRIT_RATIO;
  return {
    id: 'disk',
    title: 'Free disk space (data and logs)',
    schedule: 'daily',
    async run(ctx): Promise<CheckResult> {
      const volumes = [await volume('data', ctx.dataDir)];
      if (ctx.logDir && ctx.logDir !== ctx.dataDir) {
        // The log directory is made by the logger on first write; until then nothing to measure.
        const logs = await volume('logs', ctx.logDir).catch(() => null);
        if (logs) volumes.push(logs);
      }
      const worst = volumes.reduce((a, b) => (b.freeRatio < a.freeRatio ? b : a));
      const details = {
        volumes: volumes.map((v) => ({
          label: v.label,
          path: v.path,
          freeGb: gb(v.freeBytes),
          totalGb: gb(v.totalBytes),
          freePercent: Math.round(v.freeRatio * 1000) / 10,
        })),
        warnBelowPercent: warnRatio * 100,
        critBelowPercent: critRatio * 100,
      };
      const what = `${pct(worst.freeRatio)} free on ${worst.label} (${gb(worst.freeBytes)} GB of ${gb(worst.totalBytes)} GB)`;
      if (worst.freeRatio < critRatio)
        return { state: 'crit', message: `Disk almost full: ${what}`, details };
      if (worst.freeRatio < warnRatio)
        return { state: 'warn', message: `Disk getting full: ${what}`, details };
      return { state: 'ok', message: what, details };
    },
  };
}

export const errorLogCheck: Check = {
  id: 'error_log',
  title: 'Error-log rate',
  schedule: 'daily',
  async run(ctx) {
    // The counter lives in this process: it counts what this instance logged (real time, not the clock).
    const lines = ctx.errorLog.inLast(ERROR_LOG_WINDOW_MINUTES);
    const details = {
      lines,
      windowMinutes: ERROR_LOG_WINDOW_MINUTES,
      lastHour: ctx.errorLog.inLast(60),
      sinceStart: ctx.errorLog.total(),
      warnAt: ERROR_LOG_WARN_LINES,
      critAt: ERROR_LOG_CRIT_LINES,
      logDir: ctx.logDir,
    };
    const message = `${lines} error line${lines === 1 ? '' : 's'} logged in the last ${ERROR_LOG_WINDOW_MINUTES} minutes`;
    if (lines >= ERROR_LOG_CRIT_LINES) return { state: 'crit', message, details };
    if (lines >= ERROR_LOG_WARN_LINES) return { state: 'warn', message, details };
    return { state: 'ok', message, details };
  },
};

export const apiLatencyCheck: Check = {
  id: 'api_latency',
  title: 'API response times',
  schedule: 'weekly',
  async run(ctx) {
    const s = ctx.requests.summary(LATENCY_WINDOW_MS);
    const details = {
      ...s,
      windowMinutes: LATENCY_WINDOW_MS / 60_000,
      p95WarnMs: LATENCY_P95_WARN_MS,
      p99CritMs: LATENCY_P99_CRIT_MS,
    };
    if (s.count < LATENCY_MIN_SAMPLES)
      return {
        state: 'ok',
        message: `Too few API requests in the last 5 minutes to judge (${s.count})`,
        details,
      };
    const message = `p50 ${s.p50} ms, p95 ${s.p95} ms, p99 ${s.p99} ms over ${s.count} requests`;
    if ((s.p99 ?? 0) > LATENCY_P99_CRIT_MS)
      return { state: 'crit', message: `Very slow: ${message}`, details };
    if ((s.p95 ?? 0) > LATENCY_P95_WARN_MS) return { state: 'warn', message: `Slow: ${message}`, details };
    return { state: 'ok', message, details };
  },
};

export const memoryCheck: Check = {
  id: 'memory',
  title: 'Memory and event-loop delay',
  schedule: 'daily',
  async run(ctx) {
    const r = ctx.runtime.snapshot();
    const heapRatio = r.heapLimitBytes > 0 ? r.heapUsedBytes / r.heapLimitBytes : 0;
    const details = {
      rssMb: mb(r.rssBytes),
      heapUsedMb: mb(r.heapUsedBytes),
      heapLimitMb: mb(r.heapLimitBytes),
      heapPercent: Math.round(heapRatio * 1000) / 10,
      eventLoop: r.eventLoop,
      heapWarnPercent: HEAP_WARN_RATIO * 100,
      heapCritPercent: HEAP_CRIT_RATIO * 100,
      eventLoopWarnMs: EVENT_LOOP_P99_WARN_MS,
      eventLoopCritMs: EVENT_LOOP_P99_CRIT_MS,
    };
    const message = `Heap ${mb(r.heapUsedBytes)} MB of ${mb(r.heapLimitBytes)} MB (${pct(heapRatio)}), RSS ${mb(r.rssBytes)} MB, event-loop p99 ${r.eventLoop.p99Ms} ms`;
    if (heapRatio >= HEAP_CRIT_RATIO || r.eventLoop.p99Ms >= EVENT_LOOP_P99_CRIT_MS)
      return { state: 'crit', message, details };
    if (heapRatio >= HEAP_WARN_RATIO || r.eventLoop.p99Ms >= EVENT_LOOP_P99_WARN_MS)
      return { state: 'warn', message, details };
    return { state: 'ok', message, details };
  },
};
