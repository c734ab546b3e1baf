import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../../test/harness.ts';
import { signInAs } from '../../../../test/sign-in.ts';
import type { UserRow } from '../../../db/schema/index.ts';
import { buildUser } from '../../../seed/factories.ts';
import { redactForAudit } from './audit-trail.ts';

let t: TestApp;
let adminRow: UserRow;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp();
  adminRow = await buildUser(t.platform.database.db, { role: 'admin' });
  admin = await signInAs(t, adminRow);
});
afterAll(async () => t?.close());

const entriesFor = async (targetId: string) =>
  (await admin.get(`/api/admin/audit?targetId=${targetId}`)).json().items as Record<string, unknown>[];

describe('the audit trail', () => {
  it('records a successful admin write: who, what, target, body, IP, request id', async () => {
    const target = await buildUser(t.platform.database.db);
    const res = await admin.patch(`/api/admin/users/${target.id}`, { role: 'instructor' });
    expect(res.statusCode).toBe(200);
    const [entry, ...more] = await entriesFor(target.id);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({
      actorId: adminRow.id,
      actorEmail: adminRow.email,
      impersonatorId: null,
      targetType: 'user',
      targetId: target.id,
      after: { role: 'instructor' },
      ip: '127.0.0.1',
      requestId: res.headers['x-request-id'],
      statusCode: 200,
    });
    expect(entry?.action).toMatch(/^(PATCH \/api\/admin\/users\/:id|user\.[a-z_]+)$/);
  });

  it('records nothing for reads and for refused writes', async () => {
    const target = await buildUser(t.platform.database.db);
    await admin.get(`/api/admin/auth-events?userId=${target.id}`);
    const refused = await admin.patch(`/api/admin/users/${target.id}`, { role: 'god' });
    expect(refused.statusCode).toBe(400);
    expect(await entriesFor(target.id)).toEqual([]);
  });

  it('finds entries by words of the action, target or actor, newest first', async () => {
    const a = await buildUser(t.platform.database.db);
    const b = await buildUser(t.platform.database.db);
    await admin.patch(`/api/admin/users/${a.id}`, { suspended: true });
    await admin.patch(`/api/admin/users/${b.id}`, { suspended: true });
    const res = await admin.get(`/api/admin/audit?q=${encodeURIComponent(adminRow.email)}&limit=100`);
    const ids = (res.json().items as { targetId: string }[]).map((e) => e.targetId);
    expect(ids.indexOf(b.id)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(b.id)).toBeLessThan(ids.indexOf(a.id));
    expect((await admin.get('/api/admin/audit?from=not-a-date')).statusCode).toBe(400);
  });
});

describe('redactForAudit', () => {
  it('blanks secrets at any depth and keeps the rest', () => {
    expect(
      redactForAudit({ name: 'A', password: 'p', nested: [{ token: 't', code: '123456', note: 'n' }] }),
    ).toEqual({
      name: 'A',
      password: '[redacted]',
      nested: [{ token: '[redacted]', code: '[redacted]', note: 'n' }],
    });
  });
});
