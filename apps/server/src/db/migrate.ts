import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { Database } from './client.ts';

/** The committed SQL migrations in `apps/server/drizzle`, found from `src/db` and from the bundled `dist`. */
export const migrationsFolder = findMigrations();

function findMigrations(): string {
  for (const rel of ['../../drizzle', '../drizzle']) {
    const dir = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(join(dir, 'meta', '_journal.json'))) return dir;
  }
  throw new Error('migrations folder apps/server/drizzle not found');
}

const LOCK_KEY = 7_214_003; // any constant: serialises migrations across app instances

/** Apply pending migrations. On PostgreSQL an advisory lock makes concurrent boots take turns. */
export async function runMigrations(database: Database): Promise<void> {
  if (database.kind === 'embedded') {
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  const pool = database.pool;
  if (!pool) throw new Error('postgres database without a pool');
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [LOCK_KEY]);
    const { drizzle } = await import('drizzle-orm/node-postgres');
    await migratePg(drizzle(client), { migrationsFolder });
  } finally {
    await client.query('select pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => undefined);
    client.release();
  }
}
