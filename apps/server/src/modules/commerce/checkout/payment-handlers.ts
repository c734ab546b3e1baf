import { eq } from 'drizzle-orm';
import { payments } from '../../../db/schema/index.ts';
import type { PaymentPipeline } from '../payments/pipeline.ts';
import { type FulfilmentDeps, fulfilOrder } from './fulfilment.ts';
import { ordersRepo } from './orders.repo.ts';

/** Order statuses a succeeded payment turns into a sale: money arrived, so an expired order is honoured. */
const PAYABLE = new Set(['pending', 'failed', 'cancelled']);
const SETTLED: ReadonlySet<string> = new Set(['succeeded', 'refunded', 'partially_refunded']);

/**
 * The checkout's handlers on the one payment pipeline (ADR 026). Each acts on the order's current status
 * under the pipeline's lock, so duplicates and any order of arrival end in the same state, and the
 * fulfilment runs once.
 */
export function registerPaymentHandlers(pipeline: PaymentPipeline, d: FulfilmentDeps) {
  pipeline.on('payment_succeeded', async ({ tx, notification: n, payment, order, write, afterCommit }) => {
    const now = d.clock.now();
    if (n.amountMinor !== payment.amountMinor || n.currency.toUpperCase() !== payment.currency) {
      await ordersRepo.setPayment(tx, payment.id, {
        errorCode: 'amount_mismatch',
        errorMessage: `Provider reported ${n.amountMinor} ${n.currency}, expected ${payment.amountMinor} ${payment.currency}`,
      });
      await ordersRepo.event(tx, order.id, {
        type: 'payment_amount_mismatch',
        note: `Attempt ${payment.id}: ${n.amountMinor} ${n.currency} reported`,
      });
      return 'amount_mismatch';
    }
    // A refund that overtook the payment's own news has already moved the attempt past succeeded.
    const wasSucceeded = SETTLED.has(payment.status);
    // Sent with the fulfilment's writes (and the outcome) as one statement (ADR 042).
    if (!wasSucceeded)
      write(
        tx
          .update(payments)
          .set({
            status: 'succeeded',
            providerChargeRef: n.chargeRef ?? payment.providerChargeRef,
            succeededAt: now,
            errorCode: null,
            errorMessage: null,
            updatedAt: new Date(),
          })
          .where(eq(payments.id, payment.id)),
      );
    if (!PAYABLE.has(order.status)) {
      if (!wasSucceeded)
        await ordersRepo.event(tx, order.id, {
          type: 'duplicate_payment',
          note: `Attempt ${payment.id} (${payment.provider}) also succeeded after the order was paid: refund it`,
        });
      return 'already_paid';
    }
    if (order.status !== 'pending' && order.couponId) {
      // The expiry gave its coupon use back; take it again when one is left, else note the overdraw.
      const taken = await ordersRepo.reserveCoupon(tx, order.couponId);
      if (taken) await ordersRepo.redeem(tx, order.couponId, order.id, order.userId);
      else await ordersRepo.event(tx, order.id, { type: 'coupon_overdrawn', note: order.couponCode });
    }
    // pending → paid → fulfilled/processing: the fulfilment writes both steps (one update, one insert).
    await fulfilOrder(tx, d, order, payment, { write, afterCommit });
    return 'fulfilled';
  });

  pipeline.on('payment_failed', async ({ tx, notification: n, payment, order }) => {
    if (SETTLED.has(payment.status)) return 'ignored_after_paid';
    await ordersRepo.setPayment(tx, payment.id, {
      status: 'failed',
      errorCode: n.errorCode,
      errorMessage: n.errorMessage,
    });
    if (order.status !== 'pending') return 'ignored_after_paid';
    await ordersRepo.event(tx, order.id, { type: 'payment_failed', note: n.errorCode });
    return 'failed_recorded';
  });

  pipeline.on('payment_pending', async ({ tx, payment }) => {
    if (payment.status !== 'created' && payment.status !== 'pending') return 'ignored';
    await ordersRepo.setPayment(tx, payment.id, { status: 'pending' });
    return 'pending_recorded';
  });
}
