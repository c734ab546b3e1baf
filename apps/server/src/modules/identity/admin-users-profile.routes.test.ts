import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../../../test/harness.ts';
import { signInAs } from '../../../test/sign-in.ts';
import type { UserRow } from '../../db/schema/index.ts';
import { buildPendingOrder } from '../../seed/commerce-factories.ts';
import { buildCourse, buildUser } from '../../seed/factories.ts';
import { buildEnrollment } from '../../seed/learning-factories.ts';
import { usersRepo } from './users.repo.ts';

let t: TestApp;
let adminRow: UserRow;
let admin: Client;
/** A word no other test's users carry, so searches see only this file's accounts. */
const tag = `zq${Date.now().toString(36)}`;
beforeAll(async () => {
  t = await createTestApp();
  adminRow = await buildUser(t.platform.database.db, { role: 'admin' });
  admin = await signInAs(t, adminRow);
});
afterAll(async () => t?.close());

const db = () => t.platform.database.db;
const list = async (query: string) => {
  const res = await admin.get(`/api/admin/users?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    items: { id: string; name: string; status: string; role: string; lastSeenAt: string | null }[];
    pageInfo: { total: number; pages: number };
  };
};

describe('GET /api/admin/users', () => {
  it('returns 401 without a session and 404 to a student or an instructor', async () => {
    expect((await new Client(t.app).get('/api/admin/users')).statusCode).toBe(401);
    for (const role of ['student', 'instructor'] as const) {
      const client = await signInAs(t, await buildUser(db(), { role }));
      const res = await client.get('/api/admin/users');
      expect(res.statusCode).toBe(404);
    }
  });

  it.each(['role=god', 'status=deleted', 'sort=random', 'limit=500', 'page=0'])(
    'returns 400 validation_failed for %s',
    async (q) => {
      const res = await admin.get(`/api/admin/users?${q}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    },
  );

  it('finds accounts by words of the name or the email, and by exact id', async () => {
    const ana = await buildUser(db(), { name: `Ana ${tag} Khan` });
    const bob = await buildUser(db(), { email: `bob.${tag}@example.test` });
    await buildUser(db(), { name: 'Someone Else' });
    const byWord = await list(`q=${tag}&limit=100`);
    expect(byWord.items.map((u) => u.id).sort()).toEqual([ana.id, bob.id].sort());
    expect(byWord.pageInfo.total).toBe(2);
    expect((await list(`q=${ana.id}`)).items.map((u) => u.id)).toEqual([ana.id]);
    const whole = encodeURIComponent(bob.email.toUpperCase());
    expect((await list(`q=${whole}`)).items.map((u) => u.id)).toEqual([bob.id]);
    // LIKE wildcards typed by the admin are searched for, not obeyed.
    expect((await list(`q=${encodeURIComponent(`${tag}%_`)}`)).items).toEqual([]);
  });

  it('filters by role and status and sorts by name, age and last activity', async () => {
    const q = `${tag}f`;
    const active = await buildUser(db(), { name: `C ${q}`, role: 'instructor' });
    const suspended = await buildUser(db(), { name: `A ${q}`, suspended: true });
    const unverified = await buildUser(db(), { name: `B ${q}`, verified: false });
    const anonymised = await buildUser(db(), { name: `D ${q}` });
    await usersRepo.update(db(), anonymised.id, { anonymisedAt: new Date() });
    // Made within the same millisecond they would tie on age: a second apart, in the order made.
    const base = Date.now() - 60_000;
    for (const [i, u] of [active, suspended, unverified, anonymised].entries())
      await usersRepo.update(db(), u.id, { createdAt: new Date(base + i * 1000) });
    const ids = async (extra: string) => (await list(`q=${q}&${extra}`)).items.map((u) => u.id);

    expect(await ids('status=active')).toEqual([active.id]);
    expect(await ids('status=suspended')).toEqual([suspended.id]);
    expect(await ids('status=unverified')).toEqual([unverified.id]);
    expect(await ids('status=anonymised')).toEqual([anonymised.id]);
    expect(await ids('role=instructor')).toEqual([active.id]);
    expect(await ids('sort=name')).toEqual([suspended.id, unverified.id, active.id, anonymised.id]);
    expect(await ids('sort=newest')).toEqual([anonymised.id, unverified.id, suspended.id, active.id]);
    expect(await ids('sort=oldest')).toEqual([active.id, suspended.id, unverified.id, anonymised.id]);

    const seen = await buildUser(db(), { name: `E ${q}` });
    await signInAs(t, seen);
    const bySeen = (await list(`q=${q}&sort=last_seen`)).items;
    expect(bySeen[0]).toMatchObject({ id: seen.id, status: 'active' });
    expect(bySeen[0]?.lastSeenAt).not.toBeNull();
    expect(bySeen.slice(1).every((u) => u.lastSeenAt === null)).toBe(true);
  });

  it('pages with a total', async () => {
    const q = `${tag}p`;
    for (let i = 0; i < 5; i++) await buildUser(db(), { name: `P${i} ${q}` });
    const page1 = await list(`q=${q}&limit=2&page=1&sort=name`);
    const page3 = await list(`q=${q}&limit=2&page=3&sort=name`);
    expect(page1.pageInfo).toMatchObject({ total: 5, pages: 3 });
    expect(page1.items.map((u) => u.name)).toEqual([`P0 ${q}`, `P1 ${q}`]);
    expect(page3.items.map((u) => u.name)).toEqual([`P4 ${q}`]);
  });
});

describe('GET /api/admin/users/:id', () => {
  it('returns 401, 404 to a student, 400 for a bad id and 404 for an unknown one', async () => {
    const target = await buildUser(db());
    expect((await new Client(t.app).get(`/api/admin/users/${target.id}`)).statusCode).toBe(401);
    const student = await signInAs(t, await buildUser(db()));
    expect((await student.get(`/api/admin/users/${target.id}`)).statusCode).toBe(404);
    expect((await admin.get('/api/admin/users/nope')).statusCode).toBe(400);
    const unknown = await admin.get('/api/admin/users/00000000-0000-4000-8000-000000000000');
    expect(unknown.statusCode).toBe(404);
  });

  it('shows the profile, latest orders, enrollments, journal and sessions, and no secrets', async () => {
    const instructor = await buildUser(db(), { role: 'instructor' });
    const course = await buildCourse(db(), {
      instructorId: instructor.id,
      priceMinor: 5000,
      status: 'published',
    });
    const student = await buildUser(db());
    await signInAs(t, student);
    await new Client(t.app).post('/api/auth/login', { email: student.email, password: 'wrong password' });
    const { order } = await buildPendingOrder(db(), {
      userId: student.id,
      courses: [{ id: course.id, title: course.title, priceMinor: 5000, currency: 'PKR' }],
    });
    await buildEnrollment(db(), { userId: student.id, courseId: course.id });

    const res = await admin.get(`/api/admin/users/${student.id}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user).toMatchObject({ id: student.id, email: student.email, status: 'active' });
    expect(body.user.lastSeenAt).not.toBeNull();
    expect(body.orders).toEqual([
      expect.objectContaining({ number: order.number, totalMinor: 5000, currency: 'PKR', status: 'pending' }),
    ]);
    expect(body.enrollments).toEqual([
      expect.objectContaining({ courseId: course.id, courseTitle: course.title, progressPercent: 0 }),
    ]);
    expect(body.authEvents.map((e: { type: string }) => e.type)).toEqual([
      'sign_in_failure',
      'sign_in_success',
    ]);
    expect(body).toMatchObject({
      activeSessions: 1,
      impersonatedSessions: 0,
      counts: { orders: 1, enrollments: 1, courses: 0, reviews: 0 },
      canDelete: false,
    });
    expect(res.body).not.toMatch(/passwordHash|password_hash|totp|argon2/i);

    const instructorView = (await admin.get(`/api/admin/users/${instructor.id}`)).json();
    expect(instructorView).toMatchObject({ counts: { courses: 1 }, canDelete: false, activeSessions: 0 });
    const bare = (await admin.get(`/api/admin/users/${(await buildUser(db())).id}`)).json();
    expect(bare).toMatchObject({ orders: [], enrollments: [], authEvents: [], canDelete: true });
  });
});
