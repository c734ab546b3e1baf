import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { externalDatabaseUrl } from '../../test/harness.ts';
import { openDatabase } from './client.ts';

/**
 * A client checked out of the pool (a transaction between two statements) whose backend is terminated:
 * the error is reported, not thrown as an unhandled 'error' event that would end the process, and the
 * pool goes on with a fresh connection. PostgreSQL only (the embedded database has no backends).
 */
describe.runIf(externalDatabaseUrl)('a checked-out connection terminated by the database', () => {
  it('is reported to the pool error handler and the pool recovers', async () => {
    const errors: string[] = [];
    const database = await openDatabase(
      { kind: 'postgres', url: externalDatabaseUrl as string, poolMax: 2 },
      (err) => errors.push(err.message),
    );
    const admin = new pg.Client({ connectionString: externalDatabaseUrl as string });
    await admin.connect();
    try {
      const pool = database.pool as pg.Pool;
      const client = await pool.connect();
      const { rows } = await client.query<{ pid: number }>('select pg_backend_pid() as pid');
      await admin.query('select pg_terminate_backend($1)', [rows[0]?.pid]);
      for (let i = 0; i < 50 && errors.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
      expect(errors.join('\n')).toMatch(/terminating connection/);
      await expect(client.query('select 1')).rejects.toThrow();
      client.release();
      expect(await database.ping()).toBeGreaterThanOrEqual(0);
    } finally {
      await admin.end();
      await database.close();
    }
  });
});
