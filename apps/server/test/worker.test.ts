import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../src/db/client.ts';
import { createJobs } from '../src/platform/jobs.ts';

/** `npm run worker` as a real process: `apps/server/src/worker.ts` run by tsx, as the bundle runs it. */
const WORKER = fileURLToPath(new URL('../src/worker.ts', import.meta.url));
// The worker starts in a scratch directory (no .env there): tsx is named by its full address.
const TSX = import.meta.resolve('tsx');
const external = process.env.DATABASE_URL || null;
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function startWorker(env: Record<string, string>) {
  const cwd = mkdtempSync(join(tmpdir(), '9tangle-worker-'));
  dirs.push(cwd);
  let out = '';
  const child: ChildProcess = spawn(process.execPath, ['--import', TSX, WORKER], {
    cwd,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      SESSION_SECRET: randomBytes(48).toString('base64url'),
      DATA_DIR: join(cwd, 'data'),
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
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
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, output: () => out };
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

describe('npm run worker', () => {
  it('refuses the embedded database, which one process owns, and says why', async () => {
    const w = startWorker({ DATABASE_URL: '' });
    expect(await w.exited).toBe(1);
    expect(w.output()).toContain('needs PostgreSQL (DATABASE_URL)');
  }, 60_000);

  it('refuses a bad configuration with the list of bad keys', async () => {
    const w = startWorker({ DATABASE_URL: 'postgres://127.0.0.1:1/x', WORKER_HEALTH_PORT: 'eighty' });
    expect(await w.exited).toBe(1);
    expect(w.output()).toContain('WORKER_HEALTH_PORT');
  }, 60_000);

  describe.runIf(external)('on PostgreSQL', () => {
    // A database of its own: a worker takes every job of its queue schema, mail included, which on the
    // shared test database would be other tests' mail, encrypted with their secrets.
    const name = `w9t_${randomBytes(5).toString('hex')}`;
    const url = new URL(external ?? 'postgres://localhost/x');
    const admin = new pg.Client({ connectionString: external ?? undefined });
    let database: Database | null = null;
    afterAll(async () => {
      await database?.close();
      await admin.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
      await admin.end();
    });

    it('works the job queues without serving HTTP, answers its health port, and stops cleanly', async () => {
      await admin.connect();
      await admin.query(`create database ${name}`);
      url.pathname = `/${name}`;
      const port = await freePort();
      const w = startWorker({
        DATABASE_URL: url.toString(),
        WORKER_HEALTH_PORT: String(port),
        JOBS_ENABLED: 'false',
      });
      let health: Response | null = null;
      for (let i = 0; i < 240 && !health; i++) {
        if (w.child.exitCode !== null) throw new Error(`worker exited:\n${w.output()}`);
        health = await fetch(`http://127.0.0.1:${port}/health`).catch(() => null);
        if (!health) await new Promise((r) => setTimeout(r, 250));
      }
      expect(health?.status).toBe(200);
      expect(await health?.json()).toMatchObject({ status: 'ok', jobs: { queued: expect.any(Number) } });
      expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(404);

      // Every module's schedules were registered: mail, the commerce sweeps, maintenance.
      database = await openDatabase({ kind: 'postgres', url: url.toString(), poolMax: 2 });
      const { rows } = await database.raw.query<{ name: string }>('select name from pgboss.schedule');
      const names = rows.map((r) => r.name);
      for (const q of [
        'mail.sweep',
        'maintenance.purge_tokens',
        'maintenance.archive',
        'maintenance.rotate_logs',
      ])
        expect(names).toContain(q);
      expect(names.length).toBeGreaterThanOrEqual(7);

      // A run queued the way "Run now" queues it is worked by the worker — even with JOBS_ENABLED=false
      // in its environment, which is meant for the web instances.
      const [run] = (
        await database.raw.query<{ id: string }>(
          `insert into job_runs (job, trigger, status) values ('maintenance.purge_tokens', 'cli', 'running') returning id`,
        )
      ).rows;
      const jobs = createJobs(database.raw, { enabled: false, onError: () => undefined });
      await jobs.start();
      await jobs.send('maintenance.purge_tokens', { runId: run?.id }, { retryLimit: 0 });
      let status = 'running';
      for (let i = 0; i < 120 && status === 'running'; i++) {
        await new Promise((r) => setTimeout(r, 250));
        const r = await database.raw.query<{ status: string }>('select status from job_runs where id = $1', [
          run?.id,
        ]);
        status = r.rows[0]?.status ?? 'missing';
      }
      await jobs.stop();
      expect(status).toBe('succeeded');

      w.child.kill('SIGTERM');
      expect(await w.exited).toBe(0);
    }, 120_000);
  });
});
