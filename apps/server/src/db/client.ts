import { PGlite } from '@electric-sql/pglite';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import type { Config } from '../config.ts';
import * as schema from './schema/index.ts';
import { nameStatements } from './statement-names.ts';

export type Schema = typeof schema;
/** The query API is the same on both drivers; the pg type is used for both. */
export type Db = NodePgDatabase<Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** What a repo function takes first: the database or a transaction. */
export type Executor = Db | Tx;

/** A raw SQL runner with the `pg` result shape, for pg-boss and health checks. */
export interface RawSql {
  query<R = Record<string, unknown>>(text: string, values?: unknown[]): Promise<{ rows: R[] }>;
  /** Run one or more statements without parameters (migrations, dumps). */
  exec(text: string): Promise<void>;
}

export interface Database {
  kind: 'postgres' | 'embedded';
  db: Db;
  raw: RawSql;
  /** Round-trip time of `select 1`, or throws. */
  ping(): Promise<number>;
  close(): Promise<void>;
  /** pg only: the pool, for pool figures. */
  pool: pg.Pool | null;
  /** Embedded only: the whole data directory as a tarball (PGlite's own dump). */
  dumpDataDir: (() => Promise<Blob>) | null;
  /** Statements sent to the database since it was opened (`db_queries_total`; the bench's queries per request). */
  queryCount(): number;
  /**
   * Hear a channel's notifications (`LISTEN`), as PostgreSQL delivers them once the transaction that
   * sent them commits. `up` once listening, `message` for each payload, `down` when the listening
   * connection is lost: what was sent meanwhile is missed, so whatever depends on hearing it must be
   * dropped until `up` again (it reconnects by itself). Resolves with the function that stops it.
   */
  listen(channel: string, on: ListenHandlers): Promise<() => Promise<void>>;
}

export interface ListenHandlers {
  up(): void;
  message(payload: string): void;
  down(): void;
}

/** Wraps `target[name]` (a query function) so each call adds one to `counter.n`. */
function countCalls<T extends object>(target: T, name: keyof T, counter: { n: number }): void {
  const fn = target[name] as unknown as (...args: unknown[]) => unknown;
  (target as Record<keyof T, unknown>)[name] = function (this: unknown, ...args: unknown[]) {
    counter.n += 1;
    return fn.apply(this, args);
  };
}

export async function openDatabase(
  cfg: Config['db'],
  onPoolError?: (err: Error) => void,
  opts: { loadDataDir?: Blob; client?: PGlite } = {},
): Promise<Database> {
  if (cfg.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: cfg.url,
      max: cfg.poolMax,
      // Fail fast when the database is gone: a request gets 503 in ~2 s, not a hang.
      connectionTimeoutMillis: 2_000,
      idleTimeoutMillis: 30_000,
      application_name: '9tangle',
    });
    // An idle client losing its connection emits 'error' on the pool; unhandled, it would kill the process.
    pool.on('error', (err) => onPoolError?.(err));
    // pool.query and transactions both end in a client's query(): count there, once per statement.
    const counter = { n: 0 };
    pool.on('connect', (client) => {
      nameStatements(client);
      countCalls(client, 'query', counter);
      // The pool listens for errors only on idle clients. A client checked out between two statements
      // (a transaction waiting on Stripe or on storage) that loses its connection (pg_terminate_backend,
      // a database restart) emits 'error' with no listener, which would end the process (found by the
      // chaos suite). Its next statement fails as a connection error (503) and the pool drops it on release.
      client.on('error', (err) => onPoolError?.(err));
    });
    const raw: RawSql = {
      query: async (text, values) => pool.query(text, values as unknown[]) as never,
      exec: async (text) => {
        await pool.query(text);
      },
    };
    const db = drizzlePg(pool, { schema });
    return {
      kind: 'postgres',
      db,
      raw,
      pool,
      dumpDataDir: null,
      ping: () => timed(() => pool.query('select 1')),
      close: () => pool.end(),
      queryCount: () => counter.n,
      listen: async (channel, on) => listenOnPostgres(cfg.url, channel, on),
    };
  }
  // loadDataDir starts from a dump (a restore, or the tests' migrated template) instead of an empty cluster.
  // `client`: an instance opened already (the tests reuse theirs, reset, instead of starting one per app).
  const client =
    opts.client ??
    (await PGlite.create({
      ...(cfg.dir ? { dataDir: cfg.dir } : {}),
      ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
    }));
  const counter = { n: 0 };
  countCalls(client, 'query', counter);
  countCalls(client, 'exec', counter);
  const transaction = client.transaction.bind(client);
  client.transaction = (fn) => {
    counter.n += 2; // PGlite sends BEGIN and COMMIT (or ROLLBACK) itself, as pg sends them through query()
    return transaction((tx) => {
      countCalls(tx, 'query', counter);
      countCalls(tx, 'exec', counter);
      return fn(tx);
    });
  };
  const raw: RawSql = {
    query: async (text, values) => {
      // pg runs several statements in one unparameterised query (pg-boss installs that way); PGlite's
      // query() prepares one statement, so such text goes through exec().
      if ((!values || values.length === 0) && /;\s*\S/.test(text)) {
        const results = await client.exec(text);
        return { rows: (results.at(-1)?.rows ?? []) as never };
      }
      const res = await client.query(text, values as unknown[]);
      return { rows: res.rows as never };
    },
    exec: async (text) => {
      await client.exec(text);
    },
  };
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    kind: 'embedded',
    db,
    raw,
    pool: null,
    dumpDataDir: () => client.dumpDataDir('none'),
    ping: () => timed(() => client.query('select 1')),
    close: () => client.close(),
    queryCount: () => counter.n,
    // One connection, in this process: a notification is heard as its transaction commits, and the
    // connection cannot be lost apart from the database.
    listen: async (channel, on) => {
      const stop = await client.listen(channel, (payload) => on.message(payload));
      on.up();
      return async () => {
        await stop();
      };
    },
  };
}

const LISTEN_RETRY_MS = { first: 250, max: 10_000 };

/**
 * `listen` on PostgreSQL: a connection of its own (not one of the pool's: it stays open), which
 * reconnects with backoff when it is lost (a restart, `pg_terminate_backend`) and says `down` at once.
 */
function listenOnPostgres(url: string, channel: string, on: ListenHandlers): () => Promise<void> {
  let stopped = false;
  let client: pg.Client | null = null;
  let retryMs = LISTEN_RETRY_MS.first;
  let timer: NodeJS.Timeout | null = null;
  const lost = (c: pg.Client) => {
    if (client !== c) return;
    client = null;
    on.down();
    c.end().catch(() => undefined);
    if (stopped) return;
    timer = setTimeout(connect, retryMs);
    timer.unref();
    retryMs = Math.min(retryMs * 2, LISTEN_RETRY_MS.max);
  };
  const connect = () => {
    timer = null;
    const c = new pg.Client({ connectionString: url, application_name: `9tangle-listen:${channel}` });
    client = c;
    c.on('error', () => lost(c));
    c.on('end', () => lost(c));
    c.on('notification', (n) => {
      if (client === c && n.channel === channel) on.message(n.payload ?? '');
    });
    c.connect()
      .then(() => c.query(`listen ${pg.escapeIdentifier(channel)}`))
      .then(() => {
        if (client !== c || stopped) return;
        retryMs = LISTEN_RETRY_MS.first;
        on.up();
      })
      .catch(() => lost(c));
  };
  connect();
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    const c = client;
    client = null;
    if (c) {
      on.down();
      await c.end().catch(() => undefined);
    }
  };
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return Math.round((performance.now() - start) * 100) / 100;
}

/** Wait for the database at boot, retrying with exponential backoff (max ~1 minute by default). */
export async function waitForDatabase(
  database: Pick<Database, 'ping'>,
  opts: { attempts?: number; onRetry?: (attempt: number, delayMs: number, err: unknown) => void } = {},
): Promise<void> {
  const attempts = opts.attempts ?? 10;
  for (let attempt = 1; ; attempt++) {
    try {
      await database.ping();
      return;
    } catch (err) {
      if (attempt >= attempts) throw err;
      const delay = Math.min(250 * 2 ** (attempt - 1), 10_000);
      opts.onRetry?.(attempt, delay, err);
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  '57P01',
  '57P02',
  '57P03',
]);

/** True when an error means "the database is not reachable right now" rather than a bad query. */
export function isConnectionError(err: unknown): boolean {
  for (let e: unknown = err; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (CONNECTION_CODES.has(code) || code.startsWith('08'))) return true;
    const msg = (e as { message?: unknown }).message;
    if (
      typeof msg === 'string' &&
      /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|terminating connection/i.test(
        msg,
      )
    )
      return true;
  }
  return false;
}
