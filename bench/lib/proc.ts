import { readFileSync } from 'node:fs';
import pg from 'pg';

const TICK_MS = 1000 / 100; // USER_HZ is 100 on Linux

/** utime + stime of a process in milliseconds, or 0 once it is gone. */
export function cpuMsOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return 0;
  }
}

/** Resident set size of a process in MiB. */
export function rssMbOf(pid: number): number {
  const m = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : 0;
}

/** The peak resident set size the kernel recorded for a process (VmHWM), in MiB. */
export function peakRssMbOf(pid: number): number {
  const m = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : 0;
}

/**
 * The CPU of the PostgreSQL backends serving one database (the app's pool and its job queue), read from
 * /proc: PostgreSQL runs on this machine. A backend that starts during a run counts from zero.
 */
export class BackendCpu {
  private readonly client: pg.Client;
  constructor(
    url: string,
    private readonly database: string,
  ) {
    this.client = new pg.Client({ connectionString: url, application_name: '9tangle-bench' });
  }
  async open() {
    await this.client.connect();
  }
  async close() {
    await this.client.end();
  }
  /**
   * pid → CPU ms of every client backend of the database but this probe's own. An autovacuum worker of
   * the database is not counted: it runs when a table crosses its threshold, often in the middle of a
   * later workload (a progress run's updates vacuumed during the next read run), not per request.
   */
  async snapshot(): Promise<Map<number, number>> {
    const { rows } = await this.client.query<{ pid: number }>(
      `select pid from pg_stat_activity
       where datname = $1 and pid <> pg_backend_pid() and backend_type = 'client backend'`,
      [this.database],
    );
    return new Map(rows.map((r) => [r.pid, cpuMsOf(r.pid)]));
  }
  static delta(before: Map<number, number>, after: Map<number, number>): number {
    let ms = 0;
    for (const [pid, cpu] of after) ms += cpu - (before.get(pid) ?? 0);
    return ms;
  }
}
