import type { CreateOrderBody } from '@9tangle/contracts';
import type { Tx } from '../../../db/client.ts';
import type { OrderRow } from '../../../db/schema/index.ts';
import { AppError, conflict } from '../../../http/errors.ts';
import { isUniqueViolation } from '../../catalog/slug.ts';
import type { PricedCart } from './checkout-quote.ts';
import { newOrderNumber } from './order-number.ts';
import { ordersRepo } from './orders.repo.ts';

/**
 * Write the order the server priced, in the caller's transaction: the coupon's use reserved (one
 * conditional UPDATE under the coupon's row lock, the per-buyer limit checked again), the order with a
 * fresh number, its frozen lines, the first payment attempt, and its first event. No amount comes from
 * the body.
 */
export async function createOrderInTx(
  tx: Tx,
  o: {
    userId: string;
    body: CreateOrderBody;
    priced: PricedCart;
    keyHash: string;
    paymentId: string;
    now: Date;
    ttlMs: number;
  },
): Promise<OrderRow> {
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
  const order = await insertWithNumber(tx, values);
  await ordersRepo.insertItems(
    tx,
    quote.lines.map((l) => ({
      orderId: order.id,
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
    })),
  );
  if (coupon) await ordersRepo.redeem(tx, coupon.id, order.id, o.userId);
  const manual = o.body.provider === 'manual';
  await ordersRepo.insertPayment(tx, {
    id: o.paymentId,
    orderId: order.id,
    provider: o.body.provider,
    amountMinor: quote.totalMinor,
    currency: quote.currency,
    ...(manual
      ? {
          providerRef: `manual_${o.paymentId}`,
          status: 'pending' as const,
          redirectUrl: `/checkout/manual/${order.number}`,
        }
      : { status: 'created' as const }),
  });
  await ordersRepo.event(tx, order.id, { type: 'status_changed', toStatus: 'pending', actorId: o.userId });
  return order;
}

/** Insert under a fresh `ORD-…` number, drawing again on the (rare) clash, in a savepoint. */
async function insertWithNumber(
  tx: Tx,
  values: Omit<Parameters<typeof ordersRepo.insertOrder>[1], 'number'>,
) {
  for (let i = 0; ; i++) {
    try {
      return await tx.transaction((sp) =>
        ordersRepo.insertOrder(sp, { ...values, number: newOrderNumber() }),
      );
    } catch (err) {
      if (i >= 4 || !isUniqueViolation(err, 'orders_number_key')) throw err;
    }
  }
}
