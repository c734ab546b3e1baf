import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pino, { type Logger, type LoggerOptions } from 'pino';
import type { Config } from '../config.ts';

/** Headers and body fields whose values never reach a log line. */
const SECRET_KEYS = ['password', 'newPassword', 'currentPassword', 'token', 'code', 'challenge', 'secret'];
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  // A secret at the top of a log object or one level down (`{ body: { password } }`).
  ...SECRET_KEYS,
  ...SECRET_KEYS.map((k) => `*.${k}`),
];

const SENSITIVE_QUERY = /token|code|secret|password|challenge|key|signature/i;

/** A URL with the values of sensitive query parameters replaced, for logs. */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const params = new URLSearchParams(url.slice(q + 1));
  for (const key of [...params.keys()]) if (SENSITIVE_QUERY.test(key)) params.set(key, '[REDACTED]');
  return `${url.slice(0, q)}?${params.toString()}`;
}

/** pino's numeric level of `error`: lines at or above it are counted. */
const ERROR_LEVEL = 50;
const COUNTER = Symbol('errorLogCounter');
const WINDOW_MINUTES = 60;

/**
 * Error-level log lines as they are written (issue 5's "error-log rate" check and /metrics): a total
 * and per-minute buckets for the last hour. One per root logger; child loggers (each request's) reach
 * it through their prototype, since pino makes a child with `Object.create(parent)`.
 */
export interface ErrorLogCounter {
  /** Every error or fatal line since the logger was made. */
  total(): number;
  /** Error lines in the last `minutes` (at most 60) before `now`. */
  inLast(minutes: number, now?: number): number;
  record(now?: number): void;
}

function createErrorLogCounter(): ErrorLogCounter {
  let total = 0;
  // buckets[i] counts minute `minuteOf[i]`; a bucket from an older minute is reset when reused.
  const buckets = new Array<number>(WINDOW_MINUTES).fill(0);
  const minuteOf = new Array<number>(WINDOW_MINUTES).fill(-1);
  return {
    total: () => total,
    record(now = Date.now()) {
      total += 1;
      const minute = Math.floor(now / 60_000);
      const i = minute % WINDOW_MINUTES;
      if (minuteOf[i] !== minute) {
        minuteOf[i] = minute;
        buckets[i] = 0;
      }
      buckets[i] = (buckets[i] ?? 0) + 1;
    },
    inLast(minutes, now = Date.now()) {
      const current = Math.floor(now / 60_000);
      let n = 0;
      for (let i = 0; i < WINDOW_MINUTES; i++) {
        const m = minuteOf[i] ?? -1;
        if (m > current - Math.min(minutes, WINDOW_MINUTES) && m <= current) n += buckets[i] ?? 0;
      }
      return n;
    },
  };
}

/** The error-line counter of a logger made with `loggerOptions` (created on first ask). */
export function errorLogCounter(logger: object): ErrorLogCounter {
  const holder = logger as { [COUNTER]?: ErrorLogCounter };
  if (!holder[COUNTER]) holder[COUNTER] = createErrorLogCounter();
  return holder[COUNTER];
}

export function loggerOptions(cfg: Config['log']): LoggerOptions {
  return {
    level: cfg.level,
    hooks: {
      logMethod(args, method, level) {
        // Counted only once `errorLogCounter(logger)` has attached a counter (buildApp does at start).
        if (level >= ERROR_LEVEL) (this as { [COUNTER]?: ErrorLogCounter })[COUNTER]?.record();
        method.apply(this, args);
      },
    },
    redact: { paths: REDACT_PATHS, censor: '[REDACTED]' },
    serializers: {
      req: (req: {
        method: string;
        url: string;
        ip?: string;
        id?: string;
        headers?: Record<string, unknown>;
      }) => ({
        method: req.method,
        url: redactUrl(req.url),
        ip: req.ip,
        userAgent: req.headers?.['user-agent'],
      }),
    },
  };
}

/**
 * JSON logs to stdout and, with a log directory, to daily-rotated files: `access.<date>.<n>` (everything
 * at the configured level) and `error.<date>.<n>` (errors only), a new one each day or each 50 MB. The
 * `maintenance.rotate_logs` job gzips earlier days' files and removes those past 14 days.
 */
export function createLogger(cfg: Config['log']): Logger {
  const opts = loggerOptions(cfg);
  if (!cfg.dir || cfg.level === 'silent') return pino(opts);
  mkdirSync(cfg.dir, { recursive: true });
  const roll = (file: string, level: string): pino.TransportTargetOptions => ({
    target: 'pino-roll',
    level,
    options: {
      file: join(cfg.dir as string, file),
      frequency: 'daily',
      // Dated names (`access.2026-12-01.1`): a new day never appends to an old file after a restart,
      // and the rotate_logs job can tell the file being written from finished ones by name alone.
      dateFormat: 'yyyy-MM-dd',
      size: '50m',
      mkdir: true,
      limit: { count: 14 },
    },
  });
  const transport = pino.transport({
    targets: [
      { target: 'pino/file', level: cfg.level, options: { destination: 1 } },
      roll('access', cfg.level),
      roll('error', 'error'),
    ],
  });
  return pino(opts, transport);
}
