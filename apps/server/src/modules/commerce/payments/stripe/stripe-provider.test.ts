import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_STRIPE_SECRET, FAKE_WEBHOOK_SECRET } from '../../../../../test/fake-stripe.ts';
import { testEnv } from '../../../../../test/harness.ts';
import { loadConfig } from '../../../../config.ts';
import type { CheckoutRequest } from '../../../../platform/payments.ts';
import { createStripeTest, type StripeTest } from './stripe.test-support.ts';
import { createStripeProvider } from './stripe-provider.ts';

const request = (o: Partial<CheckoutRequest> = {}): CheckoutRequest => ({
  paymentId: crypto.randomUUID(),
  orderId: crypto.randomUUID(),
  orderNumber: 'ORD-TEST0001',
  amountMinor: 150_000,
  currency: 'PKR',
  customerEmail: 'buyer@example.test',
  lines: [{ title: 'Urdu calligraphy', unitAmountMinor: 150_000, quantity: 1 }],
  successUrl: 'http://localhost:3000/orders/ORD-TEST0001',
  cancelUrl: 'http://localhost:3000/checkout',
  ...o,
});

describe('the Stripe adapter, through the real SDK', () => {
  let s: StripeTest;
  beforeAll(async () => {
    s = await createStripeTest();
  });
  afterAll(() => s.close());
  const created = () =>
    s.fake.requests.filter((r) => r.method === 'POST' && r.path === '/v1/checkout/sessions');

  it('is absent when Stripe is not configured', () => {
    const config = loadConfig(testEnv());
    expect(createStripeProvider({ config, clock: { now: () => new Date() } })).toBeNull();
    expect(s.provider.name).toBe('stripe');
  });

  it('creates a payment-mode Checkout Session carrying the order, idempotent on the payment id', async () => {
    const r = request();
    const before = created().length;
    const first = await s.provider.createCheckout(r);
    const again = await s.provider.createCheckout(r);
    expect(again).toEqual(first);
    expect(first.providerRef).toMatch(/^cs_test_/);
    expect(first.redirectUrl).toContain(first.providerRef);
    const sent = created().slice(before);
    expect(sent.map((x) => x.idempotencyKey)).toEqual([r.paymentId, r.paymentId]);
    expect(s.fake.sessions.size).toBeGreaterThan(0);
    const form = sent[0]?.form as Record<string, unknown>;
    expect(form).toMatchObject({
      mode: 'payment',
      customer_email: r.customerEmail,
      client_reference_id: r.orderId,
      metadata: { orderId: r.orderId, paymentId: r.paymentId, orderNumber: r.orderNumber },
      payment_intent_data: { metadata: { orderId: r.orderId, paymentId: r.paymentId } },
      success_url: r.successUrl,
      cancel_url: r.cancelUrl,
      line_items: [
        {
          quantity: '1',
          price_data: { currency: 'pkr', unit_amount: '150000', product_data: { name: 'Urdu calligraphy' } },
        },
      ],
    });
    const expiresIn = Number(form.expires_at) - Date.now() / 1000;
    expect(expiresIn).toBeGreaterThan(30 * 60);
    expect(expiresIn).toBeLessThanOrEqual(24 * 3600);
  });

  it('sends one line of the order total when a discount, shipping or tax moved it off the lines', async () => {
    const r = request({
      amountMinor: 123_456,
      lines: [
        { title: 'A course', unitAmountMinor: 100_000, quantity: 1 },
        { title: 'A book', unitAmountMinor: 20_000, quantity: 2 },
      ],
    });
    const { providerRef } = await s.provider.createCheckout(r);
    expect(s.fake.sessions.get(providerRef)?.amount_total).toBe(123_456);
    expect(created().at(-1)?.form.line_items).toEqual([
      {
        quantity: '1',
        price_data: { currency: 'pkr', unit_amount: '123456', product_data: { name: 'Order ORD-TEST0001' } },
      },
    ]);
  });

  it('maps PKR and USD minor units 1:1 (both two-decimal at Stripe) and refuses currencies that are not', async () => {
    for (const [currency, amountMinor] of [
      ['PKR', 150_000],
      ['USD', 1_999],
    ] as const) {
      const r = request({
        currency,
        amountMinor,
        lines: [{ title: 'x', unitAmountMinor: amountMinor, quantity: 1 }],
      });
      const { providerRef } = await s.provider.createCheckout(r);
      expect(created().at(-1)?.form.line_items).toMatchObject([
        { price_data: { unit_amount: String(amountMinor) } },
      ]);
      const d = s.fake.signed(s.fake.complete(providerRef));
      const [ok] = await s.provider.parseWebhook(Buffer.from(d.payload), d.headers);
      expect(ok).toMatchObject({ kind: 'payment_succeeded', providerRef, amountMinor, currency });
    }
    expect(['PKR', 'USD', 'EUR'].map(s.provider.supportsCurrency)).toEqual([true, true, true]);
    expect(['KWD', 'HUF', 'pkr'].map(s.provider.supportsCurrency)).toEqual([false, false, false]);
  });

  it('looks a session up: open is null, paid succeeds with a stable event id, expired fails', async () => {
    const paid = await s.provider.createCheckout(request());
    expect(await s.provider.lookup(paid.providerRef)).toBeNull();
    s.fake.complete(paid.providerRef);
    const n = await s.provider.lookup(paid.providerRef);
    const intent = s.fake.sessions.get(paid.providerRef)?.payment_intent;
    expect(n).toEqual({
      kind: 'payment_succeeded',
      eventId: `lookup:${paid.providerRef}:paid`,
      providerRef: paid.providerRef,
      chargeRef: intent,
      amountMinor: 150_000,
      currency: 'PKR',
    });
    expect(await s.provider.lookup(paid.providerRef)).toEqual(n);
    const gone = await s.provider.createCheckout(request());
    s.fake.expire(gone.providerRef);
    expect(await s.provider.lookup(gone.providerRef)).toMatchObject({
      kind: 'payment_failed',
      eventId: `lookup:${gone.providerRef}:expired`,
      errorCode: 'expired',
    });
  });

  it('refunds a captured payment, idempotent on the refund id', async () => {
    const { providerRef } = await s.provider.createCheckout(request());
    s.fake.complete(providerRef);
    const chargeRef = s.fake.sessions.get(providerRef)?.payment_intent as string;
    const r = { refundId: crypto.randomUUID(), providerRef, chargeRef, amountMinor: 50_000, currency: 'PKR' };
    const first = await s.provider.refund(r);
    expect(first).toMatchObject({ status: 'succeeded', refundRef: expect.stringMatching(/^re_/) });
    expect(await s.provider.refund(r)).toEqual(first);
    const sent = s.fake.requests.filter((x) => x.path === '/v1/refunds' && x.method === 'POST').at(-1);
    expect(sent).toMatchObject({
      idempotencyKey: r.refundId,
      form: { payment_intent: chargeRef, amount: '50000' },
    });
    expect(
      await s.provider.refund({ ...r, refundId: crypto.randomUUID(), chargeRef: 'pi_unknown' }),
    ).toMatchObject({
      status: 'failed',
    });
  });

  it('turns Stripe being unreachable into payment_provider_error (502), not a crash', async () => {
    const env = testEnv({
      STRIPE_SECRET_KEY: FAKE_STRIPE_SECRET,
      STRIPE_WEBHOOK_SECRET: FAKE_WEBHOOK_SECRET,
      STRIPE_API_BASE: 'http://127.0.0.1:9',
    });
    const down = createStripeProvider({ config: loadConfig(env), clock: { now: () => new Date() } });
    await expect(down?.createCheckout(request())).rejects.toMatchObject({
      code: 'payment_provider_error',
      status: 502,
    });
  });
});
