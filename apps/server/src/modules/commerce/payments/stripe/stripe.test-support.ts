import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import type Stripe from 'stripe';
import { publishedCourse } from '../../../../../test/catalog.ts';
import { type FakeStripe, startFakeStripe, stripeEnv } from '../../../../../test/fake-stripe.ts';
import { createTestApp, type TestApp } from '../../../../../test/harness.ts';
import { paymentEvents, payments } from '../../../../db/schema/index.ts';
import type { Clock } from '../../../../platform/clock.ts';
import type { CardProvider } from '../../../../platform/payments.ts';
import { buildPendingOrder } from '../../../../seed/commerce-factories.ts';
import { buildUser } from '../../../../seed/factories.ts';
import { createStripeProvider } from './stripe-provider.ts';

export interface StripeTest {
  t: TestApp;
  fake: FakeStripe;
  /** The same adapter the app built (from the same config), for driving checkouts in tests. */
  provider: CardProvider;
  /** POST a (signed) delivery to the webhook route. */
  deliver(
    d: Stripe.Event | { payload: string; headers: Record<string, string> },
  ): Promise<LightMyRequestResponse>;
  /** A pending Stripe order with its Checkout Session made through the adapter, as checkout would. */
  pendingOrder(o?: {
    priceMinor?: number;
    currency?: 'PKR' | 'USD';
  }): Promise<
    Awaited<ReturnType<typeof buildPendingOrder>> & { sessionId: string; userId: string; courseId: string }
  >;
  eventsOf(orderId: string): Promise<(typeof paymentEvents.$inferSelect)[]>;
  close(): Promise<void>;
}

export async function createStripeTest(
  o: { env?: Record<string, string>; clock?: Clock; ownDatabase?: boolean } = {},
): Promise<StripeTest> {
  const fake = await startFakeStripe();
  const t = await createTestApp({
    env: stripeEnv(fake, o.env),
    ...(o.clock ? { clock: o.clock } : {}),
    ...(o.ownDatabase ? { ownDatabase: true } : {}),
  });
  const provider = createStripeProvider({ config: t.config, clock: t.platform.clock }) as CardProvider;
  const db = t.platform.database.db;
  return {
    t,
    fake,
    provider,
    deliver(d) {
      const { payload, headers } = 'payload' in d ? d : fake.signed(d);
      return t.app.inject({ method: 'POST', url: '/api/webhooks/stripe', headers, payload });
    },
    async pendingOrder(p = {}) {
      const user = await buildUser(db, {});
      const instructor = await buildUser(db, { role: 'instructor' });
      const { course } = await publishedCourse(t, {
        instructorId: instructor.id,
        priceMinor: p.priceMinor ?? 150_000,
        currency: p.currency ?? 'PKR',
      });
      const built = await buildPendingOrder(db, {
        userId: user.id,
        email: user.email,
        provider: 'stripe',
        courses: [
          { id: course.id, title: course.title, priceMinor: course.priceMinor, currency: course.currency },
        ],
      });
      const { order, items, payment } = built;
      const session = await provider.createCheckout({
        paymentId: payment.id,
        orderId: order.id,
        orderNumber: order.number,
        amountMinor: order.totalMinor,
        currency: order.currency,
        customerEmail: order.contactEmail,
        lines: items.map((i) => ({
          title: i.title,
          unitAmountMinor: i.unitPriceMinor,
          quantity: i.quantity,
        })),
        successUrl: `http://localhost:3000/orders/${order.number}?paid=1`,
        cancelUrl: `http://localhost:3000/checkout`,
      });
      const [updated] = await db
        .update(payments)
        .set({ providerRef: session.providerRef, redirectUrl: session.redirectUrl })
        .where(eq(payments.id, payment.id))
        .returning();
      return {
        ...built,
        payment: updated ?? payment,
        sessionId: session.providerRef,
        userId: user.id,
        courseId: course.id,
      };
    },
    eventsOf: (orderId) => db.select().from(paymentEvents).where(eq(paymentEvents.orderId, orderId)),
    async close() {
      await t.close();
      await fake.close();
    },
  };
}
