import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';

/**
 * Embedded databases for the test apps, reused within a worker. Starting a PGlite instance from the
 * migrated template costs about 1.6 s of CPU, most of the embedded suite's time across ~200 test apps;
 * putting a used one back to the template's state costs a few tens of milliseconds.
 *
 * The reset, run when an instance is taken again (so a statement that a closed app sent late lands
 * before it): roll back what is open, `DISCARD ALL` (prepared statements, advisory locks, settings,
 * temporary tables), drop the tables and schemas a test created, truncate every table of the template
 * with its sequences restarted, and put back the few rows the template holds (the migrations' record
 * and pg-boss's queue and version).
 */
interface Snapshot {
  schemas: Set<string>;
  tables: Set<string>;
  rows: { table: string; columns: string[]; json: string }[];
  sequences: { name: string; last: string; called: boolean }[];
}

const idle: PGlite[] = [];
let snapshot: Promise<Snapshot> | null = null;
/** Instances this worker keeps between apps; a test with two apps at once opens a second. */
const KEEP = 2;

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
const qualified = (schema: string, table: string) => `${quote(schema)}.${quote(table)}`;

async function tablesOf(c: PGlite) {
  return (
    await c.query<{ schema: string; name: string; kind: string }>(
      `select n.nspname as schema, c.relname as name, c.relkind as kind
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where c.relkind in ('r', 'p', 'S') and n.nspname not in ('pg_catalog', 'information_schema')
          and n.nspname not like 'pg_toast%' and n.nspname not like 'pg_temp%'`,
    )
  ).rows;
}

async function schemasOf(c: PGlite) {
  return (
    await c.query<{ name: string }>(
      `select nspname as name from pg_namespace where nspname not like 'pg_toast%' and nspname not like 'pg_temp%'`,
    )
  ).rows.map((r) => r.name);
}

async function takeSnapshot(c: PGlite): Promise<Snapshot> {
  const all = await tablesOf(c);
  const rows: Snapshot['rows'] = [];
  const sequences: Snapshot['sequences'] = [];
  for (const t of all) {
    const name = qualified(t.schema, t.name);
    if (t.kind === 'S') {
      const { rows: s } = await c.query<{ last: string; called: boolean }>(
        `select last_value::text as last, is_called as called from ${name}`,
      );
      sequences.push({ name, last: s[0]?.last ?? '1', called: s[0]?.called ?? false });
      continue;
    }
    const { rows: json } = await c.query<{ json: string | null }>(
      `select json_agg(t)::text as json from ${name} t`,
    );
    if (!json[0]?.json) continue;
    // Generated columns cannot be inserted: put back only the stored ones.
    const { rows: cols } = await c.query<{ name: string }>(
      `select column_name as name from information_schema.columns
        where table_schema = $1 and table_name = $2 and is_generated = 'NEVER' order by ordinal_position`,
      [t.schema, t.name],
    );
    rows.push({ table: name, columns: cols.map((x) => x.name), json: json[0].json });
  }
  return {
    schemas: new Set(await schemasOf(c)),
    tables: new Set(all.filter((t) => t.kind !== 'S').map((t) => qualified(t.schema, t.name))),
    rows,
    sequences,
  };
}

async function reset(c: PGlite, s: Snapshot): Promise<void> {
  await c.exec('rollback').catch(() => undefined);
  await c.exec('discard all');
  for (const schema of await schemasOf(c))
    if (!s.schemas.has(schema)) await c.exec(`drop schema ${quote(schema)} cascade`);
  for (const t of await tablesOf(c)) {
    const name = qualified(t.schema, t.name);
    if (t.kind !== 'S' && !s.tables.has(name)) await c.exec(`drop table if exists ${name} cascade`);
  }
  const statements = [`truncate ${[...s.tables].join(', ')} restart identity cascade`];
  for (const r of s.rows) {
    const cols = r.columns.map(quote).join(', ');
    statements.push(
      `insert into ${r.table} (${cols}) select ${cols} from json_populate_recordset(null::${r.table}, ${literal(r.json)})`,
    );
  }
  for (const q of s.sequences)
    statements.push(`select setval('${q.name.replaceAll("'", "''")}', ${q.last}, ${q.called})`);
  await c.exec(statements.join(';\n'));
}

const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** An embedded database in the template's state: a kept one reset, or a new one from the template. */
export async function takeEmbedded(template: string): Promise<PGlite> {
  snapshot ??= PGlite.create({ loadDataDir: new Blob([readFileSync(template)]) }).then(async (c) => {
    const s = await takeSnapshot(c);
    idle.push(c);
    return s;
  });
  const s = await snapshot;
  for (let c = idle.pop(); c; c = idle.pop()) {
    if (c.closed) continue;
    try {
      await reset(c, s);
      return c;
    } catch {
      await c.close().catch(() => undefined);
    }
  }
  return PGlite.create({ loadDataDir: new Blob([readFileSync(template)]) });
}

/** Give an instance back when its app has closed; past `KEEP` idle ones, it is closed. */
export async function giveBack(c: PGlite): Promise<void> {
  // The app wrapped these to count statements (db/client.ts): the next app wraps them afresh.
  const own = c as unknown as Record<string, unknown>;
  for (const name of ['query', 'exec', 'transaction']) delete own[name];
  if (c.closed) return;
  if (idle.length >= KEEP) return c.close();
  idle.push(c);
}
