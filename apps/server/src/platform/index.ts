import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import { type Database, openDatabase, waitForDatabase } from '../db/client.ts';
import { runMigrations } from '../db/migrate.ts';
import { type Cache, createMemoryCache, createRedisCache } from './cache.ts';
import { type Clock, systemClock } from './clock.ts';
import { createJobs, type Jobs } from './jobs.ts';
import { createMailTransport, type MailTransport } from './mail-transport.ts';
import { createDiskStorage, type Storage } from './storage.ts';

export interface Platform {
  database: Database;
  cache: Cache;
  jobs: Jobs;
  mailTransport: MailTransport;
  storage: Storage;
  clock: Clock;
  close(): Promise<void>;
}

/**
 * Open every adapter the config asks for: the database (waiting for it with backoff, then migrating),
 * Redis or the in-process cache, the job queue, the mail transport and file storage.
 */
export async function openPlatform(
  config: Config,
  log: Logger,
  overrides: Partial<Pick<Platform, 'clock' | 'mailTransport' | 'database'>> & {
    /** Keep this instance's jobs and Redis keys apart from others on the same servers (parallel tests). */
    namespace?: { jobsSchema: string; redisKeyPrefix: string };
  } = {},
): Promise<Platform> {
  const database =
    overrides.database ??
    (await openDatabase(config.db, (err) => log.warn({ err: err.message }, 'database connection lost')));
  await waitForDatabase(database, {
    onRetry: (attempt, delayMs, err) =>
      log.warn({ attempt, delayMs, err: (err as Error).message }, 'database not reachable yet, retrying'),
  });
  await runMigrations(database);
  let lastRedisError = 0;
  const cache = config.redis
    ? createRedisCache(
        config.redis.url,
        (err) => {
          // Redis errors repeat every reconnect attempt; log one a minute.
          if (Date.now() - lastRedisError > 60_000)
            log.warn({ err: err.message }, 'redis unavailable, using in-process fallback');
          lastRedisError = Date.now();
        },
        overrides.namespace?.redisKeyPrefix ?? config.redis.keyPrefix,
      )
    : createMemoryCache();
  const jobs = createJobs(database.raw, {
    schema: overrides.namespace?.jobsSchema,
    enabled: config.jobsEnabled,
    onError: (err) => log.warn({ err: err.message }, 'job queue error'),
  });
  await jobs.start();
  const mailTransport = overrides.mailTransport ?? createMailTransport(config.mail.smtpUrl);
  return {
    database,
    cache,
    jobs,
    mailTransport,
    storage: createDiskStorage(join(config.dataDir, 'uploads')),
    clock: overrides.clock ?? systemClock,
    async close() {
      await jobs.stop().catch(() => undefined);
      mailTransport.close();
      await cache.close();
      await database.close();
    },
  };
}
