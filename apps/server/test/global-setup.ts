import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/db/client.ts';
import { runMigrations } from '../src/db/migrate.ts';
import { createJobs } from '../src/platform/jobs.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A dump of a migrated embedded database, so each test app starts from it instead of initdb. */
    pgliteTemplate: string | null;
  }
}

/**
 * Once per run: build the embedded database every test app starts from (migrated, job schema
 * installed). Creating a PGlite cluster costs seconds; loading this dump costs about a third of that.
 * Built on PostgreSQL runs too: the tests that need an empty academy (`DATABASE_URL: ''`) use it, and
 * migrating a new cluster for each cost about 15 s a test there.
 */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), '9tangle-template-'));
  const database = await openDatabase({ kind: 'pglite', dir: null });
  await runMigrations(database);
  const jobs = createJobs(database.raw, { enabled: false, onError: () => undefined });
  await jobs.start();
  await jobs.stop();
  const file = join(dir, 'template.tar');
  if (!database.dumpDataDir) throw new Error('the embedded database cannot dump itself');
  writeFileSync(file, Buffer.from(await (await database.dumpDataDir()).arrayBuffer()));
  await database.close();
  project.provide('pgliteTemplate', file);
  return async () => {
    rmSync(dir, { recursive: true, force: true });
    if (process.env.DATABASE_URL) await dropJobSchemas(process.env.DATABASE_URL);
  };
}

/** Each test app on PostgreSQL has a job schema of its own (harness.ts): drop them all when the run is over. */
async function dropJobSchemas(url: string) {
  const database = await openDatabase({ kind: 'postgres', url, poolMax: 1 });
  try {
    const { rows } = await database.raw.query<{ name: string }>(
      `select nspname as name from pg_namespace where nspname ~ '^pgboss_t[0-9a-f]{10}$'`,
    );
    for (const { name } of rows) await database.raw.exec(`drop schema if exists ${name} cascade`);
  } finally {
    await database.close();
  }
}
