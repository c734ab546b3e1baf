import { spawn } from 'node:child_process';

/**
 * `pg_dump` and `pg_restore`, run as child processes. The password travels in `PGPASSWORD`, never on
 * the command line (where `ps` shows it to every user of the host), and never in an error message.
 */
export class PgToolError extends Error {
  override name = 'PgToolError';
}

/** The connection URL without its password, and the environment that carries the password. */
export function connectionFor(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { dbname: u.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

/** The database URL for another database on the same server (the drill's scratch database). */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(name)}`;
  return u.toString();
}

export function databaseNameOf(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, '')) || 'postgres';
}

const INSTALL_HINT =
  'install the PostgreSQL client tools (Debian/Ubuntu: apt-get install -y postgresql-client)';

/** Run a tool to completion; reject with the end of its stderr. */
export function runTool(tool: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      stderr = (stderr + c.toString()).slice(-4_000);
    });
    child.on('error', (err: NodeJS.ErrnoException) =>
      reject(
        new PgToolError(
          err.code === 'ENOENT'
            ? `${tool} was not found on this machine: ${INSTALL_HINT}`
            : `${tool}: ${err.message}`,
        ),
      ),
    );
    child.on('close', (code) => {
      if (code === 0) resolve(stdout);
      else reject(new PgToolError(`${tool} failed (exit ${code}): ${stderr.trim() || 'no message'}`));
    });
  });
}

/**
 * Refuse to go on with client tools older than the server: `pg_dump` cannot dump a newer server, and
 * `pg_restore` may not read a newer dump. `serverVersionNum` is `server_version_num` (150020 → 15).
 */
export async function checkToolVersion(
  tool: 'pg_dump' | 'pg_restore',
  serverVersionNum: number,
): Promise<void> {
  const out = await runTool(tool, ['--version'], process.env);
  const major = Number(/(\d+)(?:\.\d+)?/.exec(out)?.[1] ?? 0);
  const serverMajor = Math.floor(serverVersionNum / 10_000);
  if (major < serverMajor)
    throw new PgToolError(
      `${tool} ${major} is older than the PostgreSQL server (${serverMajor}): install postgresql-client-${serverMajor} or newer`,
    );
}
