import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../../../../test/harness.ts';
import { signInAs } from '../../../../test/sign-in.ts';
import { auditLog, jobRuns } from '../../../db/schema/index.ts';
import { buildUser } from '../../../seed/factories.ts';
import { jobRunsRepo } from './job-runs.repo.ts';

let t: TestApp;
let admin: Client;
let adminId: string;
let student: Client;
beforeAll(async () => {
  // Its purges and archives act on every row: on PostgreSQL, away from the other tests' data.
  t = await createTestApp({ ownDatabase: true });
  const a = await buildUser(t.platform.database.db, { role: 'admin' });
  adminId = a.id;
  admin = await signInAs(t, a);
  student = await signInAs(t, await buildUser(t.platform.database.db, { role: 'student' }));
});
afterAll(async () => t?.close());

async function waitForRun(id: string, timeoutMs = 20_000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const row = await jobRunsRepo.byId(t.platform.database.db, id);
    if (row && row.status !== 'running') return row;
    if (Date.now() > end) throw new Error(`run ${id} still running after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('GET /api/admin/maintenance/jobs', () => {
  it('answers 401 to an anonymous caller and 404 to a student', async () => {
    expect((await new Client(t.app).get('/api/admin/maintenance/jobs')).statusCode).toBe(401);
    const res = await student.get('/api/admin/maintenance/jobs');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });

  it('lists the four jobs with their description, schedule (as pg-boss holds it) and next run', async () => {
    const res = await admin.get('/api/admin/maintenance/jobs');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.workersHere).toBe(true);
    expect(body.items.map((j: { name: string }) => j.name)).toEqual([
      'purge_tokens',
      'archive',
      'vacuum_analyze',
      'rotate_logs',
    ]);
    for (const j of body.items) {
      expect(j.description.length).toBeGreaterThan(20);
      expect(j.scheduled).toBe(true);
      expect(Date.parse(j.nextRunAt)).toBeGreaterThan(Date.now());
    }
    expect(body.items[0].schedule).toBe('17 * * * *');
  });
});

describe('POST /api/admin/maintenance/jobs/:job/run', () => {
  it('answers 401 to an anonymous caller, 404 to a student and 400 for an unknown job', async () => {
    expect((await new Client(t.app).post('/api/admin/maintenance/jobs/archive/run')).statusCode).toBe(401);
    expect((await student.post('/api/admin/maintenance/jobs/archive/run')).statusCode).toBe(404);
    const bad = await admin.post('/api/admin/maintenance/jobs/drop_everything/run');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation_failed');
  });

  it('queues a run for a worker, which performs it and records the counts, and audits the request', async () => {
    const res = await admin.post('/api/admin/maintenance/jobs/purge_tokens/run');
    expect(res.statusCode).toBe(202);
    const { run } = res.json();
    expect(run).toMatchObject({
      job: 'maintenance.purge_tokens',
      status: 'running',
      trigger: `admin:${adminId}`,
    });
    const done = await waitForRun(run.id);
    expect(done.status).toBe('succeeded');
    expect(done.durationMs).toBeGreaterThanOrEqual(0);
    expect(done.result).toMatchObject({
      emailVerifications: expect.any(Number),
      passwordTokens: expect.any(Number),
      loginChallenges: expect.any(Number),
      sessions: expect.any(Number),
    });
    const [entry] = await t.platform.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorId, adminId), eq(auditLog.action, 'maintenance.run_requested')));
    expect(entry).toMatchObject({ targetType: 'maintenance_job', targetId: 'purge_tokens' });

    const list = (await admin.get('/api/admin/maintenance/jobs')).json();
    const purge = list.items.find((j: { name: string }) => j.name === 'purge_tokens');
    expect(purge.lastRun.id).toBe(run.id);
    expect(purge.lastRun.status).toBe('succeeded');
    expect(purge.lastSuccessAt).toBe(done.finishedAt?.toISOString());
  });

  it('answers 409 job_running while a run of that job is in progress, and runs again once it ended', async () => {
    const db = t.platform.database.db;
    const held = await jobRunsRepo.start(db, {
      job: 'maintenance.vacuum_analyze',
      trigger: 'cli',
      now: new Date(),
      staleAfterMs: 60_000,
    });
    expect(held).not.toBeNull();
    const res = await admin.post('/api/admin/maintenance/jobs/vacuum_analyze/run');
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('job_running');
    await db
      .update(jobRuns)
      .set({ status: 'succeeded', finishedAt: new Date() })
      .where(eq(jobRuns.id, held?.id ?? ''));
    const again = await admin.post('/api/admin/maintenance/jobs/vacuum_analyze/run');
    expect(again.statusCode).toBe(202);
    const done = await waitForRun(again.json().run.id, 60_000);
    expect(done.status).toBe('succeeded');
    const result = done.result as { tables: { table: string; ms: number }[]; failures: unknown[] };
    expect(result.failures).toEqual([]);
    expect(result.tables.map((x) => x.table)).toContain('sessions');
  }, 90_000);
});

describe('GET /api/admin/maintenance/jobs/:job/runs', () => {
  it('answers 401, 404 and 400 like every admin route', async () => {
    expect((await new Client(t.app).get('/api/admin/maintenance/jobs/archive/runs')).statusCode).toBe(401);
    expect((await student.get('/api/admin/maintenance/jobs/archive/runs')).statusCode).toBe(404);
    const bad = await admin.get('/api/admin/maintenance/jobs/archive/runs?limit=1000');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation_failed');
  });

  it('answers a job’s runs newest first, filtered by status, a page at a time', async () => {
    const db = t.platform.database.db;
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await jobRunsRepo.start(db, {
        job: 'maintenance.rotate_logs',
        trigger: 'cli',
        now: new Date(Date.now() - (3 - i) * 60_000),
        staleAfterMs: 3_600_000,
      });
      if (!r) throw new Error('rotate_logs is running');
      await jobRunsRepo.finish(db, r.id, {
        at: new Date(r.startedAt.getTime() + 5),
        startedAt: r.startedAt,
        ...(i === 1 ? { error: 'disk full' } : { result: { compressed: i } }),
      });
      ids.push(r.id);
    }
    // A shared database may hold other runs of this job: look at these three among the newest.
    const res = await admin.get('/api/admin/maintenance/jobs/rotate_logs/runs?limit=100');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const mine = body.items.filter((r: { id: string }) => ids.includes(r.id));
    expect(mine.map((r: { id: string }) => r.id)).toEqual([ids[2], ids[1], ids[0]]);
    expect(mine[1]).toMatchObject({ status: 'failed', error: 'disk full', durationMs: 5 });
    expect(mine[0]).toMatchObject({ status: 'succeeded', result: { compressed: 2 } });
    expect(body.pageInfo.total).toBeGreaterThanOrEqual(3);
    const page = (await admin.get('/api/admin/maintenance/jobs/rotate_logs/runs?limit=2&page=2')).json();
    expect(page.items.length).toBeGreaterThanOrEqual(1);
    expect(page.pageInfo).toMatchObject({ page: 2, limit: 2 });
    expect(page.pageInfo.pages).toBeGreaterThanOrEqual(2);
    const failed = (
      await admin.get('/api/admin/maintenance/jobs/rotate_logs/runs?status=failed&limit=100')
    ).json();
    expect(failed.items.map((r: { id: string }) => r.id)).toContain(ids[1]);
    expect(failed.items.every((r: { status: string }) => r.status === 'failed')).toBe(true);
  });
});
