import { randomUUID } from 'node:crypto';
import type { CardProvider } from '../src/platform/payments.ts';
import { buildPendingOrder } from '../src/seed/commerce-factories.ts';
import { buildCourse, buildUser } from '../src/seed/factories.ts';
import type { TestApp } from './harness.ts';

/**
 * A pending order for a USD course paid through PayPal: the PayPal order created at the fake by the
 * app's own provider (so its id is the attempt's `provider_ref`), the order and attempt built in the DB.
 */
export async function paypalPendingOrder(
  t: TestApp,
  provider: CardProvider,
  o: { priceMinor?: number } = {},
) {
  const db = t.platform.database.db;
  const buyer = await buildUser(db);
  const teacher = await buildUser(db, { role: 'instructor' });
  const course = await buildCourse(db, {
    instructorId: teacher.id,
    status: 'published',
    priceMinor: o.priceMinor ?? 4999,
    currency: 'USD',
  });
  const paymentId = randomUUID();
  const hosted = await provider.createCheckout({
    paymentId,
    orderId: randomUUID(),
    orderNumber: `ORD-${paymentId.slice(0, 8).toUpperCase()}`,
    amountMinor: course.priceMinor,
    currency: 'USD',
    customerEmail: buyer.email,
    lines: [{ title: course.title, unitAmountMinor: course.priceMinor, quantity: 1 }],
    successUrl: `${t.config.http.publicUrl.origin}/checkout/success`,
    cancelUrl: `${t.config.http.publicUrl.origin}/cart`,
  });
  const built = await buildPendingOrder(db, {
    userId: buyer.id,
    email: buyer.email,
    courses: [{ id: course.id, title: course.title, priceMinor: course.priceMinor, currency: 'USD' }],
    provider: 'paypal',
    providerRef: hosted.providerRef,
  });
  return { ...built, buyer, course, paypalOrderId: hosted.providerRef, hosted };
}
