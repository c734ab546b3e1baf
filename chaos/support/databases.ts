import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort, sleep } from './processes.ts';

/** The machine's shared PostgreSQL: chaos tests only create and drop their own `chaos_` databases there. */
export const SHARED_PG = process.env.CHAOS_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function admin<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** A fresh `chaos_<name>_<random>` database on a PostgreSQL server; `drop` removes it (and its backends). */
export async function createDatabase(name: string, serverUrl = SHARED_PG) {
  const db = `chaos_${name}_${Math.random().toString(36).slice(2, 8)}`;
  await admin(serverUrl, (c) => c.query(`create database ${db}`));
  const url = new URL(serverUrl);
  url.pathname = `/${db}`;
  return {
    name: db,
    url: url.toString(),
    async drop() {
      await admin(serverUrl, async (c) => {
        await c.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [db]);
        await c.query(`drop database if exists ${db}`);
      });
    },
  };
}

/** Terminate every backend of one database (what an operator or a failover does to the app's connections). */
export async function terminateBackends(serverUrl: string, database: string): Promise<number> {
  return admin(serverUrl, async (c) => {
    const { rows } = await c.query(
      'select pg_terminate_backend(pid) as ok from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
      [database],
    );
    return rows.filter((r) => r.ok).length;
  });
}

const PG_BIN = '/usr/lib/postgresql/15/bin';

/**
 * A private PostgreSQL 15 cluster on a free port in a temporary directory, run as the `postgres` user
 * (initdb refuses root): the one the tests stop and start, never the machine's shared server.
 */
export class PrivatePostgres {
  readonly dir: string;
  port = 0;
  private constructor(dir: string) {
    this.dir = dir;
  }

  static async create(): Promise<PrivatePostgres> {
    const dir = mkdtempSync(join(tmpdir(), '9t-chaos-pg-'));
    chmodSync(dir, 0o777);
    const p = new PrivatePostgres(dir);
    p.port = await freePort();
    p.run([
      `${PG_BIN}/initdb`,
      '-D',
      `${dir}/data`,
      '-U',
      'postgres',
      '--auth=trust',
      '-E',
      'UTF8',
      '--no-sync',
    ]);
    await p.start();
    return p;
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  private run(cmd: string[]): void {
    const asRoot = process.getuid?.() === 0;
    const r = asRoot
      ? spawnSync('runuser', ['-u', 'postgres', '--', ...cmd], { encoding: 'utf8' })
      : spawnSync(cmd[0] as string, cmd.slice(1), { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${cmd.join(' ')} failed: ${r.stderr || r.stdout}`);
  }

  async start(): Promise<void> {
    this.run([
      `${PG_BIN}/pg_ctl`,
      '-D',
      `${this.dir}/data`,
      '-l',
      `${this.dir}/pg.log`,
      '-o',
      `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100`,
      '-w',
      'start',
    ]);
    for (let i = 0; i < 50; i++) {
      try {
        await admin(this.url, (c) => c.query('select 1'));
        return;
      } catch {
        await sleep(100);
      }
    }
  }

  /** `pg_ctl stop -m fast`: every connection is cut, as in a database restart. */
  stop(): void {
    this.run([`${PG_BIN}/pg_ctl`, '-D', `${this.dir}/data`, '-m', 'fast', '-w', 'stop']);
  }

  dispose(): void {
    try {
      this.run([`${PG_BIN}/pg_ctl`, '-D', `${this.dir}/data`, '-m', 'immediate', '-w', 'stop']);
    } catch {}
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Is `pg_dump`/`runuser` here (the private cluster needs the PostgreSQL 15 binaries)? */
export function havePostgresBinaries(): boolean {
  try {
    execFileSync(`${PG_BIN}/pg_ctl`, ['--version']);
    return true;
  } catch {
    return false;
  }
}

/** A private `redis-server` on a free port (never the machine's shared one), that a test kills and restarts. */
export class PrivateRedis {
  private child: import('node:child_process').ChildProcess | null = null;
  port = 0;
  static async create(): Promise<PrivateRedis> {
    const r = new PrivateRedis();
    r.port = await freePort();
    await r.start();
    return r;
  }
  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }
  async start(): Promise<void> {
    const { spawn } = await import('node:child_process');
    this.child = spawn(
      '/usr/bin/redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      {
        stdio: 'ignore',
      },
    );
    for (let i = 0; i < 100; i++) {
      const { connect } = await import('node:net');
      const ok = await new Promise<boolean>((resolve) => {
        const s = connect(this.port, '127.0.0.1', () => {
          s.end();
          resolve(true);
        });
        s.on('error', () => resolve(false));
      });
      if (ok) return;
      await sleep(50);
    }
    throw new Error('redis-server did not start');
  }
  /** kill -9 of this test's own redis-server (by its pid). */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }
  async dispose(): Promise<void> {
    await this.kill();
  }
}
