import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakePaypal, startFakePaypal } from '../../../../../test/fake-paypal.ts';
import { paypalPendingOrder } from '../../../../../test/fake-paypal-orders.ts';
import { createTestApp, type TestApp } from '../../../../../test/harness.ts';
import { orders, paymentEvents, payments } from '../../../../db/schema/index.ts';
import { createPaypalProvider, type PaypalProvider } from './paypal-provider.ts';

let fake: FakePaypal;
let t: TestApp;
let provider: PaypalProvider;
beforeAll(async () => {
  fake = await startFakePaypal();
  t = await createTestApp({ env: fake.env });
  const p = createPaypalProvider(t.config, { clock: t.platform.clock });
  if (!p) throw new Error('PayPal not configured');
  provider = p;
});
afterAll(async () => {
  await t?.close();
  await fake?.close();
});

const post = (w: { payload: string; headers: Record<string, string> }) =>
  t.app.inject({ method: 'POST', url: '/api/webhooks/paypal', payload: w.payload, headers: w.headers });
const eventsOf = (orderId: string) =>
  t.platform.database.db.select().from(paymentEvents).where(eq(paymentEvents.orderId, orderId));
const eventById = (eventId: string) =>
  t.platform.database.db.select().from(paymentEvents).where(eq(paymentEvents.eventId, eventId));
const stateOf = async (orderId: string) => {
  const db = t.platform.database.db;
  const [order] = await db.select().from(orders).where(eq(orders.id, orderId));
  const [payment] = await db.select().from(payments).where(eq(payments.orderId, orderId));
  return { order: order?.status, payment: payment?.status, charge: payment?.providerChargeRef };
};

describe('POST /api/webhooks/paypal: verification', () => {
  it('answers 400 invalid_signature to a forged, tampered, unsigned or malformed event, and changes nothing', async () => {
    const o = await paypalPendingOrder(t, provider);
    const capture = fake.captureNow(o.paypalOrderId);
    const resource = fake.captureResource(capture);
    const before = await stateOf(o.order.id);
    const forged = fake.signedWebhook('PAYMENT.CAPTURE.COMPLETED', resource, { forged: true });
    const genuine = fake.signedWebhook('PAYMENT.CAPTURE.COMPLETED', resource);
    const tampered = { ...genuine, payload: genuine.payload.replace(capture.amount.value, '0.01') };
    const { 'paypal-transmission-sig': _sig, ...unsignedHeaders } = genuine.headers;
    const verifications = fake.stats.verifications;
    for (const w of [forged, tampered]) {
      const res = await post(w);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('invalid_signature');
    }
    expect(fake.stats.verifications - verifications).toBe(2);
    for (const w of [
      { payload: genuine.payload, headers: unsignedHeaders },
      { payload: '{not json', headers: genuine.headers },
      { payload: JSON.stringify({ hello: 'world' }), headers: genuine.headers },
    ]) {
      const res = await post(w);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('invalid_signature');
    }
    expect(fake.stats.verifications - verifications).toBe(2); // rejected before asking PayPal
    expect(await eventsOf(o.order.id)).toEqual([]);
    expect(await eventById(forged.id)).toEqual([]);
    expect(await stateOf(o.order.id)).toEqual(before);
  });
  it('takes the body as PayPal sent it, whatever the content type says', async () => {
    const w = fake.signedWebhook('BILLING.PLAN.CREATED', { id: 'P-1' });
    const res = await post({ ...w, headers: { ...w.headers, 'content-type': 'text/plain' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ received: true });
  });
});

describe('POST /api/webhooks/paypal: events into the pipeline', () => {
  it('records a genuine PAYMENT.CAPTURE.COMPLETED once for its order, however often it is delivered', async () => {
    const o = await paypalPendingOrder(t, provider);
    const capture = fake.captureNow(o.paypalOrderId);
    const w = fake.signedWebhook('PAYMENT.CAPTURE.COMPLETED', fake.captureResource(capture));
    const answers = await Promise.all(Array.from({ length: 5 }, () => post(w)));
    expect(answers.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200]);
    const recorded = await eventsOf(o.order.id);
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ provider: 'paypal', eventId: w.id, type: 'payment_succeeded' });
  });
  it('captures on CHECKOUT.ORDER.APPROVED, as the buyer’s return would (one capture, one event)', async () => {
    const o = await paypalPendingOrder(t, provider);
    fake.approve(o.paypalOrderId);
    const w = fake.signedWebhook('CHECKOUT.ORDER.APPROVED', fake.orderResource(o.paypalOrderId));
    const before = fake.stats.captures;
    expect((await post(w)).statusCode).toBe(200);
    const again = fake.signedWebhook('CHECKOUT.ORDER.APPROVED', fake.orderResource(o.paypalOrderId));
    expect((await post(again)).statusCode).toBe(200);
    expect(fake.stats.captures - before).toBe(1);
    const capture = fake.orders.get(o.paypalOrderId)?.capture;
    expect(capture?.status).toBe('COMPLETED');
    const recorded = await eventsOf(o.order.id);
    expect(recorded.map((e) => [e.eventId, e.type])).toEqual([
      [`capture:${capture?.id}`, 'payment_succeeded'],
    ]);
  });
  it('maps denied captures, refunds and disputes to the order, and records an unknown order as unknown_payment', async () => {
    const o = await paypalPendingOrder(t, provider);
    const capture = fake.captureNow(o.paypalOrderId);
    const denied = fake.signedWebhook('PAYMENT.CAPTURE.DENIED', {
      ...fake.captureResource(capture),
      status: 'DECLINED',
    });
    const refunded = fake.signedWebhook('PAYMENT.CAPTURE.REFUNDED', fake.refundNow(capture.id, '10.00'));
    const dispute = fake.signedWebhook('CUSTOMER.DISPUTE.CREATED', {
      dispute_id: 'PP-D-1',
      status: 'WAITING_FOR_SELLER_RESPONSE',
      disputed_transactions: [{ seller_transaction_id: capture.id }],
    });
    const stranger = fake.signedWebhook('PAYMENT.CAPTURE.COMPLETED', {
      id: 'CAPNOBODY',
      status: 'COMPLETED',
      amount: { currency_code: 'USD', value: '1.00' },
      supplementary_data: { related_ids: { order_id: 'NOSUCHORDER' } },
    });
    for (const w of [denied, refunded, dispute, stranger]) expect((await post(w)).statusCode).toBe(200);
    const types = (await eventsOf(o.order.id)).map((e) => [e.eventId, e.type]);
    expect(types).toEqual(
      expect.arrayContaining([
        [denied.id, 'payment_failed'],
        [refunded.id, 'refund_succeeded'],
        [dispute.id, 'dispute_opened'],
      ]),
    );
    // Refunds and disputes name the capture; they reach the order even before the capture is its charge.
    expect(types).toHaveLength(3);
    expect((await eventById(stranger.id))[0]).toMatchObject({ outcome: 'unknown_payment', orderId: null });
  });
  it('answers 200 and records nothing for an event type it does not handle', async () => {
    const w = fake.signedWebhook('PAYMENT.SALE.COMPLETED', { id: 'SALE-1' });
    expect((await post(w)).statusCode).toBe(200);
    expect(await eventById(w.id)).toEqual([]);
  });
});
