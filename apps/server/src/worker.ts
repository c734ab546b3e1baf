import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig, loadDotEnv } from './config.ts';
import { limitHeapGrowth } from './platform/heap-growth.ts';
import { openPlatform, type Platform } from './platform/index.ts';
import { createLogger } from './platform/logger.ts';

/**
 * `npm run worker`: a process that works the job queues and serves no HTTP (ADR 036).
 *
 * config → platform (database, migrations, Redis, pg-boss) → every job worker and schedule → wait.
 * The jobs are registered by building the same application the web process builds (`buildApp`),
 * without ever listening: every module's workers — mail, the commerce sweeps, backups, checks,
 * maintenance — come along, so a worker can never miss a queue a web instance would have worked.
 * Web instances then run with JOBS_ENABLED=false; this process always works jobs, whatever the
 * environment file says. pg-boss runs each job once across every worker and instance.
 */
async function main(): Promise<void> {
  const version = readVersion();
  let loaded: ReturnType<typeof loadConfig>;
  try {
    loadDotEnv();
    loaded = loadConfig(process.env, version);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`\n9tangle worker cannot start.\n${err.message}\n\nSee .env.example.\n`);
      process.exit(1);
    }
    throw err;
  }
  if (loaded.db.kind !== 'postgres') {
    // PGlite lives inside one process: a second process cannot open the same data directory.
    process.stderr.write(
      '\n9tangle worker needs PostgreSQL (DATABASE_URL): the embedded database belongs to one process,\n' +
        'which works the jobs itself (JOBS_ENABLED=true, the default).\n',
    );
    process.exit(1);
  }
  const config = { ...loaded, jobsEnabled: true };
  limitHeapGrowth(config.heapGrowthPercent);
  const logger = createLogger(config.log).child({ process: 'worker' });
  const platform = await openPlatform(config, logger);
  const app = await buildApp({ ...platform, config, logger, webDist: null });
  await app.ready();
  const health = config.worker.healthPort
    ? await listenHealth(platform, config.http.host, config.worker.healthPort)
    : null;
  logger.info(
    { database: platform.database.kind, cache: platform.cache.kind, healthPort: config.worker.healthPort },
    'worker ready',
  );

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'worker stopping: finishing the jobs in hand');
    // pg-boss waits up to 10 s for running handlers. A job cut short stays active in pg-boss until its
    // expiry, and its `job_runs` row is closed as abandoned by the job's next run.
    const force = setTimeout(() => {
      logger.error('worker shutdown took longer than 30 s, exiting');
      process.exit(1);
    }, 30_000);
    force.unref();
    try {
      health?.close();
      await app.close();
      await platform.close();
      process.exit(0);
    } catch (err) {
      logger.error({ err }, 'error during worker shutdown');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

/** GET /health: 200 when the database answers, 503 otherwise; the queue counts either way. */
function listenHealth(platform: Platform, host: string, port: number): Promise<Server> {
  const started = Date.now();
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || req.url !== '/health') {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not_found"}');
      return;
    }
    void (async () => {
      const body: Record<string, unknown> = {
        status: 'ok',
        uptimeSeconds: Math.round((Date.now() - started) / 1000),
      };
      let status = 200;
      try {
        body.databaseMs = await platform.database.ping();
        body.jobs = await platform.jobs.counts();
      } catch (err) {
        status = 503;
        body.status = 'database_unavailable';
        body.error = (err as Error).message;
      }
      res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(body));
    })();
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

function readVersion(): string {
  try {
    return (
      JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
    ).version;
  } catch {
    return '0.0.0';
  }
}

main().catch((err) => {
  process.stderr.write(
    `9tangle worker failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});
