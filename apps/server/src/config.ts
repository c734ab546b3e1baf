import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

/**
 * The one reader of `process.env`. Parsed once in `main`, failing fast with every bad key listed,
 * then turned into a nested, typed `Config` the rest of the server receives as an argument.
 */
const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const optionalUrl = z.preprocess((v) => (v === '' ? undefined : v), z.url().optional());
/** A five-field cron expression, as pg-boss schedules take them. */
const cron = z
  .string()
  .trim()
  .regex(/^(\S+\s+){4}\S+$/, { message: 'Use a five-field cron expression, such as "0 2 * * *"' });

/** File sizes are stored as 32-bit integers: 2 GiB less a byte is the largest upload limit. */
const MAX_FILE_BYTES = 2_147_483_647;

/** The currencies the schema and the contracts know (`Currency` in @9tangle/contracts). */
const SUPPORTED_CURRENCIES = ['PKR', 'USD'];

export const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  PUBLIC_URL: optionalUrl,
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: optionalUrl,
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  REDIS_URL: optionalUrl,
  /** Every Redis key starts with this: two academies (or a bench beside an academy) can share one Redis. */
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[\w:.-]{1,40}$/, 'letters, digits and _ : . - only')
    .default('9t:'),
  SMTP_URL: optionalUrl,
  MAIL_FROM: z.string().min(3).default('9tangle Academy <no-reply@9tangle.local>'),
  SESSION_SECRET: z.string().optional(),
  SESSION_SECRET_PREVIOUS: z.string().optional(),
  SESSION_IDLE_HOURS: z.coerce
    .number()
    .positive()
    .default(24 * 7),
  SESSION_ABSOLUTE_DAYS: z.coerce.number().positive().default(30),
  CORS_ORIGINS: z.string().default(''),
  TRUST_PROXY: z.string().default('false'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_DIR: z.string().optional(),
  RATE_LIMIT_API_MAX: z.coerce.number().int().min(1).default(100),
  RATE_LIMIT_API_USER_MAX: z.coerce.number().int().min(1).default(1000),
  RATE_LIMIT_API_WINDOW_MINUTES: z.coerce.number().positive().default(15),
  RATE_LIMIT_AUTH_MAX: z.coerce.number().int().min(1).default(20),
  RATE_LIMIT_AUTH_WINDOW_MINUTES: z.coerce.number().positive().default(15),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).default(30),
  LOGIN_LOCK_MINUTES: z.coerce.number().positive().default(15),
  REQUEST_TIMEOUT_SECONDS: z.coerce.number().positive().default(30),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  // Overload (issue 7, ADR 043): what is past these limits is answered 503 `overloaded` at once. 0: off.
  MAX_IN_FLIGHT: z.coerce.number().int().min(0).default(64),
  MAX_EVENT_LOOP_DELAY_MS: z.coerce.number().int().min(0).default(1000),
  MAX_HEAP_USED_MB: z.coerce.number().int().min(0).default(0),
  MAX_RSS_MB: z.coerce.number().int().min(0).default(0),
  MAX_CONNECTIONS: z.coerce.number().int().min(0).default(4096),
  // How far V8 lets the heap grow past what a full GC left alive, in percent (ADR 057). 0: V8's own.
  HEAP_GROWTH_PERCENT: z.coerce.number().int().min(0).max(300).default(20),
  HTTP_CACHE_MAX_AGE_SECONDS: z.coerce.number().int().min(0).max(86_400).default(60),
  HTTP_CACHE_STALE_SECONDS: z.coerce.number().int().min(0).max(604_800).default(600),
  ADMIN_EMAIL: z.preprocess((v) => (v === '' ? undefined : v), z.email().optional()),
  ADMIN_PASSWORD: z.string().min(10).optional(),
  REQUIRE_ADMIN_2FA: bool.default(false),
  SEED_DEMO: bool.default(true),
  ARGON2_MEMORY_KIB: z.coerce.number().int().min(1024).default(19_456),
  ARGON2_TIME_COST: z.coerce.number().int().min(1).default(2),
  JOBS_ENABLED: bool.default(true),
  /** `npm run worker` only: a port for its health answer (GET /health); unset, it listens on nothing. */
  WORKER_HEALTH_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  UPLOAD_VIDEO_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(MAX_FILE_BYTES)
    .default(1024 * 1024 * 1024),
  UPLOAD_PDF_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(MAX_FILE_BYTES)
    .default(50 * 1024 * 1024),
  UPLOAD_RESOURCE_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(MAX_FILE_BYTES)
    .default(100 * 1024 * 1024),
  SITE_TIME_ZONE: z
    .string()
    .default('Asia/Karachi')
    .refine(isTimeZone, { message: 'Use an IANA time zone name, such as Asia/Karachi or Europe/London' }),
  // Commerce (issue 4). Amounts are integer minor units; currencies are ISO codes the catalog knows.
  SHOP_CURRENCIES: z
    .string()
    .default('PKR,USD')
    .transform((v) =>
      v
        .split(',')
        .map((c) => c.trim().toUpperCase())
        .filter(Boolean),
    )
    .refine((cs) => cs.length > 0 && cs.every((c) => SUPPORTED_CURRENCIES.includes(c)), {
      message: `Use a comma-separated list of ${SUPPORTED_CURRENCIES.join(', ')}`,
    }),
  INSTRUCTOR_REVENUE_SHARE_PERCENT: z.coerce.number().int().min(0).max(100).default(70),
  DOWNLOAD_LINK_TTL_MINUTES: z.coerce.number().int().min(1).max(10_080).default(60),
  ORDER_PENDING_EXPIRY_HOURS: z.coerce.number().positive().default(48),
  PAYMENT_RECONCILE_AFTER_MINUTES: z.coerce.number().positive().default(10),
  UPLOAD_PRODUCT_FILE_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(MAX_FILE_BYTES)
    .default(500 * 1024 * 1024),
  UPLOAD_PROOF_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(MAX_FILE_BYTES)
    .default(10 * 1024 * 1024),
  STRIPE_SECRET_KEY: z.string().optional(),
  STRIPE_WEBHOOK_SECRET: z.string().optional(),
  /** Only for tests against a local fake Stripe: where the SDK sends its requests. */
  STRIPE_API_BASE: optionalUrl,
  PAYPAL_CLIENT_ID: z.string().optional(),
  PAYPAL_CLIENT_SECRET: z.string().optional(),
  PAYPAL_WEBHOOK_ID: z.string().optional(),
  PAYPAL_API_BASE: optionalUrl,
  /** The simulated card provider: on by default when neither Stripe nor PayPal is configured. */
  TEST_PAYMENTS: z.enum(['auto', 'true', 'false']).default('auto'),
  // Operations (issue 5).
  /** The bearer token `/metrics` asks for; without it `/metrics` answers 404. */
  METRICS_TOKEN: z.string().min(16).optional(),
  /** Where backup archives go (default DATA_DIR/backups). */
  BACKUP_DIR: z.string().optional(),
  BACKUP_CRON: cron.default('0 2 * * *'),
  BACKUP_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /** The restore drill: weekly by default (Sunday 03:30). */
  RESTORE_DRILL_CRON: cron.default('30 3 * * 0'),
  /** How often the automated checks run. */
  CHECKS_CRON: cron.default('*/5 * * * *'),
  /** Who is mailed when a check changes state (comma-separated); empty: every admin. */
  ALERT_EMAILS: z.string().default(''),
  /** How long the admin dashboard's figures are reused before they are counted again; 0: every time. */
  DASHBOARD_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  /** Finished orders older than this leave the default back-office lists (kept whole, never deleted). */
  ARCHIVE_ORDERS_AFTER_DAYS: z.coerce.number().int().min(1).default(365),
  /** Course, auth and payment events older than this move to `archived_records`. */
  ARCHIVE_EVENTS_AFTER_DAYS: z.coerce.number().int().min(1).default(180),
  /** Messages one sender (IP) may send through the contact form per hour. */
  CONTACT_FORM_MAX_PER_HOUR: z.coerce.number().int().min(1).default(5),
});

export type Env = z.infer<typeof EnvSchema>;

export interface Config {
  env: Env['NODE_ENV'];
  isProduction: boolean;
  version: string;
  http: {
    host: string;
    port: number;
    publicUrl: URL;
    corsOrigins: string[];
    trustProxy: boolean | string | number;
    requestTimeoutMs: number;
    bodyLimit: number;
    /** Load shedding (ADR 043); each limit 0 when off. */
    overload: {
      /** Requests being served at once; one more is answered 503 at once. */
      maxInFlight: number;
      /** Mean event-loop delay over the last second past which requests are answered 503. */
      maxEventLoopDelayMs: number;
      maxHeapUsedBytes: number;
      maxRssBytes: number;
    };
    /** Open sockets the HTTP server accepts (`server.maxConnections`); past it a new one is closed. */
    maxConnections: number;
    /** Cache-Control of public, anonymous pages and catalog reads (ADR 020). */
    publicCache: { maxAgeSeconds: number; staleWhileRevalidateSeconds: number };
  };
  /** V8's heap growing factor, set by the process itself (ADR 057); 0 leaves V8's own. */
  heapGrowthPercent: number;
  dataDir: string;
  db: { kind: 'pglite'; dir: string | null } | { kind: 'postgres'; url: string; poolMax: number };
  redis: { url: string; keyPrefix: string } | null;
  mail: { from: string; smtpUrl: string | null };
  secrets: { session: string; previous: string | null };
  session: { idleMs: number; absoluteMs: number; cookieName: string; secureCookie: boolean };
  log: { level: Env['LOG_LEVEL']; dir: string | null };
  rateLimit: {
    apiMax: number;
    apiUserMax: number;
    apiWindowMs: number;
    authMax: number;
    authWindowMs: number;
    loginMaxPerAccount: number;
    loginMaxPerIp: number;
    loginLockMs: number;
  };
  admin: { email: string | null; password: string | null; require2fa: boolean };
  seedDemo: boolean;
  argon2: { memoryCost: number; timeCost: number; parallelism: number };
  jobsEnabled: boolean;
  /** The job worker process (`npm run worker`). */
  worker: { healthPort: number | null };
  /** Largest upload per kind of course file, in bytes. */
  uploads: { videoMaxBytes: number; pdfMaxBytes: number; resourceMaxBytes: number };
  /** The IANA time zone whose calendar day is "today" for daily videos. */
  siteTimeZone: string;
  commerce: {
    /** The currencies the academy sells in (the first is the default). */
    currencies: string[];
    /** The instructors' share of a course sale, in percent (the rest is the academy's). */
    revenueSharePercent: number;
    downloadLinkTtlMs: number;
    /** An unpaid card order is cancelled after this (manual transfers wait for review). */
    pendingOrderTtlMs: number;
    /** The reconciliation job asks the provider about attempts pending longer than this. */
    reconcileAfterMs: number;
    productFileMaxBytes: number;
    proofMaxBytes: number;
  };
  payments: {
    stripe: { secretKey: string; webhookSecret: string; apiBase: URL | null } | null;
    paypal: { clientId: string; clientSecret: string; webhookId: string; apiBase: URL } | null;
    /** The simulated card page of the embedded demo (ADR 026). */
    testProvider: boolean;
  };
  operations: {
    metricsToken: string | null;
    backups: { dir: string; cron: string; retentionDays: number; drillCron: string };
    checksCron: string;
    /** Addresses mailed on a check's change of state; empty means every admin. */
    alertEmails: string[];
    archive: { ordersAfterDays: number; eventsAfterDays: number };
    /** How long the dashboard's figures are reused (0: counted on every request). */
    dashboardCacheMs: number;
  };
  content: { contactMaxPerHour: number };
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

const MIN_SECRET_BYTES = 32;

/**
 * Read `.env` from the working directory when there is one; variables already set win. (The
 * environment proper is how production sets things; `.env` is a convenience for a single machine.)
 */
export function loadDotEnv(file = '.env'): void {
  if (existsSync(file)) process.loadEnvFile(file);
}

/** Parse the environment into a `Config`, or throw a `ConfigError` listing every bad key. */
export function loadConfig(env: Record<string, string | undefined> = process.env, version = '0.1.0'): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  const dataDir = resolve(e.DATA_DIR);

  let secret = e.SESSION_SECRET;
  if (secret === undefined || secret === '') {
    if (e.NODE_ENV !== 'development')
      problems.push(`SESSION_SECRET: required when NODE_ENV=${e.NODE_ENV} (at least 32 bytes)`);
    else secret = developmentSecret(dataDir);
  }
  if (secret !== undefined && Buffer.byteLength(secret) < MIN_SECRET_BYTES) {
    problems.push(
      `SESSION_SECRET: must be at least ${MIN_SECRET_BYTES} bytes, got ${Buffer.byteLength(secret)} — generate one with: openssl rand -base64 48`,
    );
  }
  if (e.ADMIN_PASSWORD && !e.ADMIN_EMAIL) problems.push('ADMIN_PASSWORD: set ADMIN_EMAIL with it');
  if (Boolean(e.STRIPE_SECRET_KEY) !== Boolean(e.STRIPE_WEBHOOK_SECRET))
    problems.push('STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET: set both to enable Stripe, or neither');
  const paypalKeys = [e.PAYPAL_CLIENT_ID, e.PAYPAL_CLIENT_SECRET, e.PAYPAL_WEBHOOK_ID].filter(Boolean).length;
  if (paypalKeys !== 0 && paypalKeys !== 3)
    problems.push(
      'PAYPAL_CLIENT_ID, PAYPAL_CLIENT_SECRET, PAYPAL_WEBHOOK_ID: set all three to enable PayPal, or none',
    );
  if (problems.length > 0) throw new ConfigError(problems);

  const publicUrl = new URL(e.PUBLIC_URL ?? `http://localhost:${e.PORT}`);
  const https = publicUrl.protocol === 'https:';
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(publicUrl.hostname);
  return {
    env: e.NODE_ENV,
    isProduction: e.NODE_ENV === 'production',
    version,
    http: {
      host: e.HOST,
      port: e.PORT,
      publicUrl,
      corsOrigins: e.CORS_ORIGINS.split(',')
        .map((s) => s.trim())
        .filter(Boolean),
      trustProxy: parseTrustProxy(e.TRUST_PROXY),
      requestTimeoutMs: e.REQUEST_TIMEOUT_SECONDS * 1000,
      bodyLimit: e.BODY_LIMIT_BYTES,
      overload: {
        maxInFlight: e.MAX_IN_FLIGHT,
        maxEventLoopDelayMs: e.MAX_EVENT_LOOP_DELAY_MS,
        maxHeapUsedBytes: e.MAX_HEAP_USED_MB * 1_048_576,
        maxRssBytes: e.MAX_RSS_MB * 1_048_576,
      },
      maxConnections: e.MAX_CONNECTIONS,
      publicCache: {
        maxAgeSeconds: e.HTTP_CACHE_MAX_AGE_SECONDS,
        staleWhileRevalidateSeconds: e.HTTP_CACHE_STALE_SECONDS,
      },
    },
    heapGrowthPercent: e.HEAP_GROWTH_PERCENT,
    dataDir,
    db: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL, poolMax: e.DATABASE_POOL_MAX }
      : { kind: 'pglite', dir: join(dataDir, 'pglite') },
    redis: e.REDIS_URL ? { url: e.REDIS_URL, keyPrefix: e.REDIS_KEY_PREFIX } : null,
    mail: { from: e.MAIL_FROM, smtpUrl: e.SMTP_URL ?? null },
    secrets: { session: secret as string, previous: e.SESSION_SECRET_PREVIOUS || null },
    session: {
      idleMs: e.SESSION_IDLE_HOURS * 3_600_000,
      absoluteMs: e.SESSION_ABSOLUTE_DAYS * 86_400_000,
      // The __Host- prefix pins the cookie to this host, path / and https.
      cookieName: https ? '__Host-session' : 'session',
      // Browsers treat localhost as a secure context, so Secure cookies work there over http too.
      secureCookie: https || local,
    },
    log: { level: e.LOG_LEVEL, dir: e.LOG_DIR ? resolve(e.LOG_DIR) : join(dataDir, 'logs') },
    rateLimit: {
      apiMax: e.RATE_LIMIT_API_MAX,
      apiUserMax: e.RATE_LIMIT_API_USER_MAX,
      apiWindowMs: e.RATE_LIMIT_API_WINDOW_MINUTES * 60_000,
      authMax: e.RATE_LIMIT_AUTH_MAX,
      authWindowMs: e.RATE_LIMIT_AUTH_WINDOW_MINUTES * 60_000,
      loginMaxPerAccount: e.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      loginMaxPerIp: e.LOGIN_MAX_FAILURES_PER_IP,
      loginLockMs: e.LOGIN_LOCK_MINUTES * 60_000,
    },
    admin: {
      email: e.ADMIN_EMAIL ?? null,
      password: e.ADMIN_PASSWORD ?? null,
      require2fa: e.REQUIRE_ADMIN_2FA,
    },
    seedDemo: e.SEED_DEMO,
    argon2: { memoryCost: e.ARGON2_MEMORY_KIB, timeCost: e.ARGON2_TIME_COST, parallelism: 1 },
    jobsEnabled: e.JOBS_ENABLED,
    worker: { healthPort: e.WORKER_HEALTH_PORT ?? null },
    uploads: {
      videoMaxBytes: e.UPLOAD_VIDEO_MAX_BYTES,
      pdfMaxBytes: e.UPLOAD_PDF_MAX_BYTES,
      resourceMaxBytes: e.UPLOAD_RESOURCE_MAX_BYTES,
    },
    siteTimeZone: e.SITE_TIME_ZONE,
    commerce: {
      currencies: e.SHOP_CURRENCIES,
      revenueSharePercent: e.INSTRUCTOR_REVENUE_SHARE_PERCENT,
      downloadLinkTtlMs: e.DOWNLOAD_LINK_TTL_MINUTES * 60_000,
      pendingOrderTtlMs: e.ORDER_PENDING_EXPIRY_HOURS * 3_600_000,
      reconcileAfterMs: e.PAYMENT_RECONCILE_AFTER_MINUTES * 60_000,
      productFileMaxBytes: e.UPLOAD_PRODUCT_FILE_MAX_BYTES,
      proofMaxBytes: e.UPLOAD_PROOF_MAX_BYTES,
    },
    payments: paymentsConfig(e),
    operations: {
      metricsToken: e.METRICS_TOKEN ?? null,
      backups: {
        dir: e.BACKUP_DIR ? resolve(e.BACKUP_DIR) : join(dataDir, 'backups'),
        cron: e.BACKUP_CRON,
        retentionDays: e.BACKUP_RETENTION_DAYS,
        drillCron: e.RESTORE_DRILL_CRON,
      },
      checksCron: e.CHECKS_CRON,
      alertEmails: e.ALERT_EMAILS.split(',')
        .map((s) => s.trim())
        .filter(Boolean),
      archive: { ordersAfterDays: e.ARCHIVE_ORDERS_AFTER_DAYS, eventsAfterDays: e.ARCHIVE_EVENTS_AFTER_DAYS },
      dashboardCacheMs: e.DASHBOARD_CACHE_SECONDS * 1000,
    },
    content: { contactMaxPerHour: e.CONTACT_FORM_MAX_PER_HOUR },
  };
}

function paymentsConfig(e: Env): Config['payments'] {
  const stripe =
    e.STRIPE_SECRET_KEY && e.STRIPE_WEBHOOK_SECRET
      ? {
          secretKey: e.STRIPE_SECRET_KEY,
          webhookSecret: e.STRIPE_WEBHOOK_SECRET,
          apiBase: e.STRIPE_API_BASE ? new URL(e.STRIPE_API_BASE) : null,
        }
      : null;
  const paypal =
    e.PAYPAL_CLIENT_ID && e.PAYPAL_CLIENT_SECRET && e.PAYPAL_WEBHOOK_ID
      ? {
          clientId: e.PAYPAL_CLIENT_ID,
          clientSecret: e.PAYPAL_CLIENT_SECRET,
          webhookId: e.PAYPAL_WEBHOOK_ID,
          apiBase: new URL(e.PAYPAL_API_BASE ?? 'https://api-m.sandbox.paypal.com'),
        }
      : null;
  const testProvider =
    e.TEST_PAYMENTS === 'true' || (e.TEST_PAYMENTS === 'auto' && stripe === null && paypal === null);
  return { stripe, paypal, testProvider };
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function parseTrustProxy(v: string): boolean | string | number {
  if (v === 'true') return true;
  if (v === 'false' || v === '') return false;
  if (/^\d+$/.test(v)) return Number(v);
  return v;
}

/** In development a secret is generated once and kept in DATA_DIR, so sessions survive restarts. */
function developmentSecret(dataDir: string): string {
  const file = join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
