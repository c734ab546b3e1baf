import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakePaypal, startFakePaypal } from '../../../../../test/fake-paypal.ts';
import { paypalPendingOrder } from '../../../../../test/fake-paypal-orders.ts';
import { createTestApp, type TestApp } from '../../../../../test/harness.ts';
import { paymentEvents } from '../../../../db/schema/index.ts';
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

const back = (token: string) =>
  t.app.inject({ method: 'GET', url: `/api/payments/paypal/return?token=${token}&PayerID=PAYER1` });
const eventsOf = (orderId: string) =>
  t.platform.database.db.select().from(paymentEvents).where(eq(paymentEvents.orderId, orderId));

describe('GET /api/payments/paypal/return', () => {
  it('captures the approved order once and sends the buyer to the order’s success page, however often they come back', async () => {
    const o = await paypalPendingOrder(t, provider);
    fake.approve(o.paypalOrderId);
    const before = fake.stats.captures;
    const answers = [
      await back(o.paypalOrderId),
      ...(await Promise.all([1, 2, 3].map(() => back(o.paypalOrderId)))),
    ];
    for (const res of answers) {
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`/checkout/success?order=${o.order.number}`);
    }
    expect(fake.stats.captures - before).toBe(1);
    const capture = fake.orders.get(o.paypalOrderId)?.capture;
    const recorded = await eventsOf(o.order.id);
    expect(recorded.map((e) => [e.eventId, e.type])).toEqual([
      [`capture:${capture?.id}`, 'payment_succeeded'],
    ]);
  });
  it('records a declined capture as payment_failed and still shows the order', async () => {
    const o = await paypalPendingOrder(t, provider);
    fake.approve(o.paypalOrderId);
    fake.decline(o.paypalOrderId, 'instrument');
    const res = await back(o.paypalOrderId);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/checkout/success?order=${o.order.number}`);
    expect((await eventsOf(o.order.id)).map((e) => e.type)).toEqual(['payment_failed']);
  });
  it('records nothing for an order the buyer has not approved', async () => {
    const o = await paypalPendingOrder(t, provider);
    const res = await back(o.paypalOrderId);
    expect(res.statusCode).toBe(303);
    expect(await eventsOf(o.order.id)).toEqual([]);
  });
  it('answers 404 for a PayPal order that is not ours and 400 for a malformed token', async () => {
    const res = await back('5O190127TN364715T');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
    const bad = await t.app.inject({ method: 'GET', url: '/api/payments/paypal/return?token=%3Cscript%3E' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation_failed');
    const none = await t.app.inject({ method: 'GET', url: '/api/payments/paypal/return' });
    expect(none.statusCode).toBe(400);
  });
  it('still sends the buyer to their order when PayPal cannot be reached (the webhook or reconciliation completes it)', async () => {
    const o = await paypalPendingOrder(t, provider);
    fake.approve(o.paypalOrderId);
    fake.control.outage = true;
    try {
      const res = await back(o.paypalOrderId);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`/checkout/success?order=${o.order.number}`);
    } finally {
      fake.control.outage = false;
    }
    expect(await eventsOf(o.order.id)).toEqual([]);
    expect(t.logs.join('')).toContain('PayPal return: capture deferred');
    expect(t.logs.join('')).not.toContain('fake-client-secret');
    // Once PayPal is back, the next look (a return, the webhook, the reconciliation job) captures.
    expect((await back(o.paypalOrderId)).statusCode).toBe(303);
    expect((await eventsOf(o.order.id)).map((e) => e.type)).toEqual(['payment_succeeded']);
  });
  it('is where PayPal’s page sends the buyer who pays; Cancel goes to the checkout’s cancel URL', async () => {
    const o = await paypalPendingOrder(t, provider);
    const page = await fetch(o.hosted.redirectUrl);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Pay 49.99 USD');
    const press = (action: string) =>
      fetch(`${fake.url}/checkoutnow/${action}?token=${o.paypalOrderId}`, {
        method: 'POST',
        redirect: 'manual',
      });
    expect((await press('cancel')).headers.get('location')).toBe(
      `http://localhost:3000/cart?token=${o.paypalOrderId}`,
    );
    const location = new URL((await press('approve')).headers.get('location') as string);
    expect(`${location.origin}${location.pathname}`).toBe('http://localhost:3000/api/payments/paypal/return');
    const res = await t.app.inject({ method: 'GET', url: `${location.pathname}${location.search}` });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/checkout/success?order=${o.order.number}`);
    expect((await eventsOf(o.order.id)).map((e) => e.type)).toEqual(['payment_succeeded']);
  });
});
