// The bench databases of a scale on PostgreSQL (`bench_m`, `bench_l`): created, migrated and generated
// once, then kept (generating L takes minutes), shared by `npm run bench` and `npm run drill`. Another
// `--db-prefix` gives a checkout its own databases (`mine_m`).
import { openDatabase } from '../../apps/server/src/db/client.ts';
import { runMigrations } from '../../apps/server/src/db/migrate.ts';
import { generate, type Manifest, type Scale } from '../data/generate.ts';

/** The server the bench databases are created on: DATABASE_URL, or the local PostgreSQL. */
export const benchAdminUrl = (): string =>
  process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** The URL of another database on the same server as `adminUrl`. */
export function databaseUrlOf(adminUrl: string, db: string): string {
  const u = new URL(adminUrl);
  u.pathname = `/${db}`;
  return u.toString();
}

/** The bench database name of a scale: `<prefix><scale>`, `bench_m` by default. */
export const scaleDatabaseName = (prefix: string, scale: Scale): string => `${prefix}${scale.toLowerCase()}`;

/**
 * The bench database of a scale, generated once and kept: created if missing, migrated, generated if
 * empty (a database that already holds the scale's data only has its manifest rebuilt).
 */
export async function postgresScaleData(o: {
  adminUrl: string;
  prefix: string;
  scale: Scale;
  log: (s: string) => void;
}): Promise<{ url: string; name: string; manifest: Manifest }> {
  const name = scaleDatabaseName(o.prefix, o.scale);
  const admin = await openDatabase({ kind: 'postgres', url: o.adminUrl, poolMax: 1 });
  try {
    const { rows } = await admin.raw.query('select 1 from pg_database where datname = $1', [name]);
    if (rows.length === 0) await admin.raw.exec(`create database ${name}`);
  } finally {
    await admin.close();
  }
  const url = databaseUrlOf(o.adminUrl, name);
  const database = await openDatabase({ kind: 'postgres', url, poolMax: 2 });
  try {
    await runMigrations(database);
    return { url, name, manifest: await generate(database.raw, o.scale, o.log) };
  } finally {
    await database.close();
  }
}
