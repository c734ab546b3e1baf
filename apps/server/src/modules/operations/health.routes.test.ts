import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, registerUser, type TestApp } from '../../../test/harness.ts';
import { signInAs } from '../../../test/sign-in.ts';
import { buildUser } from '../../seed/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('GET /api/health', () => {
  it('answers ok without a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
    expect(res.headers['x-request-id']).toBeTruthy();
  });
});

describe('GET /api/health/ready', () => {
  it('is ready when the database answers and is migrated', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health/ready' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ready' });
  });
});

describe('GET /api/admin/health', () => {
  it('returns 401 without a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/admin/health' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthenticated');
  });

  it('returns 404 to a student', async () => {
    const { client } = await registerUser(t, { verify: true });
    const res = await client.get('/api/admin/health');
    expect(res.statusCode).toBe(404);
  });

  it('reports database, redis, mail, jobs and memory to an admin', async () => {
    const admin = await signInAs(t, await buildUser(t.platform.database.db, { role: 'admin' }));
    const res = await admin.get('/api/admin/health');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.status).toBe('UP');
    expect(body.database.status).toBe('CONNECTED');
    expect(body.database.kind).toBe(t.platform.database.kind);
    expect(body.database.latencyMs).toBeGreaterThanOrEqual(0);
    expect(body.redis.status).toBe(t.config.redis ? 'CONNECTED' : 'NOT_CONFIGURED');
    expect(body.smtp.status).toBe('OUTBOX');
    expect(body.memory.rssMb).toBeGreaterThan(10);
    expect(typeof body.jobs.queued).toBe('number');
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('unknown routes', () => {
  it('answer 404 not_found with the error envelope', async () => {
    const res = await new Client(t.app).get('/api/nope');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: { code: 'not_found', requestId: expect.any(String) } });
  });
});

describe('admin routes when the site requires 2FA for admins', () => {
  it('answers 403 two_factor_required to an admin without 2FA', async () => {
    const s = await createTestApp({ env: { REQUIRE_ADMIN_2FA: 'true' } });
    try {
      const admin = await signInAs(s, await buildUser(s.platform.database.db, { role: 'admin' }));
      const res = await admin.get('/api/admin/health');
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('two_factor_required');
      // Setting up 2FA stays open to them.
      expect((await admin.post('/api/auth/2fa/setup')).statusCode).toBe(200);
    } finally {
      await s.close();
    }
  });
});
