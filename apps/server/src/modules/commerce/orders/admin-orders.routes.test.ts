import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, uniqueWord } from '../../../../test/catalog.ts';
import { student } from '../../../../test/course-progress.ts';
import { Client, createTestApp, type TestApp } from '../../../../test/harness.ts';
import { mailsTo } from '../../../../test/mail.ts';
import { buildPaidOrder, paidCourse, paidOrderOf } from '../../../../test/orders.ts';
import { couponRedemptions, coupons, orders } from '../../../db/schema/index.ts';
import { buildCoupon, buildPendingOrder, buildProduct } from '../../../seed/commerce-factories.ts';
import { buildUser } from '../../../seed/factories.ts';

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp();
  admin = (await signedIn(t, 'admin')).client;
});
afterAll(async () => t?.close());
const db = () => t.platform.database.db;

/** A buyer whose name holds a unique word, so a search finds exactly their orders. */
async function buyer() {
  const word = uniqueWord();
  const user = await buildUser(db(), { role: 'student', name: `Buyer ${word}` });
  return { user, word };
}
const at = (day: number) => new Date(Date.UTC(2026, 2, day, 10));

describe('GET /api/admin/orders', () => {
  it('returns 401 anonymous and 404 to a student and an instructor', async () => {
    expect((await new Client(t.app).get('/api/admin/orders')).statusCode).toBe(401);
    expect((await (await student(t)).client.get('/api/admin/orders')).statusCode).toBe(404);
    expect((await (await signedIn(t, 'instructor')).client.get('/api/admin/orders')).statusCode).toBe(404);
    expect((await admin.get('/api/admin/orders?status=lost')).statusCode).toBe(400);
    expect((await admin.get('/api/admin/orders?cursor=nonsense')).json().error.code).toBe('invalid_cursor');
  });

  it('searches by buyer name, email and order number, newest first, in keyset pages', async () => {
    const { user, word } = await buyer();
    const c = await paidCourse(t);
    const made = [];
    for (const day of [3, 5, 4, 1, 2])
      made.push((await paidOrderOf(t, user, [c], { paidAt: at(day) })).order);
    const byDate = [...made]
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
      .map((o) => o.number);
    const first = (await admin.get(`/api/admin/orders?q=${word}&limit=2`)).json();
    expect(first.items.map((o: { number: string }) => o.number)).toEqual(byDate.slice(0, 2));
    const second = (await admin.get(`/api/admin/orders?q=${word}&limit=2&cursor=${first.nextCursor}`)).json();
    const third = (await admin.get(`/api/admin/orders?q=${word}&limit=2&cursor=${second.nextCursor}`)).json();
    expect([...second.items, ...third.items].map((o: { number: string }) => o.number)).toEqual(
      byDate.slice(2),
    );
    expect(third.nextCursor).toBeNull();
    expect(first.items[0]).toMatchObject({ buyer: { email: user.email }, itemCount: 1, status: 'paid' });
    const byEmail = (
      await admin.get(`/api/admin/orders?q=${encodeURIComponent(user.email.toUpperCase())}`)
    ).json();
    expect(byEmail.items).toHaveLength(5);
    const one = made[2]?.number as string;
    expect(
      (await admin.get(`/api/admin/orders?q=${one.toLowerCase()}`))
        .json()
        .items.map((o: { number: string }) => o.number),
    ).toEqual([one]);
  });

  it('filters by status, provider, currency, date range and dispute', async () => {
    const { user, word } = await buyer();
    const c = await paidCourse(t);
    const paid = (await paidOrderOf(t, user, [c], { provider: 'stripe', paidAt: at(10) })).order;
    const older = (await paidOrderOf(t, user, [c], { provider: 'manual', paidAt: at(1) })).order;
    await db()
      .update(orders)
      .set({ disputedAt: at(12), disputeStatus: 'needs_response' })
      .where(eq(orders.id, older.id));
    const pending = (
      await buildPendingOrder(db(), { userId: user.id, courses: [c.course], provider: 'paypal' })
    ).order;
    const list = async (qs: string) =>
      (await admin.get(`/api/admin/orders?q=${word}&${qs}`))
        .json()
        .items.map((o: { number: string }) => o.number);
    expect(await list('status=pending')).toEqual([pending.number]);
    expect(await list('provider=stripe')).toEqual([paid.number]);
    expect(await list('currency=USD')).toEqual([]);
    expect(await list('from=2026-03-05&to=2026-03-10')).toEqual([paid.number]);
    expect(await list('to=2026-03-01')).toEqual([older.number]);
    expect(await list('disputed=true')).toEqual([older.number]);
  });
});

describe('POST /api/admin/orders/bulk-status', () => {
  it('applies the allowed transitions, reports the illegal ones, records the admin and mails the shipment', async () => {
    const { user } = await buyer();
    const book = await buildProduct(db(), { type: 'physical' });
    const c = await paidCourse(t);
    const physical = (
      await buildPaidOrder(db(), {
        userId: user.id,
        email: user.email,
        products: [{ product: book }],
        status: 'processing',
      })
    ).order;
    const digital = (await paidOrderOf(t, user, [c])).order;
    const body = {
      numbers: [physical.number, digital.number, 'ORD-NOSUCH00'],
      status: 'shipped',
      trackingNumber: 'TRK-123',
    };
    const res = await admin.post('/api/admin/orders/bulk-status', body);
    expect(res.statusCode).toBe(200);
    expect(res.json().results).toMatchObject([
      { number: physical.number, ok: true, status: 'shipped' },
      { number: digital.number, ok: false, error: { code: 'order_invalid_transition' } },
      { number: 'ORD-NOSUCH00', ok: false, error: { code: 'not_found' } },
    ]);
    const detail = (await admin.get(`/api/admin/orders/${physical.number}`)).json();
    expect(detail).toMatchObject({ status: 'shipped', trackingNumber: 'TRK-123' });
    expect(detail.events.at(-1)).toMatchObject({
      type: 'status_changed',
      fromStatus: 'processing',
      toStatus: 'shipped',
      actor: { name: expect.any(String) },
    });
    const shipped = (await mailsTo(t, user.email)).find((m) => m.template === 'orderShipped');
    expect(shipped?.text).toContain('TRK-123');
    const fulfil = await admin.post('/api/admin/orders/bulk-status', {
      numbers: [digital.number, physical.number],
      status: 'fulfilled',
    });
    expect(fulfil.json().results.map((r: { ok: boolean }) => r.ok)).toEqual([true, false]);
    expect(
      (
        await admin.post('/api/admin/orders/bulk-status', { numbers: [physical.number], status: 'delivered' })
      ).json().results[0].ok,
    ).toBe(true);
  });

  it('cancels a pending order and gives its coupon use back; a paid order cannot be cancelled', async () => {
    const { user } = await buyer();
    const c = await paidCourse(t);
    const coupon = await buildCoupon(db(), { redeemedCount: 1, maxRedemptions: 5 });
    const pending = (await buildPendingOrder(db(), { userId: user.id, courses: [c.course] })).order;
    await db()
      .insert(couponRedemptions)
      .values({ couponId: coupon.id, orderId: pending.id, userId: user.id });
    const paid = (await paidOrderOf(t, user, [c])).order;
    const res = await admin.post('/api/admin/orders/bulk-status', {
      numbers: [pending.number, paid.number],
      status: 'cancelled',
    });
    expect(res.json().results.map((r: { ok: boolean }) => r.ok)).toEqual([true, false]);
    expect((await db().select().from(coupons).where(eq(coupons.id, coupon.id)))[0]?.redeemedCount).toBe(0);
    const detail = (await admin.get(`/api/admin/orders/${pending.number}`)).json();
    expect(detail.status).toBe('cancelled');
    expect(detail.attempts[0]).toMatchObject({ status: 'cancelled' });
  });

  it('returns 404 to a student and 400 for an unknown status', async () => {
    expect(
      (
        await (
          await student(t)
        ).client.post('/api/admin/orders/bulk-status', { numbers: ['ORD-AAAA1111'], status: 'shipped' })
      ).statusCode,
    ).toBe(404);
    expect(
      (await admin.post('/api/admin/orders/bulk-status', { numbers: ['ORD-AAAA1111'], status: 'refunded' }))
        .statusCode,
    ).toBe(400);
  });
});

describe('GET /api/admin/orders/:number and POST …/notes', () => {
  it('shows the lines, every attempt, the timeline and the notes', async () => {
    const { user } = await buyer();
    const c = await paidCourse(t);
    const { order, payment } = await paidOrderOf(t, user, [c], { provider: 'stripe' });
    expect(
      (await (await student(t)).client.post(`/api/admin/orders/${order.number}/notes`, { text: 'x' }))
        .statusCode,
    ).toBe(404);
    expect((await admin.post(`/api/admin/orders/${order.number}/notes`, { text: ' ' })).statusCode).toBe(400);
    const note = await admin.post(`/api/admin/orders/${order.number}/notes`, { text: 'Called the buyer' });
    expect(note.statusCode).toBe(201);
    const d = (await admin.get(`/api/admin/orders/${order.number}`)).json();
    expect(d).toMatchObject({
      number: order.number,
      items: [{ courseId: c.course.id, quantity: 1 }],
      attempts: [
        { id: payment.id, provider: 'stripe', providerRef: payment.providerRef, status: 'succeeded' },
      ],
      notes: [{ type: 'note', note: 'Called the buyer' }],
      refundableMinor: order.totalMinor,
      dispute: null,
    });
    expect((await admin.get('/api/admin/orders/ORD-NOSUCH00')).statusCode).toBe(404);
    expect((await admin.get('/api/admin/orders/nope')).statusCode).toBe(400);
  });
});
