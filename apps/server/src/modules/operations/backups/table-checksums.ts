import type { TableFigure } from './manifest.ts';

/** Anything that runs a query with the `pg` result shape: a `pg.Client`, a PGlite instance, `RawSql`. */
export type QueryFn = <R>(text: string, values?: unknown[]) => Promise<{ rows: R[] }>;

/**
 * pg-boss's schemas (`pgboss`, and the per-instance `pgboss_*` of tests) are left out of backups: they
 * hold jobs in flight (locked by processes that will not exist after a restore) and pg-boss re-creates
 * its schema at start; the schedules are declared again at every boot and the mail sweep re-queues any
 * mail that was waiting. So a restore starts with an empty queue, not with stale locks.
 */
export const EXCLUDED_SCHEMA_PATTERN = 'pgboss*';
const isExcludedSchema = (schema: string) => schema === 'pgboss' || schema.startsWith('pgboss_');

/**
 * The session settings that fix how a row prints as text, so the same rows give the same checksum on
 * the source, in a restored database on another server, and in an embedded PGlite.
 */
const STABLE_TEXT = [
  "set %s TimeZone = 'UTC'",
  "set %s DateStyle = 'ISO, YMD'",
  "set %s IntervalStyle = 'postgres'",
  'set %s extra_float_digits = 1',
  "set %s bytea_output = 'hex'",
];

const quoteIdent = (s: string) => `"${s.replace(/"/g, '""')}"`;

/**
 * Every user table (PostgreSQL system schemas and pg-boss left out) with its row count and a checksum of
 * its content: md5 over the rows' own md5s in byte order. Hashing each row first keeps the aggregate
 * small (32 bytes a row) however wide the rows are, and the "C" order makes it independent of collation.
 * `inTransaction` uses `set local`, so a snapshot transaction's settings end with it.
 */
export async function tableChecksums(query: QueryFn, o: { inTransaction: boolean }): Promise<TableFigure[]> {
  for (const s of STABLE_TEXT) await query(s.replace('%s', o.inTransaction ? 'local' : 'session'));
  const { rows: tables } = await query<{ schema: string; name: string }>(
    `select n.nspname as schema, c.relname as name
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p') and not c.relispartition
        and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'
      order by 1, 2`,
  );
  const out: TableFigure[] = [];
  for (const t of tables) {
    if (isExcludedSchema(t.schema)) continue;
    const { rows } = await query<{ rows: number; checksum: string }>(
      `select count(*)::int as rows, md5(coalesce(string_agg(h, '' order by h collate "C"), '')) as checksum
         from (select md5(t::text) as h from ${quoteIdent(t.schema)}.${quoteIdent(t.name)} t) s`,
    );
    const r = rows[0];
    out.push({ table: `${t.schema}.${t.name}`, rows: Number(r?.rows ?? 0), checksum: r?.checksum ?? '' });
  }
  return out;
}

/** The tables that hold rows, for the "restore only into an empty database" rule. */
export async function nonEmptyTables(query: QueryFn): Promise<string[]> {
  const { rows: tables } = await query<{ schema: string; name: string }>(
    `select n.nspname as schema, c.relname as name
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p') and not c.relispartition
        and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'
      order by 1, 2`,
  );
  const out: string[] = [];
  for (const t of tables) {
    // The migrations journal is not data: a freshly migrated, never used database is still empty.
    if (isExcludedSchema(t.schema) || t.schema === 'drizzle') continue;
    const { rows } = await query<{ any: boolean }>(
      `select exists (select 1 from ${quoteIdent(t.schema)}.${quoteIdent(t.name)}) as any`,
    );
    if (rows[0]?.any) out.push(`${t.schema}.${t.name}`);
  }
  return out;
}
