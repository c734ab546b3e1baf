import { count } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { Counter, Gauge, type Registry } from 'prom-client';
import type { Database } from '../../../db/client.ts';
import { checkStates, mailMessages, payments } from '../../../db/schema/index.ts';
import type { Jobs } from '../../../platform/jobs.ts';
import type { CatalogVersionHearing } from '../../catalog/catalog-cache.ts';
import type { SessionCache } from '../../identity/session-cache.ts';

const STATE_VALUE = { ok: 0, warn: 1, crit: 2 } as const;

/**
 * The gauges read at scrape time: database pool and ping, the job queue, mail and payments by status,
 * and each automated check's state. A figure that cannot be read is left out of that scrape (and
 * logged at warn) rather than failing the whole scrape.
 */
export function registerAppMetrics(
  registry: Registry,
  d: {
    database: Database;
    jobs: Jobs;
    log: FastifyBaseLogger;
    sessionCache?: SessionCache;
    catalogVersion?: CatalogVersionHearing;
  },
): void {
  const { database } = d;
  const guard = async (name: string, fn: () => Promise<void>) => {
    try {
      await fn();
    } catch (err) {
      d.log.warn({ err, metric: name }, 'metric not collected');
    }
  };
  const registers = [registry];

  new Gauge({
    name: 'db_pool_connections',
    help: 'PostgreSQL pool connections by state (total, idle, waiting); absent on embedded PGlite',
    labelNames: ['state'],
    registers,
    collect() {
      const pool = database.pool;
      if (!pool) return;
      this.set({ state: 'total' }, pool.totalCount);
      this.set({ state: 'idle' }, pool.idleCount);
      this.set({ state: 'waiting' }, pool.waitingCount);
    },
  });
  new Counter({
    name: 'db_queries_total',
    help: 'Statements this process has sent to the database (a scrape adds its own few)',
    registers,
    collect() {
      this.reset();
      this.inc(database.queryCount());
    },
  });
  const kept = d.sessionCache;
  if (kept) {
    new Counter({
      name: 'session_resolves_total',
      help: 'Session tokens resolved: from the sessions this process keeps, or by reading the database (ADR 049)',
      labelNames: ['source'],
      registers,
      collect() {
        this.reset();
        this.inc({ source: 'kept' }, kept.stats.kept);
        this.inc({ source: 'database' }, kept.stats.read);
      },
    });
    new Gauge({
      name: 'sessions_kept',
      help: 'Sessions this process keeps; 0 while it cannot hear the database announce auth changes',
      registers,
      collect() {
        this.set(kept.size);
      },
    });
    new Gauge({
      name: 'session_cache_hearing',
      help: '1 while this process hears the announcements of auth changes (and keeps sessions), else 0',
      registers,
      collect() {
        this.set(kept.hearing ? 1 : 0);
      },
    });
  }
  const version = d.catalogVersion;
  if (version) {
    new Counter({
      name: 'catalog_version_reads_total',
      help: 'Catalog versions used: the one this process keeps, or read from the shared cache (ADR 052)',
      labelNames: ['source'],
      registers,
      collect() {
        this.reset();
        this.inc({ source: 'kept' }, version.stats.kept);
        this.inc({ source: 'cache' }, version.stats.read);
      },
    });
    new Gauge({
      name: 'catalog_version_hearing',
      help: '1 while this process hears the announcements of catalog changes (and keeps the version), else 0',
      registers,
      collect() {
        this.set(version.hearing() ? 1 : 0);
      },
    });
  }
  new Gauge({
    name: 'db_ping_seconds',
    help: 'Round trip of a trivial query at scrape time',
    registers,
    async collect() {
      await guard('db_ping_seconds', async () => this.set((await database.ping()) / 1000));
    },
  });
  new Gauge({
    name: 'jobs',
    help: 'Background jobs (pg-boss) by state: queued (created or retrying) and failed',
    labelNames: ['state'],
    registers,
    async collect() {
      await guard('jobs', async () => {
        const c = await d.jobs.counts();
        this.set({ state: 'queued' }, c.queued);
        this.set({ state: 'failed' }, c.failed);
      });
    },
  });
  new Gauge({
    name: 'mail_messages',
    help: 'Mail in the outbox and delivery log, by status (queued, sent, failed)',
    labelNames: ['status'],
    registers,
    async collect() {
      await guard('mail_messages', async () => {
        const rows = await database.db
          .select({ status: mailMessages.status, n: count() })
          .from(mailMessages)
          .groupBy(mailMessages.status);
        this.reset();
        for (const s of ['queued', 'sent', 'failed'] as const)
          this.set({ status: s }, rows.find((r) => r.status === s)?.n ?? 0);
      });
    },
  });
  new Gauge({
    name: 'payment_attempts',
    help: 'Payment attempts by provider and status',
    labelNames: ['provider', 'status'],
    registers,
    async collect() {
      await guard('payment_attempts', async () => {
        const rows = await database.db
          .select({ provider: payments.provider, status: payments.status, n: count() })
          .from(payments)
          .groupBy(payments.provider, payments.status);
        this.reset();
        for (const r of rows) this.set({ provider: r.provider, status: r.status }, r.n);
      });
    },
  });
  new Gauge({
    name: 'check_state',
    help: 'State of each automated check: 0 OK, 1 WARN, 2 CRIT',
    labelNames: ['check'],
    registers,
    async collect() {
      await guard('check_state', async () => {
        const rows = await database.db
          .select({ id: checkStates.checkId, state: checkStates.state })
          .from(checkStates);
        this.reset();
        for (const r of rows) this.set({ check: r.id }, STATE_VALUE[r.state]);
      });
    },
  });
}
