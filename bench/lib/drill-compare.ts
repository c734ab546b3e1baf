// The drill's second opinion (bench/drill.ts): source and restored copy compared here, independently
// of the archive's manifest and its checksums — tables (count and row hashes), sequences, schema, files.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';

/** One connection to `url` for `fn`, always ended. */
export async function onServer<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url, application_name: '9tangle-drill' });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end().catch(() => undefined);
  }
}

interface Fingerprint {
  tables: Map<string, { rows: number; sum: string }>;
  sequences: Map<string, string>;
  schema: Set<string>;
}

/** pg-boss's schemas are left out of backups by design (its jobs belong to processes that are gone). */
const userSchema = (col: string) =>
  `${col} not in ('information_schema', 'pg_catalog') and ${col} not like 'pg\\_%' and ${col} not like 'pgboss%'`;
const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

export async function fingerprint(url: string): Promise<Fingerprint> {
  return onServer(url, async (c) => {
    // The same text form on both sides (both are on the same server, but say so explicitly).
    await c.query("set TimeZone = 'UTC'; set DateStyle = 'ISO, YMD'; set extra_float_digits = 1");
    const { rows: tables } = await c.query<{ s: string; t: string }>(
      `select table_schema as s, table_name as t from information_schema.tables
        where table_type = 'BASE TABLE' and ${userSchema('table_schema')} order by 1, 2`,
    );
    const out: Fingerprint = { tables: new Map(), sequences: new Map(), schema: new Set() };
    for (const { s, t } of tables) {
      // Two 60-bit slices of each row's sha256, summed: independent of row order, and of the
      // manifest's md5-of-text. numeric sums do not overflow.
      const { rows } = await c.query<{ n: string; a: string; b: string }>(
        `select count(*)::text as n,
                coalesce(sum(('x' || substr(h, 1, 15))::bit(60)::bigint), 0)::text as a,
                coalesce(sum(('x' || substr(h, 16, 15))::bit(60)::bigint), 0)::text as b
           from (select encode(sha256(convert_to(row_to_json(r)::text, 'UTF8')), 'hex') as h
                   from ${ident(s)}.${ident(t)} r) q`,
      );
      const r = rows[0];
      out.tables.set(`${s}.${t}`, { rows: Number(r?.n ?? -1), sum: `${r?.a}:${r?.b}` });
    }
    const { rows: seqs } = await c.query<{ name: string; v: string | null }>(
      `select schemaname || '.' || sequencename as name, last_value::text as v from pg_sequences
        where ${userSchema('schemaname')}`,
    );
    for (const q of seqs) out.sequences.set(q.name, q.v ?? 'never used');
    const { rows: schema } = await c.query<{ d: string }>(
      `select 'column ' || table_schema || '.' || table_name || '.' || column_name || ' ' || data_type || ' '
              || is_nullable || ' default ' || coalesce(column_default, '-') as d
         from information_schema.columns where ${userSchema('table_schema')}
       union all
       select 'index ' || indexdef from pg_indexes where ${userSchema('schemaname')}
       union all
       select 'constraint ' || n.nspname || '.' || cl.relname || '.' || co.conname || ' ' || pg_get_constraintdef(co.oid)
         from pg_constraint co join pg_class cl on cl.oid = co.conrelid join pg_namespace n on n.oid = cl.relnamespace
        where ${userSchema('n.nspname')}
       union all
       select 'enum ' || n.nspname || '.' || t.typname || ' ' || string_agg(e.enumlabel, ',' order by e.enumsortorder)
         from pg_enum e join pg_type t on t.oid = e.enumtypid join pg_namespace n on n.oid = t.typnamespace
        where ${userSchema('n.nspname')} group by n.nspname, t.typname`,
    );
    for (const r of schema) out.schema.add(r.d);
    return out;
  });
}

/** Every file under `root` with its size and sha256, read here (not with the backup's own helpers). */
export async function filesOf(root: string): Promise<Map<string, { size: number; sha256: string }>> {
  const out = new Map<string, { size: number; sha256: string }>();
  const walk = async (rel: string) => {
    for (const e of await readdir(join(root, rel), { withFileTypes: true })) {
      const path = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) await walk(path);
      else {
        const hash = createHash('sha256');
        for await (const chunk of createReadStream(join(root, path))) hash.update(chunk as Buffer);
        out.set(path, { size: (await stat(join(root, path))).size, sha256: hash.digest('hex') });
      }
    }
  };
  await walk('');
  return out;
}

export function differences<V>(
  what: string,
  a: Map<string, V>,
  b: Map<string, V>,
  same: (x: V, y: V) => boolean,
) {
  const out: string[] = [];
  for (const [k, v] of a) {
    const w = b.get(k);
    if (w === undefined) out.push(`${what} ${k}: missing from the restored copy`);
    else if (!same(v, w))
      out.push(`${what} ${k}: source ${JSON.stringify(v)}, restored ${JSON.stringify(w)}`);
  }
  for (const k of b.keys()) if (!a.has(k)) out.push(`${what} ${k}: only in the restored copy`);
  return out;
}
