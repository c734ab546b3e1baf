import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authEvents } from '../../../test/auth-events.ts';
import { Client, createTestApp, type TestApp } from '../../../test/harness.ts';
import { signInAs } from '../../../test/sign-in.ts';
import { sessions, type UserRow } from '../../db/schema/index.ts';
import { buildUser } from '../../seed/factories.ts';

let t: TestApp;
let adminRow: UserRow;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp();
  adminRow = await buildUser(t.platform.database.db, { role: 'admin' });
  admin = await signInAs(t, adminRow);
});
afterAll(async () => t?.close());

const db = () => t.platform.database.db;
const auditFor = async (targetId: string) =>
  (await admin.get(`/api/admin/audit?targetId=${targetId}&limit=100`)).json().items as Record<
    string,
    unknown
  >[];

/** A fresh admin browser that signs in as a new student; returns both. */
async function impersonating() {
  const row = await buildUser(db(), { role: 'admin' });
  const browser = await signInAs(t, row);
  const student = await buildUser(db());
  const res = await browser.post(`/api/admin/users/${student.id}/impersonate`);
  expect(res.statusCode, res.body).toBe(200);
  return { adminRow: row, browser, student, res };
}

/** Every money and credential route an impersonated session must be refused, with a body it accepts. */
const FORBIDDEN: [string, string, unknown][] = [
  ['POST', '/api/cart/items', { type: 'course', courseId: '00000000-0000-4000-8000-000000000000' }],
  ['DELETE', '/api/cart/items/00000000-0000-4000-8000-000000000000', undefined],
  ['POST', '/api/cart/coupon', { code: 'SAVE10' }],
  ['POST', '/api/cart/merge', { items: [] }],
  ['POST', '/api/checkout/quote', {}],
  ['POST', '/api/checkout/orders', {}],
  ['POST', '/api/orders/ORD-12345678/payments', {}],
  ['POST', '/api/orders/ORD-12345678/manual-proofs', {}],
  ['POST', '/api/payments/test/ref/succeed', {}],
  ['POST', '/api/downloads/00000000-0000-4000-8000-000000000000/link', {}],
  ['POST', '/api/wishlist/00000000-0000-4000-8000-000000000000/move-to-cart', {}],
  ['POST', '/api/orders/ORD-12345678/refunds', {}],
  ['POST', '/api/auth/password/change', { currentPassword: 'x', newPassword: 'a new long password' }],
  ['POST', '/api/auth/email/change', { newEmail: 'new@example.test', password: 'x' }],
  ['POST', '/api/auth/email/confirm', { code: '123456' }],
  ['POST', '/api/auth/2fa/setup', {}],
  ['POST', '/api/auth/2fa/disable', { code: '123456' }],
  ['DELETE', '/api/auth/sessions/00000000-0000-4000-8000-000000000000', undefined],
  ['POST', '/api/auth/logout-all', {}],
];

describe('POST /api/admin/users/:id/impersonate', () => {
  it('returns 401 without a session and 404 to a student or an instructor', async () => {
    const target = await buildUser(db());
    expect((await new Client(t.app).post(`/api/admin/users/${target.id}/impersonate`)).statusCode).toBe(401);
    for (const role of ['student', 'instructor'] as const) {
      const client = await signInAs(t, await buildUser(db(), { role }));
      expect((await client.post(`/api/admin/users/${target.id}/impersonate`)).statusCode).toBe(404);
    }
  });

  it('returns 400 for a bad id and 404 for an unknown user', async () => {
    expect((await admin.post('/api/admin/users/x/impersonate')).statusCode).toBe(400);
    const res = await admin.post('/api/admin/users/00000000-0000-4000-8000-000000000000/impersonate');
    expect(res.statusCode).toBe(404);
  });

  it('refuses yourself, another admin, a suspended or an anonymised account (409 cannot_impersonate)', async () => {
    const other = await buildUser(db(), { role: 'admin' });
    const suspended = await buildUser(db(), { suspended: true });
    const gone = await buildUser(db());
    await admin.post(`/api/admin/users/${gone.id}/anonymise`, { confirmEmail: gone.email });
    for (const id of [adminRow.id, other.id, suspended.id, gone.id]) {
      const res = await admin.post(`/api/admin/users/${id}/impersonate`);
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('cannot_impersonate');
    }
    expect((await admin.get('/api/auth/me')).json().impersonated).toBe(false);
  });

  it('signs the browser in as the user for an hour, says so in /me, and records it', async () => {
    const { adminRow: by, browser, student, res } = await impersonating();
    expect(res.json().user).toMatchObject({ id: student.id, email: student.email });
    const hours = (Date.parse(res.json().expiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(0.95);
    expect(hours).toBeLessThanOrEqual(1);

    const me = (await browser.get('/api/auth/me')).json();
    expect(me).toMatchObject({
      user: { id: student.id },
      impersonated: true,
      impersonator: { id: by.id, name: by.name, email: by.email },
    });
    const [row] = await db().select().from(sessions).where(eq(sessions.userId, student.id));
    expect(row?.impersonatorId).toBe(by.id);

    const [started] = await authEvents(admin, { type: 'impersonation_started', userId: student.id });
    expect(started?.actorId).toBe(by.id);
    const [entry] = await auditFor(student.id);
    expect(entry).toMatchObject({ action: 'impersonation.started', actorId: by.id, targetType: 'user' });
    const detail = (await admin.get(`/api/admin/users/${student.id}`)).json();
    expect(detail.impersonatedSessions).toBe(1);
  });
});

describe('an impersonated session', () => {
  let shared: Promise<Awaited<ReturnType<typeof impersonating>>> | null = null;
  it.each(FORBIDDEN)('is refused %s %s with 403 impersonation_forbidden', async (method, url, body) => {
    shared ??= impersonating();
    const { browser } = await shared;
    const res = await browser.request(method, url, body);
    expect(res.statusCode, res.body).toBe(403);
    expect(res.json().error.code).toBe('impersonation_forbidden');
  });

  it('may still read, and its other writes work and are audited with the impersonator', async () => {
    const { adminRow: by, browser, student } = await impersonating();
    expect((await browser.get('/api/cart')).statusCode).toBe(200);
    const res = await browser.patch('/api/account/profile', { name: 'Renamed By Support' });
    expect(res.statusCode, res.body).toBe(200);
    const entries = await admin.get(`/api/admin/audit?actorId=${student.id}&limit=100`);
    const [write] = entries.json().items as Record<string, unknown>[];
    expect(write).toMatchObject({
      actorId: student.id,
      impersonatorId: by.id,
      impersonatorEmail: by.email,
      action: 'PATCH /api/account/profile',
      after: { name: 'Renamed By Support' },
    });
  });

  it('ends with stop: the borrowed session is revoked and the admin is signed back in', async () => {
    const { adminRow: by, browser, student } = await impersonating();
    const borrowed = browser.cookies.get('session');
    const res = await browser.post('/api/auth/impersonation/stop');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().user).toMatchObject({ id: by.id, role: 'admin' });

    const me = (await browser.get('/api/auth/me')).json();
    expect(me).toMatchObject({ user: { id: by.id }, impersonated: false, impersonator: null });
    expect((await browser.get('/api/admin/users')).statusCode).toBe(200);
    const old = new Client(t.app);
    old.cookies.set('session', borrowed as string);
    expect((await old.get('/api/auth/me')).statusCode).toBe(401);
    const [row] = await db().select().from(sessions).where(eq(sessions.userId, student.id));
    expect(row?.revokedAt).not.toBeNull();

    const [stopped] = await authEvents(admin, { type: 'impersonation_stopped', userId: student.id });
    expect(stopped?.actorId).toBe(by.id);
    const actions = (await auditFor(student.id)).map((e) => e.action);
    expect(actions).toEqual(['impersonation.stopped', 'impersonation.started']);
    const [end] = await auditFor(student.id);
    expect(end).toMatchObject({ actorId: student.id, impersonatorId: by.id });
  });

  it('signs out instead when the admin lost the role meanwhile', async () => {
    const { adminRow: by, browser } = await impersonating();
    expect((await admin.patch(`/api/admin/users/${by.id}`, { role: 'student' })).statusCode).toBe(200);
    const res = await browser.post('/api/auth/impersonation/stop');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ user: null, csrfToken: null });
    expect((await browser.get('/api/auth/me')).statusCode).toBe(401);
  });
});

describe('signing out of an impersonated session', () => {
  it('ends the impersonation in the journal and leaves the admin signed out', async () => {
    const { adminRow: by, browser, student } = await impersonating();
    expect((await browser.post('/api/auth/logout')).statusCode).toBe(204);
    expect((await browser.get('/api/auth/me')).statusCode).toBe(401);
    const [stopped] = await authEvents(admin, { type: 'impersonation_stopped', userId: student.id });
    expect(stopped).toMatchObject({ actorId: by.id, details: { via: 'sign_out' } });
    const byActor = await admin.get(`/api/admin/audit?actorId=${student.id}&limit=100`);
    const [entry] = byActor.json().items as Record<string, unknown>[];
    expect(entry).toMatchObject({ action: 'POST /api/auth/logout', impersonatorId: by.id });
  });
});

describe('POST /api/auth/impersonation/stop', () => {
  it('returns 401 without a session and 409 not_impersonating from an ordinary session', async () => {
    expect((await new Client(t.app).post('/api/auth/impersonation/stop')).statusCode).toBe(401);
    const res = await admin.post('/api/auth/impersonation/stop');
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('not_impersonating');
  });
});
