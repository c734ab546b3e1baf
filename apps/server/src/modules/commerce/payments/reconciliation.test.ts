import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { payments } from '../../../db/schema/index.ts';
import { createStripeTest, type StripeTest } from './stripe/stripe.test-support.ts';

describe('reconcilePayments', () => {
  let s: StripeTest;
  beforeAll(async () => {
    s = await createStripeTest();
  });
  afterAll(() => s.close());

  const age = async (paymentId: string, minutes: number) => {
    await s.t.platform.database.db
      .update(payments)
      .set({ createdAt: new Date(Date.now() - minutes * 60_000) })
      .where(eq(payments.id, paymentId));
  };

  it('asks Stripe about stale open attempts and feeds the answers to the pipeline once', async () => {
    const paid = await s.pendingOrder();
    const expired = await s.pendingOrder();
    const open = await s.pendingOrder();
    const fresh = await s.pendingOrder();
    const ancient = await s.pendingOrder();
    for (const o of [paid, expired, open]) await age(o.payment.id, 15);
    await age(ancient.payment.id, 25 * 60);
    for (const o of [paid, fresh, ancient]) s.fake.complete(o.sessionId); // their webhooks never came
    s.fake.expire(expired.sessionId);
    const asked = () =>
      s.fake.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/v1/checkout/sessions/'));
    const before = asked().length;

    await s.t.app.reconcilePayments();
    const lookedUp = asked()
      .slice(before)
      .map((r) => r.path.split('/').at(-1));
    for (const o of [paid, expired, open]) expect(lookedUp).toContain(o.sessionId);
    for (const o of [fresh, ancient]) expect(lookedUp).not.toContain(o.sessionId);
    expect((await s.eventsOf(paid.order.id)).map((e) => [e.eventId, e.type])).toEqual([
      [`lookup:${paid.sessionId}:paid`, 'payment_succeeded'],
    ]);
    expect((await s.eventsOf(expired.order.id)).map((e) => [e.eventId, e.type])).toEqual([
      [`lookup:${expired.sessionId}:expired`, 'payment_failed'],
    ]);
    expect(await s.eventsOf(open.order.id)).toEqual([]);
    expect(await s.eventsOf(fresh.order.id)).toEqual([]);
    expect(await s.eventsOf(ancient.order.id)).toEqual([]);

    // Asking again changes nothing: the paid attempt is settled, the expired one's answer is a duplicate.
    await s.t.app.reconcilePayments();
    expect(await s.eventsOf(paid.order.id)).toHaveLength(1);
  });

  it('goes on past an attempt the provider cannot answer for', async () => {
    const broken = await s.pendingOrder();
    const paid = await s.pendingOrder();
    await s.t.platform.database.db
      .update(payments)
      .set({ providerRef: 'cs_test_not_at_stripe', createdAt: new Date(Date.now() - 20 * 60_000) })
      .where(eq(payments.id, broken.payment.id));
    await age(paid.payment.id, 15);
    s.fake.complete(paid.sessionId);
    await s.t.app.reconcilePayments();
    expect((await s.eventsOf(paid.order.id)).map((e) => e.type)).toEqual(['payment_succeeded']);
    expect(s.t.logs.join('\n')).toContain('payment reconciliation failed');
  });

  it('reaches an attempt behind more open ones than a batch holds (abandoned pages do not starve it)', async () => {
    const abandoned = await s.pendingOrder();
    // 150 attempts left open on the provider's page, all read before the paid one (lower ids).
    await s.t.platform.database.db.insert(payments).values(
      Array.from({ length: 150 }, (_, k) => ({
        id: `00000000-0000-4000-8000-${String(k).padStart(12, '0')}`,
        orderId: abandoned.order.id,
        provider: 'stripe' as const,
        amountMinor: abandoned.order.totalMinor,
        currency: abandoned.order.currency,
        status: 'pending' as const,
        providerRef: `cs_test_abandoned_${k}`,
        createdAt: new Date(Date.now() - 30 * 60_000),
      })),
    );
    const lost = await s.pendingOrder();
    await age(lost.payment.id, 15);
    s.fake.complete(lost.sessionId); // its webhook never came
    const r = await s.t.app.reconcilePayments();
    expect(r.checked).toBeGreaterThan(150);
    expect((await s.eventsOf(lost.order.id)).map((e) => e.type)).toEqual(['payment_succeeded']);
  });
});
