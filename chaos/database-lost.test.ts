import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeStripe, startFakeStripe, stripeEnv } from '../apps/server/test/fake-stripe.ts';
import { type Academy, PASSWORD, seedAcademy } from './support/academy.ts';
import { createDatabase, PrivatePostgres, terminateBackends } from './support/databases.ts';
import { recordFigures } from './support/figures.ts';
import { signInAll } from './support/http.ts';
import { type Sample, startLoad, statusCounts } from './support/load.ts';
import { AppServer, freePort, sleep } from './support/processes.ts';

/**
 * Issue 7: the database goes away under load, twice: every connection of the app's pool is killed
 * (`pg_terminate_backend`), then the server itself is restarted (`pg_ctl stop -m fast`, 6 s down, start).
 * On a private PostgreSQL cluster, never the machine's shared one. The app does not crash, answers 503
 * (never a 500, never a hang) while the database is down, serves again within 5 s of its return, and
 * nothing half-written is left behind.
 */
const DOWN_MS = 6000;

describe('PostgreSQL connections killed and the database restarted under load', () => {
  let pgServer: PrivatePostgres;
  let fake: FakeStripe;
  let db: Awaited<ReturnType<typeof createDatabase>>;
  let academy: Academy;
  let server: AppServer;

  beforeAll(async () => {
    pgServer = await PrivatePostgres.create();
    fake = await startFakeStripe();
    db = await createDatabase('pglost', pgServer.url);
    academy = await seedAcademy(db.url, { students: 16, courses: 4 });
    server = new AppServer(await freePort(), {
      DATABASE_URL: db.url,
      ...stripeEnv(fake),
    });
    await server.start();
  });

  afterAll(async () => {
    await server?.dispose();
    await fake?.close();
    pgServer?.dispose();
  });

  it('does not crash, answers 503 while it is down, recovers within 5 s and leaves no partial write', async () => {
    const sessions = await signInAll(
      server.url,
      academy.students.map((s) => s.email),
      PASSWORD,
    );
    const pid = server.pid;
    const load = startLoad({
      url: server.url,
      sessions,
      courseIds: academy.courses.map((c) => c.id),
      connections: 16,
      checkoutEvery: 4,
      pauseMs: 20,
    });
    const firstOkAfter = (samples: Sample[], t: number) =>
      samples
        .filter((s) => s.sentAt >= t && s.status > 0 && s.status < 500)
        .sort((a, b) => a.endedAt - b.endedAt)[0];

    await sleep(3000);
    const terminatedAt = Date.now();
    const terminated = await terminateBackends(pgServer.url, db.name);
    await sleep(3000);

    const downAt = Date.now();
    pgServer.stop();
    await sleep(DOWN_MS);
    await pgServer.start();
    const upAt = Date.now();
    await sleep(8000);
    const samples = await load.stop();

    const afterTerminate = firstOkAfter(samples, terminatedAt);
    const afterRestart = firstOkAfter(samples, upAt);
    const whileDown = samples.filter((s) => s.sentAt >= downAt + 500 && s.endedAt <= upAt);
    const serverErrors = samples.filter((s) => s.status >= 500 && s.status !== 503);
    const dropped = samples.filter((s) => s.status === 0);
    const recoveryMs = afterRestart ? afterRestart.endedAt - upAt : Number.POSITIVE_INFINITY;

    expect(server.running).toBe(true);
    expect(server.pid).toBe(pid);
    expect(server.starts).toBe(1);
    expect(serverErrors).toEqual([]);
    expect(dropped).toEqual([]);
    expect(whileDown.length).toBeGreaterThan(0);
    expect(whileDown.filter((s) => s.status === 503).length).toBeGreaterThan(0);
    // Reads the app can answer without the database (the catalog from its cache) may still be 200.
    expect(whileDown.filter((s) => s.status !== 503 && s.status >= 300)).toEqual([]);
    expect(recoveryMs).toBeLessThan(5000);

    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const partial = await client.query(
        `select o.number from orders o
          where not exists (select 1 from order_items i where i.order_id = o.id)
             or not exists (select 1 from payments p where p.order_id = o.id)
             or o.total_minor <> (select coalesce(sum(i.total_minor), 0) from order_items i where i.order_id = o.id)`,
      );
      expect(partial.rows).toEqual([]);
      const orphans = await client.query(
        `select count(*)::int as n from order_items i where not exists (select 1 from orders o where o.id = i.order_id)`,
      );
      expect(orphans.rows[0].n).toBe(0);
      const unbalanced = await client.query(
        `select currency from ledger_entries group by currency having sum(amount_minor) <> 0`,
      );
      expect(unbalanced.rows).toEqual([]);
      const orders = await client.query(`select count(*)::int as n from orders`);
      recordFigures('database-lost', {
        requests: samples.length,
        statuses: statusCounts(samples),
        backendsTerminated: terminated,
        recoveryAfterTerminateMs: afterTerminate ? afterTerminate.endedAt - terminatedAt : null,
        databaseDownMs: upAt - downAt,
        answeredWhileDown: statusCounts(whileDown),
        recoveryAfterRestartMs: recoveryMs,
        ordersWritten: orders.rows[0].n,
        partialOrders: partial.rows.length,
        serverErrors: serverErrors.length,
        processRestarts: server.starts - 1,
      });
    } finally {
      await client.end();
    }
  });
});
