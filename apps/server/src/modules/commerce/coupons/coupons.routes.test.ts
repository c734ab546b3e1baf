import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '../../../../test/catalog.ts';
import { paidCourse } from '../../../../test/commerce-cart.ts';
import { Client, createTestApp, type TestApp } from '../../../../test/harness.ts';

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp();
  admin = (await signedIn(t, 'admin')).client;
});
afterAll(async () => t?.close());

const code = () => `C${randomUUID().slice(0, 8)}`;
const create = (body: Record<string, unknown>) => admin.post('/api/admin/coupons', body);

describe('/api/admin/coupons', () => {
  it('is for admins only: 401 anonymous, 404 to a student or instructor', async () => {
    expect((await new Client(t.app).get('/api/admin/coupons')).statusCode).toBe(401);
    for (const role of ['student', 'instructor'] as const) {
      const { client } = await signedIn(t, role);
      expect((await client.get('/api/admin/coupons')).statusCode).toBe(404);
      expect(
        (await client.post('/api/admin/coupons', { code: code(), kind: 'percent', percentOff: 5 }))
          .statusCode,
      ).toBe(404);
    }
  });

  it('creates a coupon with an upper-cased unique code and its targets', async () => {
    const c = await paidCourse(t);
    const lower = code().toLowerCase();
    const res = await create({
      code: lower,
      kind: 'fixed',
      amountOffMinor: 50_000,
      currency: 'PKR',
      minOrderMinor: 100_000,
      maxRedemptions: 10,
      maxPerUser: 1,
      startsAt: '2026-01-01T00:00:00Z',
      endsAt: '2027-01-01T00:00:00Z',
      targets: [{ targetType: 'course', targetId: c.id }],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      code: lower.toUpperCase(),
      kind: 'fixed',
      amountOffMinor: 50_000,
      redeemedCount: 0,
      active: true,
      targets: [{ targetType: 'course', targetId: c.id }],
    });
    const taken = await create({ code: lower.toUpperCase(), kind: 'percent', percentOff: 5 });
    expect([taken.statusCode, taken.json().error.code]).toEqual([409, 'coupon_code_taken']);
  });

  it('answers 400 with the field for invalid coupons', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ code: 'a', kind: 'percent', percentOff: 5 }, 'code'],
      [{ code: 'bad code!', kind: 'percent', percentOff: 5 }, 'code'],
      [{ code: code(), kind: 'percent' }, 'percentOff'],
      [{ code: code(), kind: 'percent', percentOff: 101 }, 'percentOff'],
      [{ code: code(), kind: 'fixed', amountOffMinor: 100 }, 'currency'],
      [{ code: code(), kind: 'fixed', currency: 'PKR' }, 'amountOffMinor'],
      [{ code: code(), kind: 'percent', percentOff: 5, minOrderMinor: 100 }, 'currency'],
      [{ code: code(), kind: 'percent', percentOff: 5, currency: 'EUR' }, 'currency'],
      [
        {
          code: code(),
          kind: 'percent',
          percentOff: 5,
          startsAt: '2026-02-01T00:00:00Z',
          endsAt: '2026-01-01T00:00:00Z',
        },
        'endsAt',
      ],
      [{ code: code(), kind: 'percent', percentOff: 5, redeemedCount: 0 }, ''],
      [
        {
          code: code(),
          kind: 'percent',
          percentOff: 5,
          targets: [{ targetType: 'course', targetId: randomUUID() }],
        },
        'targets',
      ],
    ];
    for (const [body, field] of cases) {
      const res = await create(body);
      expect([res.statusCode, res.json().error.code], JSON.stringify(body)).toEqual([
        400,
        'validation_failed',
      ]);
      if (field)
        expect(
          res.json().error.details.some((d: { path: string[] }) => d.path[0] === field),
          JSON.stringify(res.json().error.details),
        ).toBe(true);
    }
  });

  it('lists and searches, updates and deactivates', async () => {
    const word = code();
    const created = (
      await create({ code: word, kind: 'percent', percentOff: 15, description: 'Spring sale' })
    ).json();
    const found = (await admin.get(`/api/admin/coupons?q=${word.slice(2).toLowerCase()}`)).json();
    expect(found.items.map((c: { id: string }) => c.id)).toEqual([created.id]);
    expect(found.pageInfo).toMatchObject({ total: 1, page: 1 });
    const updated = await admin.request('PUT', `/api/admin/coupons/${created.id}`, {
      code: word,
      kind: 'percent',
      percentOff: 20,
    });
    expect([updated.statusCode, updated.json().percentOff, updated.json().description]).toEqual([
      200,
      20,
      null,
    ]);
    const off = await admin.post(`/api/admin/coupons/${created.id}/deactivate`);
    expect(off.json().active).toBe(false);
    const inactive = (await admin.get(`/api/admin/coupons?q=${word}&active=false`)).json();
    expect(inactive.items.map((c: { id: string }) => c.id)).toEqual([created.id]);
    expect((await admin.post(`/api/admin/coupons/${randomUUID()}/deactivate`)).statusCode).toBe(404);
    const missing = await admin.request('PUT', `/api/admin/coupons/${randomUUID()}`, {
      code: code(),
      kind: 'percent',
      percentOff: 5,
    });
    expect(missing.statusCode).toBe(404);
  });

  it('shows how many orders hold a coupon', async () => {
    const created = (
      await create({ code: code(), kind: 'percent', percentOff: 5, maxRedemptions: 5 })
    ).json();
    await t.platform.database.raw.query('update coupons set redeemed_count = 2 where id = $1', [created.id]);
    expect((await admin.get(`/api/admin/coupons/${created.id}`)).json().redeemedCount).toBe(2);
  });
});
