import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = new URL('../..', import.meta.url).pathname;
export const METRICS_TOKEN = 'chaos-metrics-token-0123456789';

/** A port nothing listens on now (the kernel's pick, released at once). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * The built server (`apps/server/dist/main.js`) as a real process that a test can kill with any signal and
 * start again on the same port, data directory and secrets: a crash and its restart, as an operator's
 * process manager would do it. Its stderr goes to a log file in its data directory.
 */
export class AppServer {
  readonly url: string;
  readonly dataDir: string;
  private child: ChildProcess | null = null;
  private readonly secret = randomBytes(48).toString('base64url');
  /** Times the process was started. */
  starts = 0;
  /** Exits nobody asked for (a boot that gave up on an overloaded database), each restarted when supervised. */
  unexpectedExits = 0;
  /** Like a process manager (systemd Restart=always): start again after an exit the test did not cause. */
  supervise = false;
  private expected: ChildProcess | null = null;
  private disposed = false;
  /** When each kill -9 happened (HH:MM:SS.mmm). */
  readonly kills: string[] = [];

  constructor(
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {
    this.url = `http://127.0.0.1:${port}`;
    this.dataDir = mkdtempSync(join(tmpdir(), '9t-chaos-'));
  }

  get pid(): number | null {
    return this.child?.pid ?? null;
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Start the process; with `ready`, resolve once `/api/health/ready` answers 200. */
  async start(o: { ready?: boolean; timeoutMs?: number } = {}): Promise<void> {
    const log = createWriteStream(join(this.dataDir, `server-${this.starts}.log`));
    this.starts += 1;
    const child = spawn(process.execPath, [join(ROOT, 'apps/server/dist/main.js')], {
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(this.port),
        PUBLIC_URL: this.url,
        DATA_DIR: this.dataDir,
        SESSION_SECRET: this.secret,
        METRICS_TOKEN,
        LOG_LEVEL: 'warn',
        SEED_DEMO: 'false',
        RATE_LIMIT_API_MAX: '100000000',
        RATE_LIMIT_API_USER_MAX: '100000000',
        RATE_LIMIT_AUTH_MAX: '100000000',
        LOGIN_MAX_FAILURES_PER_IP: '100000000',
        ARGON2_MEMORY_KIB: '1024',
        ARGON2_TIME_COST: '1',
        CHECKS_CRON: '0 0 1 1 *',
        // The event-loop guard sheds when the process is starved, which on a shared CI machine is the
        // machine's doing, not the fault's: off unless a test asks (the overload test sets it back).
        MAX_EVENT_LOOP_DELAY_MS: '0',
        ...this.env,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr?.pipe(log);
    this.child = child;
    child.once('exit', () => {
      if (child === this.expected || this.disposed || child !== this.child) return;
      this.unexpectedExits += 1;
      if (this.supervise) setTimeout(() => void this.start({ ready: false }), 500);
    });
    if (o.ready !== false) await this.waitReady(o.timeoutMs ?? 170_000);
  }

  async waitReady(timeoutMs = 60_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      if (!this.running && !this.supervise)
        throw new Error(`the server exited (${this.child?.exitCode ?? this.child?.signalCode})`);
      try {
        if ((await fetch(`${this.url}/api/health/ready`)).ok) return;
      } catch {}
      await sleep(100);
    }
    throw new Error(`the server did not get ready within ${timeoutMs} ms`);
  }

  /** Send a signal; resolves with the exit code (null when killed by a signal) and how long it took. */
  async signal(sig: NodeJS.Signals): Promise<{ code: number | null; ms: number }> {
    const child = this.child;
    if (!child || !this.running) return { code: child?.exitCode ?? null, ms: 0 };
    const start = Date.now();
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    this.expected = child;
    child.kill(sig);
    const code = await exited;
    return { code, ms: Date.now() - start };
  }

  /** kill -9, then start again at once (ready or not: callers retry while it boots). */
  async crashAndRestart(): Promise<void> {
    await this.signal('SIGKILL');
    this.kills.push(new Date().toISOString().slice(11, 23));
    await this.start({ ready: false });
  }

  /** Stop (SIGTERM) and remove the data directory. */
  async dispose(): Promise<void> {
    this.disposed = true;
    if (this.running) await this.signal('SIGTERM');
    if (process.env.CHAOS_KEEP) return void process.stdout.write(`[chaos] kept ${this.dataDir}\n`);
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
