import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillCart, fulfilmentFigures, paidCourse, placeOrder } from '../../../../../test/checkout.ts';
import { student } from '../../../../../test/course-progress.ts';
import { type FakePaypal, startFakePaypal } from '../../../../../test/fake-paypal.ts';
import { createTestApp, type TestApp, uniqueEmail } from '../../../../../test/harness.ts';

/** PayPal end to end through the checkout: the order placed by the API, paid at the fake, fulfilled once. */
let fake: FakePaypal;
let t: TestApp;
beforeAll(async () => {
  fake = await startFakePaypal();
  t = await createTestApp({ env: fake.env });
});
afterAll(async () => {
  await t?.close();
  await fake?.close();
});

const one = async <T>(sql: string, params: unknown[]) =>
  (await t.platform.database.raw.query<T>(sql, params)).rows[0] as T;
const webhook = (w: { payload: string; headers: Record<string, string> }) =>
  t.app.inject({ method: 'POST', url: '/api/webhooks/paypal', payload: w.payload, headers: w.headers });
const back = (token: string) =>
  t.app.inject({ method: 'GET', url: `/api/payments/paypal/return?token=${token}&PayerID=PAYER1` });
const tokenOf = (redirectUrl: string) => new URL(redirectUrl).searchParams.get('token') as string;

/** A buyer with a USD course in the cart and a PayPal order placed through the checkout API. */
async function paypalOrder() {
  const s = await student(t);
  const email = uniqueEmail('paypal-buyer');
  const { course } = await paidCourse(t, { currency: 'USD', priceMinor: 4999 });
  await fillCart(t, s.user.id, [{ courseId: course.id }]);
  const res = await placeOrder(s.client, { provider: 'paypal', contact: { name: 'Pay Pal', email } });
  expect(res.statusCode, res.body).toBe(201);
  const placed = res.json() as { orderNumber: string; redirectUrl: string };
  const order = await one<{ id: string }>('select id from orders where number = $1', [placed.orderNumber]);
  const figures = () => fulfilmentFigures(t, order.id, s.user.id, email);
  const state = () =>
    one<{ order: string; payment: string; error_message: string | null; charge: string | null }>(
      `select o.status as order, p.status as payment, p.error_message, p.provider_charge_ref as charge
         from orders o join payments p on p.order_id = o.id where o.id = $1 order by p.created_at desc limit 1`,
      [order.id],
    );
  return {
    ...s,
    email,
    course,
    placed,
    orderId: order.id,
    token: tokenOf(placed.redirectUrl),
    figures,
    state,
  };
}

describe('PayPal through the checkout', () => {
  it('refuses PayPal for a PKR cart (the provider takes USD only)', async () => {
    const s = await student(t);
    const { course } = await paidCourse(t, { currency: 'PKR' });
    await fillCart(t, s.user.id, [{ courseId: course.id }]);
    const before = fake.stats.creates;
    const res = await placeOrder(s.client, { provider: 'paypal' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('provider_unavailable');
    expect(fake.stats.creates).toBe(before);
    const options = (await s.client.get('/api/checkout/options')).json();
    expect(options.providers).toEqual(expect.arrayContaining([{ name: 'paypal', available: false }]));
  });

  it('the same COMPLETED webhook delivered 20 times at once: one fulfilment, one enrollment, one receipt', async () => {
    const b = await paypalOrder();
    const capture = fake.captureNow(b.token);
    const w = fake.signedWebhook('PAYMENT.CAPTURE.COMPLETED', fake.captureResource(capture));
    const answers = await Promise.all(Array.from({ length: 20 }, () => webhook(w)));
    const figures = await b.figures();
    console.log('paypal 20× same webhook', { deliveries: answers.length, ...figures });
    expect(answers.every((r) => r.statusCode === 200)).toBe(true);
    expect(figures).toMatchObject({ enrollments: 1, receipts: 1, saleMovements: 1, fulfilled: 1 });
    expect(await b.state()).toEqual({
      order: 'fulfilled',
      payment: 'succeeded',
      error_message: null,
      charge: capture.id,
    });
  });

  it('the buyer’s return racing the APPROVED and COMPLETED webhooks and the status page: one capture, one fulfilment', async () => {
    const b = await paypalOrder();
    fake.approve(b.token);
    const captures = fake.stats.captures;
    const approved = fake.signedWebhook('CHECKOUT.ORDER.APPROVED', fake.orderResource(b.token));
    const first = await Promise.all([
      back(b.token),
      back(b.token),
      webhook(approved),
      b.client.get(`/api/orders/${b.placed.orderNumber}/status`),
    ]);
    const capture = fake.orders.get(b.token)?.capture;
    if (!capture) throw new Error('not captured');
    const completed = fake.signedWebhook('PAYMENT.CAPTURE.COMPLETED', fake.captureResource(capture));
    const second = await Promise.all([webhook(completed), back(b.token), webhook(completed)]);
    const figures = await b.figures();
    console.log('paypal return × webhooks race', {
      deliveries: first.length + second.length,
      captures: fake.stats.captures - captures,
      ...figures,
    });
    expect([...first, ...second].map((r) => r.statusCode)).toEqual([303, 303, 200, 200, 200, 303, 200]);
    expect(fake.stats.captures - captures).toBe(1);
    expect(figures).toMatchObject({ enrollments: 1, receipts: 1, saleMovements: 1, fulfilled: 1 });
    const status = (await b.client.get(`/api/orders/${b.placed.orderNumber}/status`)).json();
    expect(status).toMatchObject({ paid: true, payment: { provider: 'paypal', status: 'succeeded' } });
    expect(status.courses).toHaveLength(1);
  });

  it('out of order: a refund before its capture, a denial after it, end fulfilled once with the events on the order', async () => {
    const b = await paypalOrder();
    const capture = fake.captureNow(b.token);
    const refunded = fake.signedWebhook('PAYMENT.CAPTURE.REFUNDED', fake.refundNow(capture.id, '10.00'));
    const completed = fake.signedWebhook('PAYMENT.CAPTURE.COMPLETED', fake.captureResource(capture));
    const denied = fake.signedWebhook('PAYMENT.CAPTURE.DENIED', {
      ...fake.captureResource(capture),
      status: 'DECLINED',
    });
    for (const w of [refunded, denied, completed, denied, refunded, completed])
      expect((await webhook(w)).statusCode).toBe(200);
    const figures = await b.figures();
    console.log('paypal out of order', { deliveries: 6, ...figures });
    expect(figures).toMatchObject({ enrollments: 1, receipts: 1, saleMovements: 1, fulfilled: 1 });
    expect(await b.state()).toMatchObject({ order: 'fulfilled', payment: 'succeeded', charge: capture.id });
    const recorded = await t.platform.database.raw.query<{ event_id: string }>(
      'select event_id from payment_events where order_id = $1 order by event_id',
      [b.orderId],
    );
    expect(recorded.rows.map((r) => r.event_id).sort()).toEqual(
      [completed.id, denied.id, refunded.id].sort(),
    );
  });

  it('a lost webhook and a lost return: the status page’s lookup captures and fulfils', async () => {
    const b = await paypalOrder();
    const pending = (await b.client.get(`/api/orders/${b.placed.orderNumber}/status`)).json();
    expect(pending).toMatchObject({ paid: false, status: 'pending' });
    fake.approve(b.token); // the buyer approved on PayPal, then closed the tab; no webhook came
    const status = (await b.client.get(`/api/orders/${b.placed.orderNumber}/status`)).json();
    const figures = await b.figures();
    console.log('paypal lost webhook → lookup', { deliveries: 0, ...figures });
    expect(status).toMatchObject({ paid: true });
    expect(figures).toMatchObject({ enrollments: 1, receipts: 1, saleMovements: 1, fulfilled: 1 });
  });

  it('a declined capture fails the attempt with PayPal’s message; a retry with a new PayPal order pays', async () => {
    const b = await paypalOrder();
    fake.approve(b.token);
    fake.decline(b.token, 'denied');
    expect((await back(b.token)).headers.location).toBe(`/checkout/success?order=${b.placed.orderNumber}`);
    const failed = (await b.client.get(`/api/orders/${b.placed.orderNumber}/status`)).json();
    expect(failed).toMatchObject({
      paid: false,
      canRetry: true,
      payment: {
        provider: 'paypal',
        status: 'failed',
        errorCode: 'paypal_capture_declined',
        errorMessage: 'PayPal declined the payment (declined by risk fraud filters).',
      },
    });
    expect(await b.figures()).toMatchObject({ enrollments: 0, receipts: 0, fulfilled: 0 });
    const retry = await b.client.post(`/api/orders/${b.placed.orderNumber}/payments`, { provider: 'paypal' });
    expect(retry.statusCode, retry.body).toBe(201);
    const token = tokenOf(retry.json().redirectUrl);
    expect(token).not.toBe(b.token);
    fake.approve(token);
    expect((await back(token)).statusCode).toBe(303);
    const figures = await b.figures();
    console.log('paypal declined then retried', { deliveries: 2, ...figures });
    expect(figures).toMatchObject({ enrollments: 1, receipts: 1, saleMovements: 1, fulfilled: 1 });
    expect(await b.state()).toMatchObject({ order: 'fulfilled', payment: 'succeeded' });
  });
});
