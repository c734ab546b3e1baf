import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakePaypal, startFakePaypal } from '../../../../../test/fake-paypal.ts';
import { paypalPendingOrder } from '../../../../../test/fake-paypal-orders.ts';
import { createTestApp, type TestApp } from '../../../../../test/harness.ts';
import { loadConfig } from '../../../../config.ts';
import { manualClock } from '../../../../platform/clock.ts';
import type { CheckoutRequest } from '../../../../platform/payments.ts';
import { fromPaypalValue, toPaypalValue } from './paypal.types.ts';
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

const request = (o: Partial<CheckoutRequest> = {}): CheckoutRequest => ({
  paymentId: randomUUID(),
  orderId: randomUUID(),
  orderNumber: 'ORD-TEST0001',
  amountMinor: 1999,
  currency: 'USD',
  customerEmail: 'buyer@example.test',
  lines: [{ title: 'A course', unitAmountMinor: 1999, quantity: 1 }],
  successUrl: 'http://localhost:3000/checkout/success',
  cancelUrl: 'http://localhost:3000/cart',
  ...o,
});

describe('PayPal provider: configuration and currencies', () => {
  it('is absent without PayPal keys, present with them', () => {
    const bare = loadConfig({ NODE_ENV: 'test', SESSION_SECRET: 'x'.repeat(64), DATA_DIR: '/tmp' });
    expect(createPaypalProvider(bare, { clock: manualClock() })).toBeNull();
    expect(provider.name).toBe('paypal');
  });
  it('takes USD and refuses PKR, without calling PayPal for a PKR checkout', async () => {
    expect(provider.supportsCurrency('USD')).toBe(true);
    expect(provider.supportsCurrency('PKR')).toBe(false);
    const before = fake.stats.creates;
    await expect(
      provider.createCheckout(request({ currency: 'PKR', amountMinor: 500000 })),
    ).rejects.toMatchObject({
      code: 'paypal_currency_unsupported',
      status: 400,
    });
    expect(fake.stats.creates).toBe(before);
  });
  it('writes minor units as two-decimal strings and reads them back', () => {
    expect([toPaypalValue(1999), toPaypalValue(5), toPaypalValue(100000)]).toEqual([
      '19.99',
      '0.05',
      '1000.00',
    ]);
    expect([fromPaypalValue('19.99'), fromPaypalValue('19.9'), fromPaypalValue('7')]).toEqual([
      1999, 1990, 700,
    ]);
    expect(fromPaypalValue('1e3')).toBeNaN();
  });
});

describe('PayPal provider: createCheckout', () => {
  it('creates one CAPTURE order for the attempt, with our ids and return URL, and sends the buyer to approve it', async () => {
    const r = request();
    const hosted = await provider.createCheckout(r);
    const order = fake.orders.get(hosted.providerRef);
    expect(order?.body).toMatchObject({
      intent: 'CAPTURE',
      purchase_units: [
        {
          custom_id: r.paymentId,
          invoice_id: r.orderNumber,
          amount: { currency_code: 'USD', value: '19.99' },
        },
      ],
      payment_source: {
        paypal: {
          experience_context: {
            return_url: 'http://localhost:3000/api/payments/paypal/return',
            cancel_url: 'http://localhost:3000/cart',
          },
        },
      },
    });
    expect(hosted.redirectUrl).toBe(`${fake.url}/checkoutnow?token=${hosted.providerRef}`);
    const create = fake.calls.filter((c) => c.path === '/v2/checkout/orders');
    expect(create.at(-1)?.requestId).toBe(r.paymentId);
  });
  it('is idempotent on the payment id: the same attempt twice is one PayPal order', async () => {
    const r = request();
    const before = fake.stats.creates;
    const [a, b] = [await provider.createCheckout(r), await provider.createCheckout(r)];
    expect(b.providerRef).toBe(a.providerRef);
    expect(fake.stats.creates - before).toBe(1);
    const other = await provider.createCheckout(request());
    expect(other.providerRef).not.toBe(a.providerRef);
  });
  it('asks for an access token once and reuses it until it expires', async () => {
    for (let i = 0; i < 3; i++) await provider.createCheckout(request());
    expect(fake.stats.tokens).toBe(1);
    expect(JSON.stringify(fake.calls)).not.toContain('fake-client-secret');
  });
});

describe('PayPal provider: lookup and capture', () => {
  it('is null until approved, then captures once and answers the same succeeded notification every time', async () => {
    const { paypalOrderId } = await paypalPendingOrder(t, provider, { priceMinor: 2500 });
    expect(await provider.lookup(paypalOrderId)).toBeNull();
    fake.approve(paypalOrderId);
    const before = fake.stats.captures;
    const first = await provider.lookup(paypalOrderId);
    const again = await provider.lookup(paypalOrderId);
    const capture = fake.orders.get(paypalOrderId)?.capture;
    expect(first).toEqual({
      kind: 'payment_succeeded',
      eventId: `capture:${capture?.id}`,
      providerRef: paypalOrderId,
      chargeRef: capture?.id,
      amountMinor: 2500,
      currency: 'USD',
    });
    expect(again).toEqual(first);
    expect(fake.stats.captures - before).toBe(1);
    const captureCalls = fake.calls.filter((c) => c.path.endsWith(`${paypalOrderId}/capture`));
    expect(captureCalls.every((c) => c.requestId?.endsWith('-capture'))).toBe(true);
  });
  it('concurrent lookups of an approved order capture it once', async () => {
    const { paypalOrderId } = await paypalPendingOrder(t, provider);
    fake.approve(paypalOrderId);
    const before = fake.stats.captures;
    const all = await Promise.all(Array.from({ length: 5 }, () => provider.lookup(paypalOrderId)));
    expect(new Set(all.map((n) => n?.eventId)).size).toBe(1);
    expect(all[0]?.kind).toBe('payment_succeeded');
    expect(fake.stats.captures - before).toBe(1);
  });
  it('turns a declined instrument, a denied capture and a voided order into payment_failed', async () => {
    const a = await paypalPendingOrder(t, provider);
    fake.approve(a.paypalOrderId);
    fake.decline(a.paypalOrderId, 'instrument');
    expect(await provider.lookup(a.paypalOrderId)).toMatchObject({
      kind: 'payment_failed',
      providerRef: a.paypalOrderId,
      errorCode: 'paypal_instrument_declined',
    });
    const b = await paypalPendingOrder(t, provider);
    fake.approve(b.paypalOrderId);
    fake.decline(b.paypalOrderId, 'denied');
    expect(await provider.lookup(b.paypalOrderId)).toMatchObject({
      kind: 'payment_failed',
      errorCode: 'paypal_capture_declined',
      errorMessage: 'PayPal declined the payment (declined by risk fraud filters).',
    });
    const c = await paypalPendingOrder(t, provider);
    fake.void(c.paypalOrderId);
    expect(await provider.lookup(c.paypalOrderId)).toMatchObject({
      kind: 'payment_failed',
      eventId: `voided:${c.paypalOrderId}`,
      errorCode: 'paypal_order_voided',
    });
  });
});

describe('PayPal provider: refund', () => {
  it('refunds the capture once per refund id, and reports what PayPal refuses', async () => {
    const { paypalOrderId } = await paypalPendingOrder(t, provider, { priceMinor: 3000 });
    fake.approve(paypalOrderId);
    const paid = await provider.lookup(paypalOrderId);
    const chargeRef = paid?.kind === 'payment_succeeded' ? paid.chargeRef : null;
    const r = {
      refundId: randomUUID(),
      providerRef: paypalOrderId,
      chargeRef,
      amountMinor: 1000,
      currency: 'USD',
    };
    const first = await provider.refund(r);
    const again = await provider.refund(r);
    expect(first).toMatchObject({ status: 'succeeded' });
    expect(again.refundRef).toBe(first.refundRef);
    expect(fake.captures.get(chargeRef as string)?.refunded).toBe(1000);
    // Without the charge, the capture is found from the order.
    expect(await provider.refund({ ...r, refundId: randomUUID(), chargeRef: null })).toMatchObject({
      status: 'succeeded',
    });
    const tooMuch = await provider.refund({ ...r, refundId: randomUUID(), amountMinor: 5000 });
    expect(tooMuch).toMatchObject({ status: 'failed', error: 'The refund amount exceeds the capture.' });
    expect(fake.captures.get(chargeRef as string)?.refunded).toBe(2000);
  });
});
