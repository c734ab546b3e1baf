import { randomUUID } from 'node:crypto';
import type { CreateOrderBody } from '@9tangle/contracts';
import type { Tx } from '../../../db/client.ts';
import type { OrderItemRow, OrderRow, PaymentRow } from '../../../db/schema/index.ts';
import { AppError, conflict } from '../../../http/errors.ts';
import { isUniqueViolation } from '../../catalog/slug.ts';
import type { PricedCart } from './checkout-quote.ts';
import { newOrderNumber } from './order-number.ts';
import { ordersRepo } from './orders.repo.ts';

/** What opening the provider's page needs of an order, its lines and its attempt. */
export type OrderRef = Pick<OrderRow, 'id' | 'number' | 'contactEmail'>;
export type LineRef = Pick<OrderItemRow, 'title' | 'totalMinor' | 'quantity'>;
export type AttemptRef = Pick<
  PaymentRow,
  'id' | 'provider' | 'amountMinor' | 'currency' | 'status' | 'redirectUrl'
>;
export interface PlacedOrderRefs {
  order: OrderRef;
  items: LineRef[];
  payment: AttemptRef;
}

/**
 * Write the order the server priced, in the caller's transaction: the coupon's use reserved (one
 * conditional UPDATE under the coupon's row lock, the per-buyer limit checked again), the order with a
 * fresh number, its frozen lines, the first payment attempt, and its first event (one statement). No
 * amount comes from the body. A clash of the number (one in 8.5 × 10^11) raises `orders_number_key`:
 * `withFreshNumber` runs the caller's transaction again with another.
 */
export async function createOrderInTx(
  tx: Tx,
  o: {
    userId: string;
    body: CreateOrderBody;
    priced: PricedCart;
    keyHash: string;
    /** A fresh `ORD-…` number (see `withFreshNumber`). */
    number: string;
    paymentId: string;
    now: Date;
    ttlMs: number;
  },
): Promise<PlacedOrderRefs> {
  const { quote, facts, rate } = o.priced;
  const coupon = quote.coupon && facts ? facts.coupon : null;
  if (coupon) {
    const locked = await ordersRepo.lockCoupon(tx, coupon.id);
    if (
      locked?.maxPerUser != null &&
      (await ordersRepo.couponUsesBy(tx, coupon.id, o.userId)) >= locked.maxPerUser
    )
      throw new AppError('coupon_invalid', 409, 'You have already used this coupon', {
        problem: 'used_up_by_you',
      });
    if (!(await ordersRepo.reserveCoupon(tx, coupon.id)))
      throw conflict('coupon_used_up', 'This coupon has just been used up');
  }
  const a = o.body.shippingAddress;
  const values = {
    userId: o.userId,
    currency: quote.currency,
    subtotalMinor: quote.subtotalMinor,
    discountMinor: quote.discountMinor,
    shippingMinor: quote.shippingMinor,
    taxMinor: quote.taxMinor,
    taxInclusive: quote.taxInclusive,
    taxRateBasisPoints: quote.taxRateBasisPoints,
    totalMinor: quote.totalMinor,
    couponId: coupon?.id ?? null,
    couponCode: coupon?.code ?? null,
    contactName: o.body.contact.name,
    contactEmail: o.body.contact.email,
    contactPhone: o.body.contact.phone ?? null,
    country: o.body.country,
    shippingAddress:
      quote.requiresShipping && a
        ? {
            name: a.name,
            line1: a.line1,
            line2: a.line2 ?? null,
            city: a.city,
            region: a.region ?? null,
            postalCode: a.postalCode ?? null,
            country: a.country,
            phone: a.phone ?? null,
          }
        : null,
    shippingRateId: quote.requiresShipping ? (rate?.id ?? null) : null,
    shippingMethod: quote.requiresShipping ? (rate?.name ?? null) : null,
    provider: o.body.provider,
    expiresAt: new Date(o.now.getTime() + o.ttlMs),
    idempotencyKeyHash: o.keyHash,
  };
  const orderId = randomUUID();
  const number = o.number;
  const items = quote.lines.map((l) => ({
    id: randomUUID(),
    orderId,
    itemType: l.itemType,
    courseId: l.itemType === 'course' ? l.itemId : null,
    productId: l.itemType === 'product' ? l.itemId : null,
    requiresShipping: l.requiresShipping,
    title: l.title,
    unitPriceMinor: l.unitPriceMinor,
    quantity: l.quantity,
    discountMinor: l.discountMinor,
    taxMinor: l.taxMinor,
    totalMinor: l.totalMinor,
  }));
  const manual = o.body.provider === 'manual';
  const payment = {
    id: o.paymentId,
    orderId,
    provider: o.body.provider,
    amountMinor: quote.totalMinor,
    currency: quote.currency,
    ...(manual
      ? {
          providerRef: `manual_${o.paymentId}`,
          status: 'pending' as const,
          redirectUrl: `/checkout/manual/${number}`,
        }
      : { status: 'created' as const, redirectUrl: null }),
  };
  await ordersRepo.insertPlacedOrder(tx, {
    order: { ...values, id: orderId, number },
    items,
    redemption: coupon ? { couponId: coupon.id, orderId, userId: o.userId } : null,
    payment,
    event: { type: 'status_changed', toStatus: 'pending', actorId: o.userId },
  });
  return { order: { id: orderId, number, contactEmail: values.contactEmail }, items, payment };
}

/**
 * Run `place` (a transaction that writes an order under the number it is given) again with a newly
 * drawn number while the number drawn was taken, up to five times. Rarer than one in 10^11, so the
 * whole transaction is run again rather than each insert guarded.
 */
export async function withFreshNumber<T>(
  place: (number: string) => Promise<T>,
  draw: () => string = newOrderNumber,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await place(draw());
    } catch (err) {
      if (attempt >= 5 || !isUniqueViolation(err, 'orders_number_key')) throw err;
    }
  }
}
