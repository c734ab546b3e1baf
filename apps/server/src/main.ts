import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig, loadDotEnv } from './config.ts';
import { createPasswordHasher } from './modules/identity/passwords.ts';
import { limitHeapGrowth } from './platform/heap-growth.ts';
import { openPlatform } from './platform/index.ts';
import { createLogger } from './platform/logger.ts';
import { seedDemo } from './seed/demo.ts';
import { ensureFirstAdmin, type FirstAdmin } from './seed/first-admin.ts';

/** config → database → migrate → first admin and demo → buildApp → listen; graceful shutdown. */
async function main(): Promise<void> {
  const bootStart = performance.now();
  const version = readVersion();
  let config: ReturnType<typeof loadConfig>;
  try {
    loadDotEnv();
    config = loadConfig(process.env, version);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(
        `\n9tangle cannot start.\n${err.message}\n\nSee .env.example for every setting.\n`,
      );
      process.exit(1);
    }
    throw err;
  }
  limitHeapGrowth(config.heapGrowthPercent);
  const logger = createLogger(config.log);
  const platform = await openPlatform(config, logger);
  const admin = await ensureFirstAdmin(
    platform.database.db,
    config,
    createPasswordHasher(config.argon2),
    platform.clock,
  );
  if (
    config.seedDemo &&
    !config.isProduction &&
    (await seedDemo(platform.database.db, { storage: platform.storage, timeZone: config.siteTimeZone }))
  ) {
    logger.info('seeded the demo academy');
  }
  const webDist = fileURLToPath(new URL('../../web/dist', import.meta.url));
  const hasWeb = existsSync(`${webDist}/server/entry-server.js`);
  if (!hasWeb) logger.warn('the web app is not built (npm run build): serving the API only');
  const app = await buildApp({ ...platform, config, logger, webDist: hasWeb ? webDist : null });
  await app.listen({ host: config.http.host, port: config.http.port });
  const bootMs = Math.round(performance.now() - bootStart);
  logger.info(
    {
      bootMs,
      database: platform.database.kind,
      cache: platform.cache.kind,
      mail: platform.mailTransport.kind,
    },
    'ready',
  );
  printBanner(config.http.publicUrl, admin, platform.database.kind, bootMs);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    const force = setTimeout(() => {
      logger.error('shutdown took longer than 30 s, exiting');
      process.exit(1);
    }, 30_000);
    force.unref();
    try {
      // Drain first (readiness 503, Connection: close, wait for what is in flight), then close; what is
      // still unanswered 10 s after the drain has its connection cut (well inside the 30 s).
      const stopped = await app.stopServing({ quietMs: 500, maxMs: 10_000, graceMs: 10_000 });
      if (stopped.cut > 0) logger.warn(stopped, 'stopped: cut the connections of unfinished requests');
      else logger.info(stopped, 'stopped');
      await platform.close();
      process.exit(0);
    } catch (err) {
      logger.error({ err }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

function readVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    return pkg.version;
  } catch {
    return '0.0.0';
  }
}

/** Printed straight to the terminal, never to the log files: the setup link is a secret. */
function printBanner(url: URL, admin: FirstAdmin, db: string, bootMs: number): void {
  const lines = [
    '',
    `  9tangle LMS is running at ${url.origin}  (${db === 'embedded' ? 'embedded PostgreSQL in DATA_DIR' : 'PostgreSQL'}, ready in ${bootMs} ms)`,
    '',
  ];
  if (admin.state === 'setup_link') {
    lines.push(
      `  First admin: ${admin.email}`,
      '  Open this one-time link to choose the admin password (valid 7 days, renewed at each start until used):',
      `    ${admin.url}`,
    );
  } else if (admin.state === 'from_env') {
    lines.push(`  Sign in at ${url.origin}/login as ${admin.email} with ADMIN_PASSWORD.`);
  } else {
    lines.push(`  Sign in at ${url.origin}/login as ${admin.email}.`);
  }
  lines.push(`  API docs: ${url.origin}/api/docs   Mail outbox: ${url.origin}/admin/outbox`, '');
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((err) => {
  process.stderr.write(
    `9tangle failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});
