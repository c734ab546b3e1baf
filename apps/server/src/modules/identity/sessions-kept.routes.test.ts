import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, externalDatabaseUrl, type TestApp } from '../../../test/harness.ts';
import { signInAs } from '../../../test/sign-in.ts';
import { buildUser } from '../../seed/factories.ts';

/**
 * ADR 049: each process keeps the sessions it resolved while it hears the database's announcements of
 * changes to users and sessions. A kept session costs no statement; any change to its user or to it,
 * by this process or by anyone else, takes effect on the next request.
 */
let t: TestApp;
const TOKEN = 'metrics-token-of-the-kept-sessions-test';
beforeAll(async () => {
  // A database of its own on PostgreSQL: one test cuts this app's listening connection.
  t = await createTestApp({ ownDatabase: true, env: { METRICS_TOKEN: TOKEN } });
});
afterAll(async () => t?.close());

const database = () => t.platform.database;
/** `session_resolves_total` by source, from `/metrics` (the pool's statement count includes the jobs'). */
async function resolves() {
  const text = (
    await t.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } })
  ).body;
  const of = (source: string) =>
    Number(new RegExp(`^session_resolves_total\\{source="${source}"\\} (\\d+)`, 'm').exec(text)?.[1] ?? NaN);
  return { kept: of('kept'), database: of('database') };
}
/** How one request's session was resolved (`reads`: of the database), and its answer. */
async function costOf(client: Client, url = '/api/auth/me') {
  const before = await resolves();
  const res = await client.get(url);
  const after = await resolves();
  return { status: res.statusCode, reads: after.database - before.database, res };
}
/** Signed in, and read once so that the session is kept (once this app listens). */
async function keptStudent() {
  const user = await buildUser(database().db, { role: 'student' });
  const client = await signInAs(t, user);
  await expect.poll(async () => (await costOf(client)).reads, { timeout: 5_000 }).toBe(0);
  return { user, client };
}
/** A change by someone else than this app: psql, another instance. */
async function elsewhere(text: string, values: unknown[]) {
  if (!externalDatabaseUrl) return database().raw.query(text, values);
  const other = new pg.Client({ connectionString: t.config.db.kind === 'postgres' ? t.config.db.url : '' });
  await other.connect();
  try {
    return await other.query(text, values);
  } finally {
    await other.end();
  }
}

describe('kept sessions', () => {
  it('answers a signed-in request from the kept session, with no read of the database', async () => {
    const { user, client } = await keptStudent();
    for (let i = 0; i < 5; i++) {
      const { status, reads, res } = await costOf(client);
      expect([status, reads]).toEqual([200, 0]);
      expect(res.json()).toMatchObject({ user: { id: user.id, role: 'student' } });
    }
    // An unknown token is read every time, and never kept.
    const stranger = new Client(t.app);
    stranger.cookies.set(t.config.session.cookieName, 'x'.repeat(43));
    for (let i = 0; i < 2; i++) expect(await costOf(stranger)).toMatchObject({ status: 401, reads: 1 });
  });

  it('takes a change made through this app on the very next request: a suspension, a role, a sign-out', async () => {
    const admin = await signInAs(t, await buildUser(database().db, { role: 'admin' }));
    const a = await keptStudent();
    expect((await admin.patch(`/api/admin/users/${a.user.id}`, { suspended: true })).statusCode).toBe(200);
    expect((await a.client.get('/api/auth/me')).statusCode).toBe(401);

    const b = await keptStudent();
    expect((await admin.patch(`/api/admin/users/${b.user.id}`, { role: 'instructor' })).statusCode).toBe(200);
    expect((await b.client.get('/api/auth/me')).json()).toMatchObject({ user: { role: 'instructor' } });

    const c = await keptStudent();
    const token = c.client.cookies.get(t.config.session.cookieName) as string;
    expect((await c.client.post('/api/auth/logout')).statusCode).toBeLessThan(300);
    const replay = new Client(t.app);
    replay.cookies.set(t.config.session.cookieName, token);
    expect((await replay.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('hears a change made outside the app (psql, another instance) and drops the kept session', async () => {
    const a = await keptStudent();
    await elsewhere('update users set name = $1 where id = $2', ['Renamed elsewhere', a.user.id]);
    await expect
      .poll(async () => (await a.client.get('/api/auth/me')).json().user?.name, { timeout: 2_000 })
      .toBe('Renamed elsewhere');
    await elsewhere('update users set suspended_at = now() where id = $1', [a.user.id]);
    await expect
      .poll(async () => (await a.client.get('/api/auth/me')).statusCode, { timeout: 2_000 })
      .toBe(401);

    const b = await keptStudent();
    await elsewhere('update sessions set revoked_at = now() where user_id = $1', [b.user.id]);
    await expect
      .poll(async () => (await b.client.get('/api/auth/me')).statusCode, { timeout: 2_000 })
      .toBe(401);
    // Last seen, written by every process once a minute, is no change to announce.
    const c = await keptStudent();
    await elsewhere('update sessions set last_seen_at = now() where user_id = $1', [c.user.id]);
    await new Promise((r) => setTimeout(r, 200));
    expect(await costOf(c.client)).toMatchObject({ status: 200, reads: 0 });
  });

  it.runIf(externalDatabaseUrl)(
    'reads every session afresh while its listening connection is lost, and keeps them again once back',
    async () => {
      const a = await keptStudent();
      const admin = new pg.Client({
        connectionString: t.config.db.kind === 'postgres' ? t.config.db.url : '',
      });
      await admin.connect();
      try {
        const cut = await admin.query(
          `select pg_terminate_backend(pid) from pg_stat_activity
            where application_name = '9tangle-listen:auth_changed' and datname = current_database()`,
        );
        expect(cut.rowCount).toBe(1);
        // Down: nothing kept is used, so a change it cannot hear now is still seen at once.
        await expect.poll(async () => (await costOf(a.client)).reads, { timeout: 2_000 }).toBe(1);
        await admin.query('update users set suspended_at = now() where id = $1', [a.user.id]);
        expect((await a.client.get('/api/auth/me')).statusCode).toBe(401);
        // Back within its retry (250 ms at first), and keeping sessions again.
        await keptStudent();
      } finally {
        await admin.end();
      }
    },
  );
});
