import PgBoss from 'pg-boss';
import type { RawSql } from '../db/client.ts';

export interface JobOptions {
  singletonKey?: string;
  retryLimit?: number;
  retryDelay?: number;
  retryBackoff?: boolean;
  startAfter?: number | Date;
  /** How long a started job may run before pg-boss gives it up as lost (default 15 minutes). */
  expireInSeconds?: number;
}

export type JobHandler<T> = (data: T, job: { id: string; retryCount: number }) => Promise<void>;

/**
 * Jobs on the application's own database (pg-boss): retried with backoff, run once across instances.
 * Works on PostgreSQL and on embedded PGlite alike, through the same raw SQL runner.
 */
export interface Jobs {
  start(): Promise<void>;
  stop(): Promise<void>;
  send<T extends object>(queue: string, data: T, opts?: JobOptions): Promise<string | null>;
  work<T extends object>(
    queue: string,
    handler: JobHandler<T>,
    opts?: { pollingIntervalSeconds?: number },
  ): Promise<void>;
  schedule(queue: string, cron: string, data?: object, opts?: JobOptions): Promise<void>;
  /** The cron schedules pg-boss holds (shared by every instance on this database). */
  schedules(): Promise<{ name: string; cron: string; timezone: string }[]>;
  counts(): Promise<{ queued: number; failed: number }>;
}

export function createJobs(
  raw: RawSql,
  opts: { onError: (err: Error) => void; enabled: boolean; schema?: string },
): Jobs {
  // pg-boss checks the name is a plain identifier, so it is safe in the counts query below.
  const schema = opts.schema ?? 'pgboss';
  const boss = new PgBoss({
    db: { executeSql: (text: string, values?: unknown[]) => raw.query(text, values) },
    schema,
    // Maintenance and monitoring are pg-boss's own housekeeping; keep them infrequent on small sites.
    maintenanceIntervalSeconds: 300,
  } as unknown as PgBoss.ConstructorOptions);
  boss.on('error', opts.onError);
  const queues = new Set<string>();
  let started = false;
  const ensureQueue = async (name: string) => {
    if (queues.has(name)) return;
    await boss.createQueue(name);
    queues.add(name);
  };
  return {
    async start() {
      await boss.start();
      started = true;
    },
    async stop() {
      if (started) await boss.stop({ graceful: true, timeout: 10_000, wait: true });
      started = false;
    },
    async send(queue, data, o) {
      await ensureQueue(queue);
      return boss.send(queue, data, { retryLimit: 5, retryDelay: 5, retryBackoff: true, ...o });
    },
    async work(queue, handler, o) {
      await ensureQueue(queue);
      if (!opts.enabled) return;
      await boss.work<object>(
        queue,
        { pollingIntervalSeconds: o?.pollingIntervalSeconds ?? 2, batchSize: 1 },
        async (jobs) => {
          for (const job of jobs) {
            await handler(job.data as never, {
              id: job.id,
              retryCount: (job as { retryCount?: number }).retryCount ?? 0,
            });
          }
        },
      );
    },
    async schedule(queue, cron, data, o) {
      await ensureQueue(queue);
      await boss.schedule(queue, cron, data ?? {}, { ...o, tz: 'UTC' });
    },
    async schedules() {
      const rows = (await boss.getSchedules()) as { name: string; cron: string; timezone: string }[];
      return rows.map((r) => ({ name: r.name, cron: r.cron, timezone: r.timezone }));
    },
    async counts() {
      const { rows } = await raw.query<{ queued: string; failed: string }>(
        `select count(*) filter (where state in ('created','retry')) as queued,
                count(*) filter (where state = 'failed') as failed
           from ${schema}.job`,
      );
      return { queued: Number(rows[0]?.queued ?? 0), failed: Number(rows[0]?.failed ?? 0) };
    },
  };
}
