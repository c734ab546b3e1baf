import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../apps/server/src/db/client.ts';
import { runMigrations } from '../../apps/server/src/db/migrate.ts';
import { createJobs } from '../../apps/server/src/platform/jobs.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated embedded database directory (job schema installed) each e2e server starts from. */
    e2ePgliteTemplate: string;
  }
}

/**
 * Once per run: an embedded database, migrated, that each browser test's server copies instead of
 * creating a cluster and migrating it (about half of a server's start). Nothing else is in it: the
 * server's boot (first admin, settings) runs as on a fresh `./data`.
 */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), '9tangle-e2e-template-'));
  const pglite = join(dir, 'pglite');
  const database = await openDatabase({ kind: 'pglite', dir: pglite });
  await runMigrations(database);
  const jobs = createJobs(database.raw, { enabled: false, onError: () => undefined });
  await jobs.start();
  await jobs.stop();
  await database.close();
  project.provide('e2ePgliteTemplate', pglite);
  return () => rmSync(dir, { recursive: true, force: true });
}

/** Copy the template into a new server's data directory (embedded mode only). */
export function seedDataDir(template: string, dataDir: string) {
  cpSync(template, join(dataDir, 'pglite'), { recursive: true });
}
