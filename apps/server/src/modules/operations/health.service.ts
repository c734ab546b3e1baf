import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AdminHealth } from '@9tangle/contracts';
import type { Database } from '../../db/client.ts';
import { migrationsFolder } from '../../db/migrate.ts';
import type { Cache } from '../../platform/cache.ts';
import type { Jobs } from '../../platform/jobs.ts';

const expectedMigrations = (
  JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] }
).entries.length;

const mb = (n: number) => Math.round((n / 1_048_576) * 10) / 10;

/** Liveness, readiness and the admin's health report (the maintenance guide's health endpoint). */
export function createHealthService(d: {
  database: Database;
  cache: Cache;
  jobs: Jobs;
  mailTransport: 'smtp' | 'outbox';
  version: string;
  failedMailSince: (since: Date) => Promise<number>;
}) {
  const started = Date.now();
  return {
    /** Ready when the database answers and every committed migration is applied. */
    async ready(): Promise<{ ready: boolean; reason?: string }> {
      try {
        const { rows } = await d.database.raw.query<{ n: number }>(
          'select count(*)::int as n from drizzle.__drizzle_migrations',
        );
        const applied = rows[0]?.n ?? 0;
        if (applied < expectedMigrations)
          return { ready: false, reason: `migrations pending (${applied}/${expectedMigrations})` };
        return { ready: true };
      } catch {
        return { ready: false, reason: 'database unreachable' };
      }
    },
    async report(): Promise<AdminHealth> {
      const settle = async <T>(p: Promise<T>): Promise<T | null> => p.catch(() => null);
      const [dbLatency, redisLatency, jobs, failedMail] = await Promise.all([
        settle(d.database.ping()),
        d.cache.kind === 'redis' ? settle(d.cache.ping()) : Promise.resolve(null),
        settle(d.jobs.counts()),
        settle(d.failedMailSince(new Date(Date.now() - 3_600_000))),
      ]);
      const dbUp = dbLatency !== null;
      const redisStatus =
        d.cache.kind !== 'redis' ? 'NOT_CONFIGURED' : redisLatency !== null ? 'CONNECTED' : 'DISCONNECTED';
      const mem = process.memoryUsage();
      const degraded = redisStatus === 'DISCONNECTED' || (failedMail ?? 0) > 0 || jobs === null;
      return {
        status: !dbUp ? 'DOWN' : degraded ? 'DEGRADED' : 'UP',
        timestamp: new Date().toISOString(),
        uptimeSeconds: Math.round((Date.now() - started) / 1000),
        version: d.version,
        database: {
          kind: d.database.kind,
          status: dbUp ? 'CONNECTED' : 'DISCONNECTED',
          latencyMs: dbLatency,
        },
        redis: { status: redisStatus, latencyMs: redisLatency },
        smtp: {
          status: d.mailTransport === 'smtp' ? 'CONFIGURED' : 'OUTBOX',
          failedLastHour: failedMail ?? 0,
        },
        jobs: jobs ?? { queued: 0, failed: 0 },
        memory: { rssMb: mb(mem.rss), heapUsedMb: mb(mem.heapUsed), heapTotalMb: mb(mem.heapTotal) },
      };
    },
  };
}
export type HealthService = ReturnType<typeof createHealthService>;
