import { join } from 'node:path';
import { loadConfig, loadDotEnv } from '../config.ts';
import { openDatabase } from '../db/client.ts';
import { runMigrations } from '../db/migrate.ts';
import { createDiskStorage } from '../platform/storage.ts';
import { seedDemo } from './demo.ts';

/** `npm run seed`: migrate and seed the demo academy into an empty database. Refuses production. */
loadDotEnv();
const config = loadConfig();
if (config.isProduction) {
  process.stderr.write('Refusing to seed demo data with NODE_ENV=production.\n');
  process.exit(1);
}
const database = await openDatabase(config.db);
await runMigrations(database);
const seeded = await seedDemo(database.db, {
  storage: createDiskStorage(join(config.dataDir, 'uploads')),
  timeZone: config.siteTimeZone,
});
process.stdout.write(
  seeded ? 'Seeded the demo academy.\n' : 'The database already has people in it; nothing seeded.\n',
);
await database.close();
