import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paymentEvents, payments } from '../../../../db/schema/index.ts';
import { createStripeTest, type StripeTest } from './stripe.test-support.ts';

describe('POST /api/webhooks/stripe', () => {
  let s: StripeTest;
  beforeAll(async () => {
    s = await createStripeTest({ env: { RATE_LIMIT_API_MAX: '3' } });
  });
  afterAll(() => s.close());

  const statusOf = async (paymentId: string) =>
    (await s.t.platform.database.db.select().from(payments).where(eq(payments.id, paymentId)))[0]?.status;
  const eventRow = async (eventId: string) =>
    (
      await s.t.platform.database.db.select().from(paymentEvents).where(eq(paymentEvents.eventId, eventId))
    )[0];

  it('refuses a forged, stale, wrongly keyed or unsigned delivery with 400 and changes nothing', async () => {
    const { payment, sessionId, order } = await s.pendingOrder();
    const event = s.fake.complete(sessionId);
    const good = s.fake.signed(event);
    const forged = {
      payload: good.payload.replace(/"amount_total":\d+/, '"amount_total":1'),
      headers: good.headers,
    };
    const stale = s.fake.signed(event, { timestamp: Math.floor(Date.now() / 1000) - 301 });
    const wrongKey = s.fake.signed(event, { secret: 'whsec_someone_else' });
    const unsigned = { payload: good.payload, headers: { 'content-type': 'application/json' } };
    for (const d of [forged, stale, wrongKey, unsigned]) {
      const res = await s.deliver(d);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('invalid_signature');
    }
    expect(await eventRow(event.id)).toBeUndefined();
    expect(await s.eventsOf(order.id)).toEqual([]);
    expect(await statusOf(payment.id)).toBe('pending');
  });

  it('refuses a correctly signed body that is not JSON with 400', async () => {
    const res = await s.deliver(s.fake.signed('{"id": "evt_1", "type": '));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_signature');
  });

  it('answers 200 to an event type it does not handle, and records nothing', async () => {
    const event = s.fake.event('customer.created', { id: 'cus_1', object: 'customer' });
    const res = await s.deliver(event);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ received: true });
    expect(await eventRow(event.id)).toBeUndefined();
  });

  it('hands a paid session to the pipeline once, however often Stripe redelivers it', async () => {
    const { order, sessionId } = await s.pendingOrder();
    const event = s.fake.complete(sessionId);
    for (let i = 0; i < 3; i++) expect((await s.deliver(event)).statusCode).toBe(200);
    const rows = await s.eventsOf(order.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ provider: 'stripe', eventId: event.id, type: 'payment_succeeded' });
    expect(rows[0]?.outcome).not.toBe('unknown_payment');
  });

  it('is not throttled by the per-IP API limit (Stripe sends bursts)', async () => {
    const { order, sessionId } = await s.pendingOrder();
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) codes.push((await s.deliver(s.fake.decline(sessionId))).statusCode);
    expect(codes).toEqual([200, 200, 200, 200, 200, 200]);
    // The same client on another API route is throttled after 3 (RATE_LIMIT_API_MAX above).
    const other: number[] = [];
    for (let i = 0; i < 4; i++)
      other.push((await s.t.app.inject({ method: 'GET', url: '/api/courses' })).statusCode);
    expect(other).toContain(429);
    expect(await s.eventsOf(order.id)).toHaveLength(6);
  });

  it('matches a declined card to its attempt through the payment intent’s session', async () => {
    const { order, sessionId } = await s.pendingOrder();
    const event = s.fake.decline(sessionId, {
      code: 'insufficient_funds',
      message: 'Your card has insufficient funds.',
    });
    expect((await s.deliver(event)).statusCode).toBe(200);
    const rows = await s.eventsOf(order.id);
    expect(rows.map((r) => [r.eventId, r.type])).toEqual([[event.id, 'payment_failed']]);
  });

  it('records each refund of a charge.refunded once, and disputes by the payment intent', async () => {
    const { order, sessionId, payment } = await s.pendingOrder();
    await s.deliver(s.fake.complete(sessionId));
    // What checkout's success handler does: remember the captured charge (refunds and disputes name it).
    const intent = s.fake.sessions.get(sessionId)?.payment_intent as string;
    await s.t.platform.database.db
      .update(payments)
      .set({ providerChargeRef: intent })
      .where(eq(payments.id, payment.id));
    const refunded = s.fake.refunded(sessionId, [50_000, 25_000]);
    expect((await s.deliver(refunded)).statusCode).toBe(200);
    expect((await s.deliver(refunded)).statusCode).toBe(200);
    await s.deliver(s.fake.dispute(sessionId, 'closed', 'won'));
    const types = (await s.eventsOf(order.id)).map((r) => r.type).sort();
    expect(types).toEqual(['dispute_closed', 'payment_succeeded', 'refund_succeeded', 'refund_succeeded']);
  });

  it('logs event ids, never the buyer’s address', async () => {
    const { order, sessionId } = await s.pendingOrder();
    const event = s.fake.complete(sessionId);
    await s.deliver(event);
    const lines = s.t.logs.join('\n');
    expect(lines).toContain(event.id);
    expect(lines).not.toContain(order.contactEmail);
  });
});
