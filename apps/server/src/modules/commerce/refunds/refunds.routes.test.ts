import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '../../../../test/catalog.ts';
import { student } from '../../../../test/course-progress.ts';
import { Client, createTestApp, type TestApp } from '../../../../test/harness.ts';
import { mailsTo } from '../../../../test/mail.ts';
import { buildPaidOrder, paidCourse, paidOrderOf } from '../../../../test/orders.ts';
import { ledgerEntries, orders, products } from '../../../db/schema/index.ts';
import { buildProduct } from '../../../seed/commerce-factories.ts';
import { ledger } from '../ledger/ledger.ts';

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp();
  admin = (await signedIn(t, 'admin')).client;
});
afterAll(async () => t?.close());

const db = () => t.platform.database.db;
const orderRow = async (id: string) => (await db().select().from(orders).where(eq(orders.id, id)))[0];
const refundUrl = (n: string) => `/api/admin/orders/${n}/refunds`;

describe('POST /api/admin/orders/:number/refunds', () => {
  it('returns 401 anonymous, 404 to a student and an instructor, 400 for a bad body, 404 for no such order', async () => {
    const s = await student(t);
    const c = await paidCourse(t);
    const { order, items } = await paidOrderOf(t, s.user, [c]);
    const body = { items: [{ orderItemId: items[0]?.id, quantity: 1 }], reason: 'Asked for it' };
    expect((await new Client(t.app).post(refundUrl(order.number), body)).statusCode).toBe(401);
    expect((await s.client.post(refundUrl(order.number), body)).statusCode).toBe(404);
    expect(
      (await (await signedIn(t, 'instructor')).client.post(refundUrl(order.number), body)).statusCode,
    ).toBe(404);
    expect((await admin.post(refundUrl(order.number), { ...body, reason: '' })).statusCode).toBe(400);
    expect((await admin.post(refundUrl(order.number), { ...body, amountMinor: 1 })).statusCode).toBe(400);
    expect((await admin.post(refundUrl('ORD-NOSUCH00'), body)).statusCode).toBe(404);
    const foreign = await admin.post(refundUrl(order.number), {
      ...body,
      items: [{ orderItemId: order.id, quantity: 1 }],
    });
    expect(foreign.json().error.code).toBe('validation_failed');
  });

  it('refunds a whole order: status refunded, access gone on the next lesson request, ledger balances, buyer mailed', async () => {
    const s = await student(t);
    const c = await paidCourse(t, 420_000);
    const { order, items } = await paidOrderOf(t, s.user, [c]);
    expect((await s.client.get(`/api/learning/lessons/${c.lesson.id}`)).statusCode).toBe(200);
    const quote = await admin.post(`${refundUrl(order.number)}/quote`, {
      items: [{ orderItemId: items[0]?.id, quantity: 1 }],
    });
    expect(quote.json()).toMatchObject({ amountMinor: 420_000, currency: 'PKR', shippingMinor: 0 });
    const res = await admin.post(refundUrl(order.number), {
      items: [{ orderItemId: items[0]?.id, quantity: 1 }],
      reason: 'Bought by mistake',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'succeeded', amountMinor: 420_000, provider: 'manual' });
    expect((await s.client.get(`/api/learning/lessons/${c.lesson.id}`)).statusCode).not.toBe(200);
    expect(await orderRow(order.id)).toMatchObject({ status: 'refunded', refundedMinor: 420_000 });
    expect(await ledger.unbalanced(db())).toEqual([]);
    const entries = await db().select().from(ledgerEntries).where(eq(ledgerEntries.orderId, order.id));
    const net = (account: string) =>
      entries.filter((e) => e.account === account).reduce((a, e) => a + e.amountMinor, 0);
    expect([net('payable:instructor'), net('revenue:academy'), net('cash:manual')]).toEqual([0, 0, 0]);
    expect((await mailsTo(t, s.user.email)).map((m) => m.template)).toContain('orderRefunded');
    const again = await admin.post(refundUrl(order.number), { items: [], shipping: true, reason: 'Again' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('refund_not_refundable');
  });

  it('refunds one of two courses: partially refunded, the other course still open, the instructor share reversed', async () => {
    const s = await student(t);
    const [a, b] = [await paidCourse(t, 300_000), await paidCourse(t, 200_000)];
    const { order, items } = await paidOrderOf(t, s.user, [a, b]);
    const lineA = items.find((i) => i.courseId === a.course.id);
    const res = await admin.post(refundUrl(order.number), {
      items: [{ orderItemId: lineA?.id, quantity: 1 }],
      reason: 'Wrong course',
    });
    expect(res.json()).toMatchObject({ status: 'succeeded', amountMinor: 300_000 });
    expect(await orderRow(order.id)).toMatchObject({ status: 'partially_refunded', refundedMinor: 300_000 });
    expect((await s.client.get(`/api/learning/lessons/${a.lesson.id}`)).statusCode).not.toBe(200);
    expect((await s.client.get(`/api/learning/lessons/${b.lesson.id}`)).statusCode).toBe(200);
    const detail = (await admin.get(`/api/admin/orders/${order.number}`)).json();
    expect(detail).toMatchObject({ status: 'partially_refunded', refundableMinor: 200_000 });
    expect(detail.events.map((e: { type: string }) => e.type)).toContain('refund');
    const payable = await db().select().from(ledgerEntries).where(eq(ledgerEntries.orderId, order.id));
    const owed = (userId: string) =>
      payable
        .filter((e) => e.account === 'payable:instructor' && e.userId === userId)
        .reduce((x, e) => x + e.amountMinor, 0);
    expect([owed(a.instructor.id), owed(b.instructor.id)]).toEqual([0, -140_000]);
    expect(await ledger.unbalanced(db())).toEqual([]);
  });

  it('never over-refunds: two concurrent refunds of the same line, one passes and the other is 409', async () => {
    const s = await student(t);
    const c = await paidCourse(t);
    const { order, items } = await paidOrderOf(t, s.user, [c]);
    const body = { items: [{ orderItemId: items[0]?.id, quantity: 1 }], reason: 'Double click' };
    const both = await Promise.all([
      admin.post(refundUrl(order.number), body),
      admin.post(refundUrl(order.number), body),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(both.find((r) => r.statusCode === 409)?.json().error.code).toMatch(
      /^refund_(exceeds_paid|not_refundable)$/,
    );
    expect(await orderRow(order.id)).toMatchObject({ refundedMinor: order.totalMinor });
  });

  it('refunds physical units one by one to exactly the line total, the shipping once, and restocks', async () => {
    const s = await student(t);
    const book = await buildProduct(db(), { type: 'physical', priceMinor: 1_000, stock: 5 });
    const { order, items } = await buildPaidOrder(db(), {
      userId: s.user.id,
      email: s.user.email,
      products: [{ product: book, quantity: 3 }],
      provider: 'manual',
      shippingMinor: 250,
      status: 'delivered',
    });
    // A line total that does not divide by its quantity: 1000 × 3 − 1 (a discount share).
    const line = items[0];
    if (!line) throw new Error('no line');
    await t.platform.database.raw.exec(`update order_items set total_minor = 2999 where id = '${line.id}'`);
    await t.platform.database.raw.exec(`update orders set total_minor = 3249 where id = '${order.id}'`);
    const one = { items: [{ orderItemId: line.id, quantity: 1 }], restock: true, reason: 'Damaged' };
    const amounts: number[] = [];
    for (let k = 0; k < 3; k++)
      amounts.push((await admin.post(refundUrl(order.number), one)).json().amountMinor);
    expect(amounts).toEqual([999, 999, 1001]);
    expect((await admin.post(refundUrl(order.number), one)).json().error.code).toBe('refund_exceeds_paid');
    const ship = await admin.post(refundUrl(order.number), { shipping: true, reason: 'Late' });
    expect(ship.json()).toMatchObject({ amountMinor: 250, shippingMinor: 250 });
    expect((await admin.post(refundUrl(order.number), { shipping: true, reason: 'Late' })).statusCode).toBe(
      409,
    );
    expect(await orderRow(order.id)).toMatchObject({ status: 'refunded', refundedMinor: 3249 });
    expect((await db().select().from(products).where(eq(products.id, book.id)))[0]?.stock).toBe(8);
    expect(await ledger.unbalanced(db())).toEqual([]);
  });
});
