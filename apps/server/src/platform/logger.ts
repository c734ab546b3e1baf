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

export function loggerOptions(cfg: Config['log']): LoggerOptions {
  return {
    level: cfg.level,
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
