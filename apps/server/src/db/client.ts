import { PGlite } from '@electric-sql/pglite';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import type { Config } from '../config.ts';
import * as schema from './schema/index.ts';

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
}

export async function openDatabase(
  cfg: Config['db'],
  onPoolError?: (err: Error) => void,
  opts: { loadDataDir?: Blob } = {},
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
    };
  }
  // loadDataDir starts from a dump (a restore, or the tests' migrated template) instead of an empty cluster.
  const client = await PGlite.create({ ...(cfg.dir ? { dataDir: cfg.dir } : {}), ...opts });
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
