import type { AuthEventType } from '@9tangle/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authEvents } from '../../../test/auth-events.ts';
import { Client, createTestApp, STRONG_PASSWORD, type TestApp } from '../../../test/harness.ts';
import { signInAs } from '../../../test/sign-in.ts';
import type { UserRow } from '../../db/schema/index.ts';
import { buildUser } from '../../seed/factories.ts';
import { createPasswordHasher } from './passwords.ts';

let t: TestApp;
let adminRow: UserRow;
let admin: Client;
let passwordHash: string;
beforeAll(async () => {
  t = await createTestApp();
  passwordHash = await createPasswordHasher(t.config.argon2).hash(STRONG_PASSWORD);
  adminRow = await buildUser(t.platform.database.db, { role: 'admin' });
  admin = await signInAs(t, adminRow);
});
afterAll(async () => t?.close());

async function signedIn(role: 'student' | 'instructor' = 'student') {
  const user = await buildUser(t.platform.database.db, { role, passwordHash });
  const client = new Client(t.app);
  const res = await client.post('/api/auth/login', { email: user.email, password: STRONG_PASSWORD });
  if (res.statusCode !== 200) throw new Error(res.body);
  return { client, user };
}

/** The journal entries of one type for a user, as the admin API shows them (with the actor). */
const journal = (type: AuthEventType, userId: string) => authEvents(admin, { type, userId });

describe('PATCH /api/admin/users/:id', () => {
  it('returns 401 without a session', async () => {
    const target = await buildUser(t.platform.database.db);
    const res = await new Client(t.app).patch(`/api/admin/users/${target.id}`, { role: 'admin' });
    expect(res.statusCode).toBe(401);
  });

  it.each(['student', 'instructor'] as const)('returns 404 to a signed-in %s', async (role) => {
    const { client } = await signedIn(role);
    const target = await buildUser(t.platform.database.db);
    const res = await client.patch(`/api/admin/users/${target.id}`, { role: 'admin' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });

  it('returns 400 cannot_change_own_role when an admin changes their own role or suspends themselves', async () => {
    for (const body of [{ role: 'student' }, { suspended: true }]) {
      const res = await admin.patch(`/api/admin/users/${adminRow.id}`, body);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('cannot_change_own_role');
    }
    expect((await admin.get('/api/auth/me')).json().user.role).toBe('admin');
  });

  it.each([
    ['an unknown role', { role: 'god' }],
    ['an extra field', { role: 'student', passwordHash: 'x' }],
    ['a non-boolean suspension', { suspended: 'yes' }],
  ])('returns 400 validation_failed for %s and changes nothing', async (_label, body) => {
    const { client, user } = await signedIn();
    const res = await admin.patch(`/api/admin/users/${user.id}`, body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
    expect((await client.get('/api/auth/me')).json().user.role).toBe('student');
  });

  it('returns 400 for an id that is not a uuid and 404 for an unknown user', async () => {
    expect((await admin.patch('/api/admin/users/42', { role: 'instructor' })).statusCode).toBe(400);
    const res = await admin.patch('/api/admin/users/00000000-0000-4000-8000-000000000000', {
      role: 'instructor',
    });
    expect(res.statusCode).toBe(404);
  });

  it("changes a role, effective on the user's next request, and records role_changed with the actor", async () => {
    const { client, user } = await signedIn();
    expect((await client.get('/api/auth/me')).json().user.role).toBe('student');

    const res = await admin.patch(`/api/admin/users/${user.id}`, { role: 'instructor' });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ id: user.id, role: 'instructor' });
    expect((await client.get('/api/auth/me')).json().user.role).toBe('instructor');

    expect(await authEvents(admin, { type: 'role_changed', userId: user.id })).toHaveLength(1);
    const [row] = await journal('role_changed', user.id);
    expect(row).toMatchObject({ actorId: adminRow.id, details: { from: 'student', to: 'instructor' } });
  });

  it('suspends a user, effective on their next request, and records suspended with the actor', async () => {
    const { client, user } = await signedIn();
    const res = await admin.patch(`/api/admin/users/${user.id}`, { suspended: true });
    expect(res.statusCode).toBe(200);

    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
    const login = await new Client(t.app).post('/api/auth/login', {
      email: user.email,
      password: STRONG_PASSWORD,
    });
    expect(login.statusCode).toBe(403);
    expect(login.json().error.code).toBe('account_suspended');
    expect(await authEvents(admin, { type: 'suspended', userId: user.id })).toHaveLength(1);
    expect((await journal('suspended', user.id))[0]?.actorId).toBe(adminRow.id);

    expect((await admin.patch(`/api/admin/users/${user.id}`, { suspended: false })).statusCode).toBe(200);
    const again = await new Client(t.app).post('/api/auth/login', {
      email: user.email,
      password: STRONG_PASSWORD,
    });
    expect(again.statusCode).toBe(200);
    expect((await journal('unsuspended', user.id))[0]?.actorId).toBe(adminRow.id);
  });
});

describe('PATCH /api/admin/users/:id in the audit log', () => {
  const entries = async (id: string) =>
    (await admin.get(`/api/admin/audit?targetId=${id}`)).json().items as Record<string, unknown>[];

  it('names each change with its before and after', async () => {
    const { user } = await signedIn();
    await admin.patch(`/api/admin/users/${user.id}`, { role: 'instructor' });
    await admin.patch(`/api/admin/users/${user.id}`, { suspended: true });
    await admin.patch(`/api/admin/users/${user.id}`, { suspended: false });
    const [unsuspended, suspended, roleChanged] = await entries(user.id);
    expect(roleChanged).toMatchObject({
      action: 'user.role_changed',
      targetType: 'user',
      targetId: user.id,
      actorId: adminRow.id,
      before: { role: 'student', suspended: false },
      after: { role: 'instructor', suspended: false },
    });
    expect(suspended).toMatchObject({ action: 'user.suspended', after: { suspended: true } });
    expect(unsuspended).toMatchObject({ action: 'user.unsuspended', before: { suspended: true } });
  });

  it('refuses to change an anonymised account (409 already_anonymised)', async () => {
    const { user } = await signedIn();
    await admin.post(`/api/admin/users/${user.id}/anonymise`, { confirmEmail: user.email });
    const res = await admin.patch(`/api/admin/users/${user.id}`, { role: 'admin' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('already_anonymised');
  });
});

describe('GET /api/admin/auth-events', () => {
  it('returns 401 without a session and 404 to a student', async () => {
    expect((await new Client(t.app).get('/api/admin/auth-events')).statusCode).toBe(401);
    const { client } = await signedIn();
    expect((await client.get('/api/admin/auth-events')).statusCode).toBe(404);
  });

  it('filters by type and user and pages newest first', async () => {
    const { user } = await signedIn();
    for (let i = 0; i < 3; i++) {
      await new Client(t.app).post('/api/auth/login', { email: user.email, password: `wrong ${i}` });
    }
    const query = `type=sign_in_failure&userId=${user.id}&limit=2`;
    const page1 = (await admin.get(`/api/admin/auth-events?${query}&page=1`)).json();
    const page2 = (await admin.get(`/api/admin/auth-events?${query}&page=2`)).json();

    expect(page1.pageInfo).toEqual({ page: 1, limit: 2, total: 3, pages: 2 });
    expect(page1.items).toHaveLength(2);
    expect(page2.items).toHaveLength(1);
    const items = [...page1.items, ...page2.items];
    expect(new Set(items.map((e: { id: string }) => e.id)).size).toBe(3);
    for (const e of items)
      expect(e).toMatchObject({ type: 'sign_in_failure', userId: user.id, email: user.email });
    const times = items.map((e: { createdAt: string }) => e.createdAt);
    expect(times).toEqual([...times].sort().reverse());

    const success = await authEvents(admin, { type: 'sign_in_success', userId: user.id });
    expect(success).toHaveLength(1);
  });

  it('filters by kind, email, IP and date range, and sums the range by type', async () => {
    const { user } = await signedIn();
    for (let i = 0; i < 2; i++)
      await new Client(t.app).post('/api/auth/login', { email: user.email, password: `wrong ${i}` });
    const q = (extra: string) => admin.get(`/api/admin/auth-events?userId=${user.id}&${extra}`);

    const failed = (await q('kind=failed_sign_ins')).json();
    expect(failed.items.map((e: { type: string }) => e.type)).toEqual(['sign_in_failure', 'sign_in_failure']);
    expect(failed.items[0]).toMatchObject({ userName: user.name, userEmail: user.email });
    expect(failed.summary).toEqual(
      expect.arrayContaining([
        { type: 'sign_in_failure', count: 2 },
        { type: 'sign_in_success', count: 1 },
      ]),
    );
    expect((await q('kind=two_factor_failures')).json().items).toEqual([]);

    const part = user.email.split('@')[0]?.slice(-8) as string;
    expect((await q(`email=${encodeURIComponent(part)}`)).json().pageInfo.total).toBe(3);
    expect((await q('email=nobody-like-this')).json().pageInfo.total).toBe(0);

    expect((await q('ip=127.0.0.1')).json().pageInfo.total).toBe(3);
    expect((await q('ip=203.0.113.77')).json().pageInfo.total).toBe(0);

    const past = encodeURIComponent(new Date(Date.now() - 3_600_000).toISOString());
    const future = encodeURIComponent(new Date(Date.now() + 3_600_000).toISOString());
    expect((await q(`from=${past}&to=${future}`)).json().pageInfo.total).toBe(3);
    const later = (await q(`from=${future}`)).json();
    expect(later.pageInfo.total).toBe(0);
    expect(later.summary).toEqual([]);
  });

  it('files admin actions under admin_actions', async () => {
    const { user } = await signedIn();
    await admin.patch(`/api/admin/users/${user.id}`, { suspended: true });
    await admin.patch(`/api/admin/users/${user.id}`, { role: 'instructor' });
    const res = (await admin.get(`/api/admin/auth-events?userId=${user.id}&kind=admin_actions`)).json();
    expect(res.items.map((e: { type: string }) => e.type).sort()).toEqual(['role_changed', 'suspended']);
  });

  it.each([
    'type=bogus',
    'limit=1000',
    'page=0',
    'userId=not-a-uuid',
    'kind=bogus',
    'ip=1.2.3',
    'from=yesterday',
  ])('returns 400 for %s', async (q) => {
    const res = await admin.get(`/api/admin/auth-events?${q}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
  });
});
