import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '../../../../test/catalog.ts';
import { student } from '../../../../test/course-progress.ts';
import { createTestApp, type TestApp } from '../../../../test/harness.ts';
import { mailsTo } from '../../../../test/mail.ts';
import { paidCourse, paidOrderOf, refundsWithProviders } from '../../../../test/orders.ts';
import { orders, refunds } from '../../../db/schema/index.ts';
import type { CardProvider, RefundRequest } from '../../../platform/payments.ts';
import { ledger } from '../ledger/ledger.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());
const db = () => t.platform.database.db;
const orderRow = async (id: string) => (await db().select().from(orders).where(eq(orders.id, id)))[0];

/** A Stripe that answers refunds with `status` and remembers what it was asked. */
function fakeStripe(status: 'succeeded' | 'pending' | 'failed') {
  const calls: RefundRequest[] = [];
  const provider: CardProvider = {
    name: 'stripe',
    supportsCurrency: () => true,
    createCheckout: async () => ({ providerRef: 'cs_x', redirectUrl: 'http://stripe.test' }),
    parseWebhook: async () => [],
    lookup: async () => null,
    async refund(r) {
      calls.push(r);
      return {
        refundRef: `re_${r.refundId}`,
        status,
        ...(status === 'failed' ? { error: 'card expired' } : {}),
      };
    },
  };
  return { provider, calls };
}

async function stripeOrder(courses = 1) {
  const s = await student(t);
  const cs = [];
  for (let k = 0; k < courses; k++) cs.push(await paidCourse(t, 300_000));
  const bought = await paidOrderOf(t, s.user, cs, { provider: 'stripe' });
  return { ...s, courses: cs, ...bought };
}

const refundEvent = (o: { providerRef: string; refundRef: string; amountMinor: number }) => ({
  kind: 'refund_succeeded' as const,
  eventId: `evt_${randomUUID()}`,
  currency: 'PKR',
  ...o,
});

describe('card refunds and the refund webhooks', () => {
  it('asks the provider once per refund (idempotent on our id); a pending refund is applied by its webhook, once however often it comes', async () => {
    const stripe = fakeStripe('pending');
    const { refunds: service, pipeline } = refundsWithProviders(t, [stripe.provider]);
    const { user, client, courses, order, items, payment } = await stripeOrder();
    const { user: adminUser } = await signedIn(t, 'admin');
    const r = await service.create({ ...adminUser, impersonatorId: null } as never, order.number, {
      items: [{ orderItemId: items[0]?.id as string, quantity: 1 }],
      shipping: false,
      restock: false,
      reason: 'Changed their mind',
    });
    expect(r).toMatchObject({ status: 'pending', providerRef: `re_${r.id}` });
    expect(stripe.calls).toMatchObject([
      {
        refundId: r.id,
        providerRef: payment.providerRef,
        chargeRef: payment.providerChargeRef,
        amountMinor: 300_000,
      },
    ]);
    expect((await client.get(`/api/learning/lessons/${courses[0]?.lesson.id}`)).statusCode).toBe(200);
    const n = refundEvent({
      providerRef: payment.providerChargeRef as string,
      refundRef: `re_${r.id}`,
      amountMinor: 300_000,
    });
    expect(await pipeline.handle('stripe', [n, n])).toEqual(['refund_applied', 'duplicate']);
    expect(await pipeline.handle('stripe', [{ ...n, eventId: `evt_${randomUUID()}` }])).toEqual([
      'already_refunded',
    ]);
    expect(await orderRow(order.id)).toMatchObject({ status: 'refunded', refundedMinor: 300_000 });
    expect((await client.get(`/api/learning/lessons/${courses[0]?.lesson.id}`)).statusCode).not.toBe(200);
    expect((await mailsTo(t, user.email)).filter((m) => m.template === 'orderRefunded')).toHaveLength(1);
    expect(await ledger.unbalanced(db())).toEqual([]);
  });

  it('a webhook that arrives before the provider answers us settles our own refund, not a second one', async () => {
    let deliver: (n: ReturnType<typeof refundEvent>) => Promise<string[]> = async () => [];
    const early: CardProvider = {
      ...fakeStripe('pending').provider,
      async refund(r) {
        // The provider's webhook reaches us while its answer to our call is still on its way.
        const ref = `re_early_${r.refundId}`;
        await deliver(
          refundEvent({ providerRef: r.providerRef, refundRef: ref, amountMinor: r.amountMinor }),
        );
        return { refundRef: ref, status: 'pending' };
      },
    };
    const { refunds: service, pipeline } = refundsWithProviders(t, [early]);
    deliver = (n) => pipeline.handle('stripe', [n]);
    const { order, items } = await stripeOrder();
    const { user: adminUser } = await signedIn(t, 'admin');
    const r = await service.create(adminUser as never, order.number, {
      items: [{ orderItemId: items[0]?.id as string, quantity: 1 }],
      shipping: false,
      restock: false,
      reason: 'Quick provider',
    });
    expect(r).toMatchObject({ status: 'succeeded', providerRef: `re_early_${r.id}` });
    expect(await db().select().from(refunds).where(eq(refunds.orderId, order.id))).toHaveLength(1);
    expect(await orderRow(order.id)).toMatchObject({ status: 'refunded', refundedMinor: 300_000 });
    expect(await ledger.unbalanced(db())).toEqual([]);
  });

  it('records a refund the provider refused as failed, and the money stays refundable', async () => {
    const { refunds: service } = refundsWithProviders(t, [fakeStripe('failed').provider]);
    const { order, items } = await stripeOrder();
    const { user: adminUser } = await signedIn(t, 'admin');
    const body = {
      items: [{ orderItemId: items[0]?.id as string, quantity: 1 }],
      shipping: false,
      restock: false,
      reason: 'Try',
    };
    await expect(service.create(adminUser as never, order.number, body)).rejects.toMatchObject({
      code: 'refund_failed',
    });
    const rows = await db().select().from(refunds).where(eq(refunds.orderId, order.id));
    expect(rows.map((x) => x.status)).toEqual(['failed']);
    expect(await service.quote(order.number, body)).toMatchObject({ amountMinor: 300_000 });
  });

  it('applies a refund made in the provider’s dashboard: the whole order when the amount covers it', async () => {
    const { pipeline } = refundsWithProviders(t);
    const { client, courses, order, payment } = await stripeOrder(2);
    const n = refundEvent({
      providerRef: payment.providerRef as string,
      refundRef: 're_dash1',
      amountMinor: 600_000,
    });
    expect(await pipeline.handle('stripe', [n])).toEqual(['refund_applied']);
    expect(await orderRow(order.id)).toMatchObject({ status: 'refunded', refundedMinor: 600_000 });
    for (const c of courses)
      expect((await client.get(`/api/learning/lessons/${c.lesson.id}`)).statusCode).not.toBe(200);
    const tooMuch = refundEvent({
      providerRef: payment.providerRef as string,
      refundRef: 're_dash2',
      amountMinor: 1,
    });
    expect(await pipeline.handle('stripe', [tooMuch])).toEqual(['refund_exceeds_paid']);
    expect(await ledger.unbalanced(db())).toEqual([]);
  });

  it('a partial dashboard refund gives money back without taking access', async () => {
    const { pipeline } = refundsWithProviders(t);
    const { client, courses, order, payment } = await stripeOrder(2);
    const n = refundEvent({
      providerRef: payment.providerRef as string,
      refundRef: 're_part',
      amountMinor: 100_001,
    });
    expect(await pipeline.handle('stripe', [n])).toEqual(['refund_applied']);
    expect(await orderRow(order.id)).toMatchObject({ status: 'partially_refunded', refundedMinor: 100_001 });
    for (const c of courses)
      expect((await client.get(`/api/learning/lessons/${c.lesson.id}`)).statusCode).toBe(200);
    expect(await ledger.unbalanced(db())).toEqual([]);
  });
});

describe('disputes', () => {
  it('flags the order and mails the admins when opened; a lost dispute takes access away and reverses the sale', async () => {
    const { pipeline } = refundsWithProviders(t);
    const admin = await signedIn(t, 'admin');
    const { client, courses, order, payment } = await stripeOrder();
    const opened = {
      kind: 'dispute_opened' as const,
      eventId: `dp_${randomUUID()}`,
      providerRef: payment.providerChargeRef as string,
      status: 'needs_response',
    };
    expect(await pipeline.handle('stripe', [opened, opened])).toEqual(['dispute_opened', 'duplicate']);
    const listed = (await admin.client.get(`/api/admin/orders?disputed=true&q=${order.number}`)).json();
    expect(listed.items.map((o: { number: string }) => o.number)).toEqual([order.number]);
    expect((await admin.client.get(`/api/admin/orders/${order.number}`)).json().dispute).toMatchObject({
      status: 'needs_response',
    });
    expect((await mailsTo(t, admin.user.email)).map((m) => m.template)).toContain('orderDisputed');
    expect((await client.get(`/api/learning/lessons/${courses[0]?.lesson.id}`)).statusCode).toBe(200);

    const lost = {
      kind: 'dispute_closed' as const,
      eventId: `dp_${randomUUID()}`,
      providerRef: payment.providerChargeRef as string,
      status: 'lost',
    };
    expect(await pipeline.handle('stripe', [lost])).toEqual(['dispute_lost']);
    expect((await client.get(`/api/learning/lessons/${courses[0]?.lesson.id}`)).statusCode).not.toBe(200);
    expect(await ledger.unbalanced(db())).toEqual([]);
    const refund = await admin.client.post(`/api/admin/orders/${order.number}/refunds`, {
      shipping: true,
      reason: 'After the dispute',
    });
    expect(refund.json().error.code).toBe('refund_not_refundable');
  });
});
