import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, STRONG_PASSWORD, type TestApp } from '../../../test/harness.ts';
import { signInAs } from '../../../test/sign-in.ts';
import { certificates, orders, recoveryCodes, sessions, type UserRow, users } from '../../db/schema/index.ts';
import { buildPendingOrder } from '../../seed/commerce-factories.ts';
import { buildCourse, buildUser } from '../../seed/factories.ts';
import { buildCertificate, buildEnrollment, buildReview } from '../../seed/learning-factories.ts';
import { anonymisedEmail } from './anonymise.service.ts';
import { usersRepo } from './users.repo.ts';

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
  (await admin.get(`/api/admin/audit?targetId=${targetId}`)).json().items as Record<string, unknown>[];

/** A student with a phone, an avatar, 2FA, recovery codes, a paid-looking order and a certificate. */
async function richStudent() {
  const instructor = await buildUser(db(), { role: 'instructor' });
  const course = await buildCourse(db(), {
    instructorId: instructor.id,
    priceMinor: 7000,
    status: 'published',
  });
  const user = await buildUser(db(), { name: 'Ayesha Real Name' });
  const client = await signInAs(t, user);
  const avatarKey = `${crypto.randomUUID()}.png`;
  await t.platform.storage.put(`avatars/${avatarKey}`, Buffer.from('png bytes'));
  await usersRepo.update(db(), user.id, {
    phone: '+92 300 1234567',
    avatarKey,
    totpSecretEnc: 'v1:encrypted',
    totpEnabledAt: new Date(),
  });
  await db()
    .insert(recoveryCodes)
    .values({ userId: user.id, codeHash: `h-${crypto.randomUUID()}` });
  const { order } = await buildPendingOrder(db(), {
    userId: user.id,
    email: user.email,
    courses: [{ id: course.id, title: course.title, priceMinor: 7000, currency: 'PKR' }],
  });
  await db()
    .update(orders)
    .set({ contactPhone: '+92 300 1234567', shippingAddress: { line1: '1 Real Street' } as never })
    .where(eq(orders.id, order.id));
  await buildEnrollment(db(), { userId: user.id, courseId: course.id, completedAt: new Date() });
  await buildCertificate(db(), { userId: user.id, courseId: course.id });
  return { user: (await usersRepo.findById(db(), user.id)) as UserRow, client, order, avatarKey };
}

describe('POST /api/admin/users/:id/anonymise', () => {
  it('returns 401 without a session and 404 to a student or an instructor', async () => {
    const target = await buildUser(db());
    const body = { confirmEmail: target.email };
    expect((await new Client(t.app).post(`/api/admin/users/${target.id}/anonymise`, body)).statusCode).toBe(
      401,
    );
    for (const role of ['student', 'instructor'] as const) {
      const client = await signInAs(t, await buildUser(db(), { role }));
      expect((await client.post(`/api/admin/users/${target.id}/anonymise`, body)).statusCode).toBe(404);
    }
  });

  it.each([
    ['no confirmation', {}],
    ['a confirmation that is not an email', { confirmEmail: 'yes' }],
    ['an extra field', { confirmEmail: 'a@example.test', force: true }],
  ])('returns 400 validation_failed for %s', async (_label, body) => {
    const target = await buildUser(db());
    const res = await admin.post(`/api/admin/users/${target.id}/anonymise`, body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
  });

  it('returns 400 confirm_email_mismatch for another address and changes nothing', async () => {
    const target = await buildUser(db());
    const res = await admin.post(`/api/admin/users/${target.id}/anonymise`, {
      confirmEmail: 'x@example.test',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('confirm_email_mismatch');
    expect((await usersRepo.findById(db(), target.id))?.anonymisedAt).toBeNull();
  });

  it('refuses your own account (cannot_act_on_self) and a second anonymisation (already_anonymised)', async () => {
    const self = await admin.post(`/api/admin/users/${adminRow.id}/anonymise`, {
      confirmEmail: adminRow.email,
    });
    expect(self.statusCode).toBe(400);
    expect(self.json().error.code).toBe('cannot_act_on_self');
    const target = await buildUser(db());
    expect(
      (await admin.post(`/api/admin/users/${target.id}/anonymise`, { confirmEmail: target.email }))
        .statusCode,
    ).toBe(200);
    const again = await admin.post(`/api/admin/users/${target.id}/anonymise`, { confirmEmail: target.email });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('already_anonymised');
  });

  it('leaves no personal data: the row, sessions, codes, orders and certificate keep only figures', async () => {
    const { user, client, order, avatarKey } = await richStudent();
    const res = await admin.post(`/api/admin/users/${user.id}/anonymise`, {
      confirmEmail: user.email.toUpperCase(),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().user).toMatchObject({
      name: 'Deleted user',
      email: anonymisedEmail(user.id),
      phone: null,
    });

    const [row] = await db().select().from(users).where(eq(users.id, user.id));
    expect(row).toMatchObject({
      name: 'Deleted user',
      email: anonymisedEmail(user.id),
      phone: null,
      avatarKey: null,
      passwordHash: null,
      totpSecretEnc: null,
      totpEnabledAt: null,
    });
    expect(row?.anonymisedAt).not.toBeNull();
    expect(JSON.stringify(row)).not.toContain('Ayesha');
    expect(await t.platform.storage.get(`avatars/${avatarKey}`)).toBeNull();
    const live = await db()
      .select()
      .from(sessions)
      .where(eq(sessions.userId, user.id))
      .then((rows) => rows.filter((s) => s.revokedAt === null));
    expect(live).toEqual([]);
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
    expect(await db().select().from(recoveryCodes).where(eq(recoveryCodes.userId, user.id))).toEqual([]);

    const [kept] = await db().select().from(orders).where(eq(orders.id, order.id));
    expect(kept).toMatchObject({
      contactName: 'Deleted user',
      contactEmail: anonymisedEmail(user.id),
      contactPhone: null,
      shippingAddress: null,
      totalMinor: 7000,
      subtotalMinor: 7000,
      status: 'pending',
    });
    const [cert] = await db().select().from(certificates).where(eq(certificates.userId, user.id));
    expect(cert?.studentName).toBe('Deleted user');
    const login = await new Client(t.app).post('/api/auth/login', {
      email: user.email,
      password: STRONG_PASSWORD,
    });
    expect(login.statusCode).toBe(401);

    const [entry] = await auditFor(user.id);
    expect(entry).toMatchObject({
      action: 'user.anonymised',
      actorId: adminRow.id,
      targetType: 'user',
      before: { name: 'Ayesha Real Name', email: user.email },
      after: { name: 'Deleted user', sessionsRevoked: 1, ordersBlanked: 1 },
    });
    expect(JSON.stringify(entry)).not.toMatch(/passwordHash|totpSecret/);
    const journal = (await admin.get(`/api/admin/auth-events?userId=${user.id}&limit=100`)).json().items;
    expect(journal.every((e: { email: string | null }) => e.email === null)).toBe(true);
    expect(journal[0]).toMatchObject({ type: 'anonymised', actorId: adminRow.id });
  });
});

describe('DELETE /api/admin/users/:id', () => {
  it('returns 401 without a session and 404 to a student', async () => {
    const target = await buildUser(db());
    expect((await new Client(t.app).delete(`/api/admin/users/${target.id}`)).statusCode).toBe(401);
    const student = await signInAs(t, await buildUser(db()));
    expect((await student.delete(`/api/admin/users/${target.id}`)).statusCode).toBe(404);
    expect((await admin.delete('/api/admin/users/not-a-uuid')).statusCode).toBe(400);
    expect((await admin.delete('/api/admin/users/00000000-0000-4000-8000-000000000000')).statusCode).toBe(
      404,
    );
    expect(await usersRepo.findById(db(), target.id)).toBeDefined();
  });

  it('deletes an account that holds nothing and audits the row without secrets', async () => {
    const spam = await buildUser(db(), { name: 'Spam Signup' });
    await signInAs(t, spam);
    const res = await admin.delete(`/api/admin/users/${spam.id}`);
    expect(res.statusCode).toBe(204);
    expect(await usersRepo.findById(db(), spam.id)).toBeUndefined();
    expect(await db().select().from(sessions).where(eq(sessions.userId, spam.id))).toEqual([]);
    const [entry] = await auditFor(spam.id);
    expect(entry).toMatchObject({
      action: 'user.deleted',
      actorId: adminRow.id,
      before: { id: spam.id, name: 'Spam Signup', email: spam.email },
      after: null,
    });
    expect(JSON.stringify(entry)).not.toMatch(/passwordHash|argon2/);
  });

  it.each(['an order', 'an enrollment', 'a course', 'a review'])(
    'refuses an account with %s: 409 user_has_records, and keeps it',
    async (what) => {
      const user = await buildUser(db(), { role: what === 'a course' ? 'instructor' : 'student' });
      const owner = await buildUser(db(), { role: 'instructor' });
      const course = await buildCourse(db(), {
        instructorId: what === 'a course' ? user.id : owner.id,
        status: 'published',
      });
      if (what === 'an order')
        await buildPendingOrder(db(), {
          userId: user.id,
          courses: [{ id: course.id, title: course.title, priceMinor: 100, currency: 'PKR' }],
        });
      if (what === 'an enrollment' || what === 'a review')
        await buildEnrollment(db(), { userId: user.id, courseId: course.id });
      if (what === 'a review') await buildReview(db(), { userId: user.id, courseId: course.id, rating: 4 });
      const res = await admin.delete(`/api/admin/users/${user.id}`);
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('user_has_records');
      expect(await usersRepo.findById(db(), user.id)).toBeDefined();
      expect(await auditFor(user.id)).toEqual([]);
    },
  );

  it('refuses your own account', async () => {
    const res = await admin.delete(`/api/admin/users/${adminRow.id}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('cannot_act_on_self');
    const [me] = await db().select().from(users).where(eq(users.id, adminRow.id));
    expect(me?.anonymisedAt).toBeNull();
  });
});
