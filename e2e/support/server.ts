import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { inject } from 'vitest';
import { seedDataDir } from './global-setup.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface RunningServer {
  url: string;
  output: () => string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/**
 * On PostgreSQL runs, an empty database of the server's own beside the given one (the server migrates
 * it on start), so that servers started at once by different test files never share rows: each seeds
 * its own first admin. `drop` removes it.
 */
async function ownDatabase(shared: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `e2e_${randomBytes(5).toString('hex')}`;
  const sql = async (text: string) => {
    const client = new pg.Client({ connectionString: shared });
    await client.connect();
    try {
      await client.query(text);
    } finally {
      await client.end();
    }
  };
  await sql(`create database ${name}`);
  const url = new URL(shared);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => sql(`drop database if exists ${name} with (force)`) };
}

/**
 * Start the built server (`apps/server/dist/main.js`, as `npm start` runs it) on a free port with a
 * fresh data directory, and wait until it is ready. The database is embedded unless DATABASE_URL is set;
 * then the server gets a database of its own on that PostgreSQL and a Redis key prefix of its own.
 */
export async function startServer(
  env: Record<string, string> = {},
  o: { readyMs?: number } = {},
): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), '9tangle-e2e-'));
  // A migrated template from the e2e project's global setup (other projects may start servers too).
  const template = env.DATABASE_URL || process.env.DATABASE_URL ? undefined : inject('e2ePgliteTemplate');
  if (template) seedDataDir(template, dataDir);
  const own =
    !env.DATABASE_URL && process.env.DATABASE_URL ? await ownDatabase(process.env.DATABASE_URL) : null;
  const url = `http://localhost:${port}`;
  let out = '';
  const child: ChildProcess = spawn(process.execPath, [join(root, 'apps/server/dist/main.js')], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'development',
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: url,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'false',
      // The checks mail the admin on changes; tests run them on purpose, not every 5 minutes.
      CHECKS_CRON: '0 0 1 1 *',
      // The event-loop guard (ADR 043) sheds when the process is starved, which on a shared CI machine
      // running browsers beside it is the machine's doing: off here (the overload tests cover it).
      MAX_EVENT_LOOP_DELAY_MS: '0',
      ...(own ? { DATABASE_URL: own.url } : {}),
      ...(process.env.REDIS_URL
        ? { REDIS_URL: process.env.REDIS_URL, REDIS_KEY_PREFIX: `e2e${randomBytes(4).toString('hex')}:` }
        : {}),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => {
    out += String(d);
  });
  child.stderr?.on('data', (d) => {
    out += String(d);
  });
  const readyMs = o.readyMs ?? 90_000;
  const deadline = Date.now() + readyMs;
  for (;;) {
    if (child.exitCode !== null) {
      await own?.drop();
      throw new Error(`server exited early:\n${out}`);
    }
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health/ready`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      await own?.drop().catch(() => undefined);
      throw new Error(`server not ready in ${readyMs / 1000} s:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    output: () => out,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
      rmSync(dataDir, { recursive: true, force: true });
      await own?.drop();
    },
  };
}
