import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import pg from 'pg';
import { type Database, openDatabase } from '../../../db/client.ts';
import type { TableFigure } from './manifest.ts';
import { checkToolVersion, connectionFor, databaseNameOf, runTool, withDatabase } from './pg-tools.ts';
import { EXCLUDED_SCHEMA_PATTERN, nonEmptyTables, type QueryFn, tableChecksums } from './table-checksums.ts';

/** What the target of a restore is: the PostgreSQL of a URL, or an embedded PGlite data directory. */
export type DatabaseTarget = { kind: 'postgres'; url: string } | { kind: 'embedded'; dir: string };

export interface DumpResult {
  serverVersion: string;
  tables: TableFigure[];
}

/** The database is not empty and `force` was not given. */
export class TargetNotEmptyError extends Error {
  override name = 'TargetNotEmptyError';
  constructor(public readonly where: string[]) {
    super(`the target is not empty (${where.slice(0, 5).join(', ')}${where.length > 5 ? ', …' : ''})`);
  }
}

const asQuery =
  (c: { query: (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }> }): QueryFn =>
  async <R>(text: string, values?: unknown[]) =>
    (await c.query(text, values)) as { rows: R[] };

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, application_name: '9tangle-backup' });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Dump the database to `file` and describe its tables, both from one consistent state.
 * PostgreSQL: a repeatable-read transaction exports its snapshot, pg_dump dumps exactly that snapshot
 * (`--snapshot`) while the same transaction counts and checksums every table. Embedded: PGlite's own
 * dump of its data directory is taken between two queries (PGlite runs one at a time), and the tables
 * are described from that very dump, loaded into a scratch in-memory PGlite, so writes made meanwhile
 * cannot make the manifest and the dump disagree.
 */
export async function dumpDatabase(
  database: Database,
  url: string | null,
  file: string,
): Promise<DumpResult> {
  if (database.kind === 'postgres') {
    if (!url) throw new Error('a PostgreSQL backup needs DATABASE_URL');
    return withClient(url, async (client) => {
      const q = asQuery(client);
      const { rows } = await q<{ v: string; n: string }>(
        "select current_setting('server_version') as v, current_setting('server_version_num') as n",
      );
      await checkToolVersion('pg_dump', Number(rows[0]?.n ?? 0));
      await q('begin isolation level repeatable read read only');
      try {
        const snap = await q<{ id: string }>('select pg_export_snapshot() as id');
        const conn = connectionFor(url);
        const dump = runTool(
          'pg_dump',
          [
            '--format=custom',
            `--snapshot=${snap.rows[0]?.id}`,
            `--exclude-schema=${EXCLUDED_SCHEMA_PATTERN}`,
            `--file=${file}`,
            `--dbname=${conn.dbname}`,
          ],
          conn.env,
        );
        // Both read the same snapshot; the transaction stays open until pg_dump is done with it.
        const [tables] = await Promise.all([tableChecksums(q, { inTransaction: true }), dump]);
        return { serverVersion: rows[0]?.v ?? 'unknown', tables };
      } finally {
        await q('rollback').catch(() => undefined);
      }
    });
  }
  if (!database.dumpDataDir) throw new Error('this embedded database cannot be dumped');
  const blob = await database.dumpDataDir();
  await writeFile(file, Buffer.from(await blob.arrayBuffer()));
  return describeEmbeddedDump(file);
}

/** Load a PGlite dump into a scratch in-memory instance and describe its tables. */
export async function describeEmbeddedDump(file: string): Promise<DumpResult> {
  const scratch = await openDatabase({ kind: 'pglite', dir: null }, undefined, {
    loadDataDir: new Blob([await readFile(file)]),
  });
  try {
    const q = asQuery(scratch.raw);
    const { rows } = await q<{ v: string }>("select current_setting('server_version') as v");
    return {
      serverVersion: rows[0]?.v ?? 'unknown',
      tables: await tableChecksums(q, { inTransaction: false }),
    };
  } finally {
    await scratch.close();
  }
}

/**
 * Restore a dump into the target and describe the tables it now holds. Refuses a target holding rows
 * unless `force`, which first drops every schema of the target (pg-boss's too: its jobs belong to the
 * state being replaced).
 */
export async function restoreDatabase(
  target: DatabaseTarget,
  dumpFile: string,
  o: { force: boolean },
): Promise<TableFigure[]> {
  if (target.kind === 'postgres') {
    return withClient(target.url, async (client) => {
      const q = asQuery(client);
      const full = await nonEmptyTables(q);
      if (full.length > 0 && !o.force) throw new TargetNotEmptyError(full);
      const { rows } = await q<{ n: string }>("select current_setting('server_version_num') as n");
      await checkToolVersion('pg_restore', Number(rows[0]?.n ?? 0));
      await dropUserSchemas(q);
      await pgRestore(target.url, dumpFile);
      const tables = await tableChecksums(q, { inTransaction: false });
      await closeInterruptedRuns(q);
      // An instance left running (the runbook says stop them) drops every session it keeps (ADR 049).
      await q(`select pg_notify('auth_changed', '*')`);
      return tables;
    });
  }
  const existing = (await hasEntries(target.dir))
    ? await openDatabase({ kind: 'pglite', dir: target.dir })
    : null;
  if (existing) {
    try {
      const full = await nonEmptyTables(asQuery(existing.raw));
      if (full.length > 0 && !o.force) throw new TargetNotEmptyError(full);
    } finally {
      await existing.close();
    }
  }
  // PGlite loads a dump only into a fresh data directory.
  await rm(target.dir, { recursive: true, force: true });
  // A new server's DATA_DIR may not exist yet.
  await mkdir(dirname(target.dir), { recursive: true });
  const restored = await openDatabase({ kind: 'pglite', dir: target.dir }, undefined, {
    loadDataDir: new Blob([await readFile(dumpFile)]),
  });
  try {
    const q = asQuery(restored.raw);
    await dropJobSchemas(q);
    const tables = await tableChecksums(q, { inTransaction: false });
    await closeInterruptedRuns(q);
    return tables;
  } finally {
    await restored.close();
  }
}

/**
 * The drill's restore: into a scratch database that is dropped afterwards (PostgreSQL: a new database
 * on the same server; embedded: an in-memory PGlite). Returns the tables it held.
 */
export async function restoreIntoScratch(
  kind: 'postgres' | 'embedded',
  url: string | null,
  dumpFile: string,
  now: Date,
): Promise<TableFigure[]> {
  if (kind === 'embedded') return (await describeEmbeddedDump(dumpFile)).tables;
  if (!url) throw new Error('a PostgreSQL drill needs DATABASE_URL');
  const stamp = now.toISOString().replace(/\D/g, '').slice(0, 14);
  const name = `${databaseNameOf(url).slice(0, 40)}_drill_${stamp}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
  const admin = asQuery({ query: (t, v) => withClient(url, (c) => c.query(t, v)) });
  await admin(`create database "${name}"`);
  try {
    const scratchUrl = withDatabase(url, name);
    await withClient(scratchUrl, async (c) => {
      const { rows } = await c.query<{ n: string }>("select current_setting('server_version_num') as n");
      await checkToolVersion('pg_restore', Number(rows[0]?.n ?? 0));
    });
    await pgRestore(scratchUrl, dumpFile);
    return await withClient(scratchUrl, (c) => tableChecksums(asQuery(c), { inTransaction: false }));
  } finally {
    await admin(`drop database if exists "${name}" with (force)`).catch(() => undefined);
  }
}

async function pgRestore(url: string, dumpFile: string): Promise<void> {
  const conn = connectionFor(url);
  await runTool(
    'pg_restore',
    [
      '--no-owner',
      '--no-privileges',
      '--exit-on-error',
      '--single-transaction',
      `--dbname=${conn.dbname}`,
      dumpFile,
    ],
    conn.env,
  );
}

const USER_SCHEMAS = `select nspname as name from pg_namespace
  where nspname not in ('pg_catalog', 'information_schema') and nspname not like 'pg\\_%'`;

/** Empty the target: every schema dropped (with its tables, types and sequences), `public` made again. */
async function dropUserSchemas(q: QueryFn): Promise<void> {
  const { rows } = await q<{ name: string }>(USER_SCHEMAS);
  for (const s of rows) await q(`drop schema "${s.name.replace(/"/g, '""')}" cascade`);
  await q('create schema if not exists public');
}

async function dropJobSchemas(q: QueryFn): Promise<void> {
  const { rows } = await q<{ name: string }>(
    `${USER_SCHEMAS} and (nspname = 'pgboss' or nspname like 'pgboss\\_%')`,
  );
  for (const s of rows) await q(`drop schema "${s.name.replace(/"/g, '""')}" cascade`);
}

async function hasEntries(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length > 0;
  } catch {
    return false;
  }
}

/**
 * The backup's own run (and any other job running when it was taken) is `running` in the dump; in the
 * restored database no process will ever finish it, and it would block new backups. Compared with the
 * manifest first, then closed.
 */
async function closeInterruptedRuns(q: QueryFn): Promise<void> {
  const { rows } = await q<{ t: string | null }>("select to_regclass('public.job_runs')::text as t");
  if (!rows[0]?.t) return;
  await q(
    `update public.job_runs set status = 'failed', finished_at = now(),
        error = 'Interrupted: the database was restored from a backup taken while this ran'
      where status = 'running'`,
  );
}
