import { and, eq, gte } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp, uniqueEmail } from '../../../../test/harness.ts';
import { signInAs } from '../../../../test/sign-in.ts';
import { jobRuns } from '../../../db/schema/index.ts';
import { buildUser } from '../../../seed/factories.ts';
import { mailRepo } from '../../notifications/mail.repo.ts';
import { CHECKS_QUEUE } from '../operations.module.ts';

let t: TestApp;
let admin: Client;
let student: Client;
const alertTo = uniqueEmail('ops-alerts');
beforeAll(async () => {
  t = await createTestApp({ env: { ALERT_EMAILS: alertTo } });
  admin = await signInAs(t, await buildUser(t.platform.database.db, { role: 'admin' }));
  student = await signInAs(t, await buildUser(t.platform.database.db, { role: 'student' }));
});
afterAll(async () => t?.close());

/** Titles of the checks any run of this file saw change: the only ones that may have been mailed. */
const changedTitles = new Set<string>();
async function runChecks() {
  const res = await admin.post('/api/admin/operations/checks/run');
  const body = res.json();
  for (const id of body.changed ?? [])
    changedTitles.add(body.items.find((c: { id: string }) => c.id === id).title);
  return res;
}

const IDS = [
  'database',
  'disk',
  'error_log',
  'auth_failures',
  'mail',
  'memory',
  'change_notices',
  'backup',
  'payments',
  'manual_payments',
  'api_latency',
  'restore_drill',
  'dependency_advisories',
  'tls_certificate',
];

describe('GET /api/admin/operations/checks', () => {
  it('returns 401 without a session and 404 to a student', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/operations/checks' })).statusCode).toBe(401);
    const res = await student.get('/api/admin/operations/checks');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });

  it('lists every check with its schedule', async () => {
    const res = await admin.get('/api/admin/operations/checks');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { id: string; schedule: string; title: string }[];
    expect(items.map((c) => c.id)).toEqual(IDS);
    for (const c of items) expect(['daily', 'weekly', 'monthly']).toContain(c.schedule);
  });
});

describe('POST /api/admin/operations/checks/run', () => {
  it('returns 401 without a session and 404 to a student', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/admin/operations/checks/run' })).statusCode).toBe(
      401,
    );
    expect((await student.post('/api/admin/operations/checks/run')).statusCode).toBe(404);
  });

  it('refuses a body with unknown fields', async () => {
    const res = await admin.post('/api/admin/operations/checks/run', { force: true });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
  });

  it('runs every check, stores the states, records the run and audits it', async () => {
    const res = await runChecks();
    expect(res.statusCode).toBe(200);
    const body = res.json() as {
      items: { id: string; state: string; message: string; since: string; checkedAt: string }[];
      durationMs: number;
    };
    expect(body.items.map((c) => c.id)).toEqual(IDS);
    for (const c of body.items) {
      expect(['ok', 'warn', 'crit']).toContain(c.state);
      expect(c.message.length).toBeGreaterThan(3);
      expect(Date.parse(c.checkedAt)).toBeGreaterThan(Date.now() - 60_000);
    }
    const byId = Object.fromEntries(body.items.map((c) => [c.id, c]));
    // OK or, on a busy test machine, WARN for a slow ping: never CRIT, the database answers.
    expect(byId.database).toMatchObject({ state: expect.stringMatching(/^(ok|warn)$/), message: /answered/ });
    expect(byId.tls_certificate).toMatchObject({ state: 'ok', message: expect.stringMatching(/not https/) });
    // The app listens for auth changes and catalog bumps from its start, on either database.
    expect(byId.change_notices).toMatchObject({
      state: 'ok',
      details: {
        listeners: [
          { name: 'sessions', hearing: true },
          { name: 'catalog', hearing: true },
        ],
      },
    });

    const listed = (await admin.get('/api/admin/operations/checks')).json();
    expect(listed.items.find((c: { id: string }) => c.id === 'database').checkedAt).toBe(
      byId.database?.checkedAt,
    );
    // The newest run of the job (on a shared database, perhaps another app's).
    expect(listed.lastRun).toMatchObject({ status: expect.stringMatching(/^(running|succeeded)$/) });

    const audit = await admin.get('/api/admin/audit?action=checks.run&limit=5');
    expect(audit.json().items.length).toBeGreaterThan(0);
  });

  it('checks again on each run and mails the alert addresses only for the checks that changed', async () => {
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push((await runChecks()).json());
    // Each run checks again. (That `since` holds with the state is shown with checks of the test's own
    // in checks.service.test.ts: on a shared database other apps run these same checks.)
    const db = runs.map((r) => r.items.find((c: { id: string }) => c.id === 'database'));
    expect(new Set(db.map((c) => c.checkedAt)).size).toBe(3);
    const { items } = await mailRepo.list(t.platform.database.db, { page: 1, limit: 100, to: alertTo });
    for (const m of items) expect(changedTitles).toContain(m.subject.replace(/^\[\w+\] /, '').split(':')[0]);
  });
});

describe('GET /api/admin/operations/checks/:id/history', () => {
  it('returns 401, 404 to a student, 400 for a malformed id and 404 for an unknown one', async () => {
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/admin/operations/checks/database/history' }))
        .statusCode,
    ).toBe(401);
    expect((await student.get('/api/admin/operations/checks/database/history')).statusCode).toBe(404);
    const bad = await admin.get('/api/admin/operations/checks/Not%20An%20Id/history');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation_failed');
    expect((await admin.get('/api/admin/operations/checks/database/history?limit=0')).statusCode).toBe(400);
    const unknown = await admin.get('/api/admin/operations/checks/no_such_check/history');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('not_found');
  });

  it('returns the changes of state of a check, newest first', async () => {
    await runChecks();
    const res = await admin.get('/api/admin/operations/checks/backup/history');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.check).toMatchObject({ id: 'backup', schedule: 'daily' });
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items[0]).toMatchObject({ state: expect.stringMatching(/^(ok|warn|crit)$/) });
  });
});

describe('the scheduled run', () => {
  it('runs the checks from the job queue and records the run as scheduled', async () => {
    const before = new Date();
    await t.platform.jobs.send(CHECKS_QUEUE, {});
    const scheduled = async () =>
      (
        await t.platform.database.db
          .select()
          .from(jobRuns)
          .where(and(eq(jobRuns.job, 'checks'), gte(jobRuns.startedAt, before)))
      ).filter((r) => r.trigger === 'schedule' && r.status === 'succeeded').length;
    await expect.poll(scheduled, { timeout: 20_000, interval: 250 }).toBeGreaterThanOrEqual(1);
  });
});
