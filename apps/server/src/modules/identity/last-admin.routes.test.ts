import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { signInAs } from '../../../test/sign-in.ts';
import { users } from '../../db/schema/index.ts';
import { buildUser } from '../../seed/factories.ts';

/**
 * The last-admin rule is about the whole academy, so these tests run on an academy of their own: an
 * embedded database whatever the suite runs on, where every admin is one these tests made.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { DATABASE_URL: '', REDIS_URL: '' } });
});
afterAll(async () => t?.close());

const db = () => t.platform.database.db;
const activeAdmins = async () =>
  (await db().select().from(users).where(eq(users.role, 'admin'))).filter(
    (u) => !u.suspendedAt && !u.anonymisedAt,
  );

describe('the last active admin', () => {
  it('runs on an academy with no other admin', async () => {
    expect(t.config.db.kind).toBe('pglite');
    expect(await activeAdmins()).toEqual([]);
  });

  it('survives two admins demoting each other at the same moment', async () => {
    const a = await buildUser(db(), { role: 'admin' });
    const b = await buildUser(db(), { role: 'admin' });
    const [ca, cb] = [await signInAs(t, a), await signInAs(t, b)];
    const results = await Promise.all([
      ca.patch(`/api/admin/users/${b.id}`, { role: 'student' }),
      cb.patch(`/api/admin/users/${a.id}`, { role: 'student' }),
    ]);
    const statuses = results.map((r) => r.statusCode).sort();
    expect(statuses[0]).toBe(200);
    // The loser is either refused by the rule or, if the winner finished first, no longer an admin.
    expect([404, 409]).toContain(statuses[1]);
    const refused = results.find((r) => r.statusCode === 409);
    if (refused) expect(refused.json().error.code).toBe('last_admin');
    expect((await activeAdmins()).map((u) => u.id)).toHaveLength(1);
  });

  it('survives two admins suspending and anonymising each other at the same moment', async () => {
    for (const u of await activeAdmins())
      await db().update(users).set({ role: 'student' }).where(eq(users.id, u.id));
    const a = await buildUser(db(), { role: 'admin' });
    const b = await buildUser(db(), { role: 'admin' });
    const [ca, cb] = [await signInAs(t, a), await signInAs(t, b)];
    const results = await Promise.all([
      ca.patch(`/api/admin/users/${b.id}`, { suspended: true }),
      cb.post(`/api/admin/users/${a.id}/anonymise`, { confirmEmail: a.email }),
    ]);
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(await activeAdmins()).toHaveLength(1);
  });
});
