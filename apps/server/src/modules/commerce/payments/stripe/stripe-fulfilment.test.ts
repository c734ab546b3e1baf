import { eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillCart, fulfilmentFigures, paidCourse, placeOrder } from '../../../../../test/checkout.ts';
import { student } from '../../../../../test/course-progress.ts';
import { uniqueEmail } from '../../../../../test/harness.ts';
import { orders, payments } from '../../../../db/schema/index.ts';
import { createStripeTest, type StripeTest } from './stripe.test-support.ts';

let s: StripeTest;
beforeAll(async () => {
  s = await createStripeTest();
});
afterAll(() => s.close());

/** A buyer's order of one paid course placed through the checkout API with Stripe, as the browser does. */
async function stripeOrder() {
  const db = s.t.platform.database.db;
  const buyer = await student(s.t);
  const { course } = await paidCourse(s.t);
  await fillCart(s.t, buyer.user.id, [{ courseId: course.id }]);
  const email = uniqueEmail('buyer');
  const res = await placeOrder(buyer.client, {
    provider: 'stripe',
    contact: { name: 'Ayesha Buyer', email },
  });
  expect(res.statusCode, res.body).toBe(201);
  const placed = res.json() as { orderNumber: string; redirectUrl: string };
  const [order] = await db.select().from(orders).where(eq(orders.number, placed.orderNumber));
  if (!order) throw new Error('no order');
  const sessionId = placed.redirectUrl.split('/').pop() as string;
  expect(s.fake.sessions.get(sessionId)?.amount_total).toBe(order.totalMinor);
  const state = async () => {
    const [o] = await db.select().from(orders).where(eq(orders.id, order.id));
    const attempts = await db.select().from(payments).where(eq(payments.orderId, order.id));
    return {
      order: o?.status,
      payments: attempts.map((p) => p.status).sort(),
      ...(await fulfilmentFigures(s.t, order.id, buyer.user.id, email)),
    };
  };
  return { buyer, order, placed, sessionId, email, state };
}

/** A course-only order is `fulfilled` as soon as it is paid (nothing to ship). */
const paidOnce = {
  order: 'fulfilled',
  payments: ['succeeded'],
  enrollments: 1,
  receipts: 1,
  saleMovements: 1,
  fulfilled: 1,
};

describe('Stripe payments end to end (checkout API → fake Stripe → webhook → the one fulfilment)', () => {
  it('the same event delivered 20 times at once fulfils once', async () => {
    const b = await stripeOrder();
    const event = s.fake.complete(b.sessionId);
    const replies = await Promise.all(Array.from({ length: 20 }, () => s.deliver(event)));
    expect(replies.map((r) => r.statusCode)).toEqual(Array(20).fill(200));
    const state = await b.state();
    console.log('stripe: 20 concurrent deliveries of one event →', {
      deliveries: 20,
      fulfilments: state.fulfilled,
      enrollments: state.enrollments,
      receipts: state.receipts,
    });
    expect(state).toMatchObject(paidOnce);
    expect(await s.eventsOf(b.order.id)).toHaveLength(1);
  });

  it('any order of arrival (failures before, late failures and expiry after) ends in the same state', async () => {
    const orders: Record<string, (id: string) => Stripe.Event[]> = {
      'declined, then paid': (id) => [s.fake.decline(id), s.fake.complete(id)],
      'expired, then paid': (id) => [s.fake.expire(id), s.fake.complete(id)],
      'paid, then a late decline, expiry and async failure': (id) => [
        s.fake.complete(id),
        s.fake.decline(id),
        s.fake.expire(id),
        s.fake.asyncResult(id, false),
      ],
      'pending, paid later, then both redelivered': (id) => {
        const pending = s.fake.complete(id, { paymentStatus: 'unpaid' });
        const paid = s.fake.asyncResult(id, true);
        return [pending, paid, pending, paid];
      },
    };
    for (const [name, events] of Object.entries(orders)) {
      const b = await stripeOrder();
      for (const e of events(b.sessionId)) expect((await s.deliver(e)).statusCode).toBe(200);
      const state = await b.state();
      console.log(`stripe: ${name} →`, state);
      expect(state, name).toMatchObject(paidOnce);
    }
  });

  it('the buyer’s return (status lookup) racing the webhook fulfils once', async () => {
    const b = await stripeOrder();
    const event = s.fake.complete(b.sessionId);
    const url = `/api/orders/${b.placed.orderNumber}/status`;
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? s.deliver(event) : b.buyer.client.get(url))),
    );
    expect(replies.every((r) => r.statusCode === 200)).toBe(true);
    const state = await b.state();
    console.log('stripe: 10 status lookups racing 10 webhook deliveries →', state);
    expect(state).toMatchObject(paidOnce);
    const view = (await b.buyer.client.get(url)).json();
    expect(view).toMatchObject({ status: 'fulfilled', paid: true, courses: [expect.anything()] });
  });

  it('a webhook that never arrives: the reconciliation job fulfils the order, the late webhook changes nothing', async () => {
    const b = await stripeOrder();
    const event = s.fake.complete(b.sessionId);
    await s.t.platform.database.db
      .update(payments)
      .set({ createdAt: new Date(Date.now() - s.t.config.commerce.reconcileAfterMs - 60_000) })
      .where(eq(payments.orderId, b.order.id));
    await s.t.app.reconcilePayments();
    expect(await b.state()).toMatchObject(paidOnce);
    expect((await s.deliver(event)).statusCode).toBe(200);
    const state = await b.state();
    console.log('stripe: reconciled without a webhook, then the late webhook →', state);
    expect(state).toMatchObject(paidOnce);
  });

  it('declined, then paid with another card on the same page, webhook lost: reconciliation fulfils', async () => {
    const b = await stripeOrder();
    await s.deliver(s.fake.decline(b.sessionId));
    expect((await b.state()).payments).toEqual(['failed']);
    s.fake.complete(b.sessionId); // its checkout.session.completed never arrives
    await s.t.platform.database.db
      .update(payments)
      .set({ createdAt: new Date(Date.now() - s.t.config.commerce.reconcileAfterMs - 60_000) })
      .where(eq(payments.orderId, b.order.id));
    await s.t.app.reconcilePayments();
    expect(await b.state()).toMatchObject(paidOnce);
  });

  it('a session paid for another amount than the order’s is recorded, not fulfilled', async () => {
    const b = await stripeOrder();
    const event = s.fake.complete(b.sessionId);
    (event.data.object as { amount_total: number }).amount_total = b.order.totalMinor - 100;
    expect((await s.deliver(event)).statusCode).toBe(200);
    expect(await b.state()).toMatchObject({ order: 'pending', enrollments: 0, receipts: 0, fulfilled: 0 });
    expect((await s.eventsOf(b.order.id)).map((e) => e.outcome)).toEqual(['amount_mismatch']);
  });

  it('a dashboard refund delivered before the payment’s own event ends as when it came after', async () => {
    const final = async (order: (id: string) => Stripe.Event[]) => {
      const b = await stripeOrder();
      for (const e of order(b.sessionId)) expect((await s.deliver(e)).statusCode).toBe(200);
      const refunds = await s.t.platform.database.raw.query<{ status: string; amount_minor: number }>(
        'select status, amount_minor from refunds where order_id = $1',
        [b.order.id],
      );
      return { ...(await b.state()), refunds: refunds.rows };
    };
    const total = (id: string) => s.fake.sessions.get(id)?.amount_total as number;
    const inOrder = await final((id) => {
      const paid = s.fake.complete(id);
      return [paid, s.fake.refunded(id, [total(id)])];
    });
    const refundFirst = await final((id) => {
      const paid = s.fake.complete(id);
      return [s.fake.refunded(id, [total(id)]), paid];
    });
    console.log('stripe: paid then refunded →', inOrder, '; refunded first →', refundFirst);
    // The same final state, the attempt's status included (a late success leaves a refunded attempt be).
    expect(refundFirst).toEqual(inOrder);
    expect(inOrder.refunds).toEqual([{ status: 'succeeded', amount_minor: expect.any(Number) }]);
    expect(inOrder.order).toBe('refunded');
  });

  it('a declined card fails the attempt with the bank’s message; a retry with a new session succeeds', async () => {
    const b = await stripeOrder();
    const message = 'Your card has insufficient funds.';
    await s.deliver(s.fake.decline(b.sessionId, { code: 'insufficient_funds', message }));
    const url = `/api/orders/${b.placed.orderNumber}`;
    const failed = (await b.buyer.client.get(`${url}/status`)).json();
    expect(failed).toMatchObject({
      status: 'pending',
      paid: false,
      canRetry: true,
      payment: {
        provider: 'stripe',
        status: 'failed',
        errorCode: 'insufficient_funds',
        errorMessage: message,
      },
    });
    const retry = await b.buyer.client.post(`${url}/payments`, { provider: 'stripe' });
    expect(retry.statusCode, retry.body).toBe(201);
    const second = (retry.json() as { redirectUrl: string }).redirectUrl.split('/').pop() as string;
    expect(second).not.toBe(b.sessionId);
    expect((await s.deliver(s.fake.complete(second))).statusCode).toBe(200);
    const state = await b.state();
    console.log('stripe: declined, retried →', state);
    expect(state).toMatchObject({ ...paidOnce, payments: ['failed', 'succeeded'] });
  });
});
