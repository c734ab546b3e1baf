import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { manualPaymentProofs, orders, payments } from '../../../db/schema/index.ts';

/** A buyer's payment attempts at every provider, and the proofs of their manual ones. */
export const paymentStatusRepo = {
  /** Scoped to the buyer in SQL: only attempts of their own orders. */
  async attemptsOf(x: Executor, userId: string) {
    return x
      .select({
        id: payments.id,
        orderId: payments.orderId,
        provider: payments.provider,
        status: payments.status,
        amountMinor: payments.amountMinor,
        currency: payments.currency,
        errorCode: payments.errorCode,
        errorMessage: payments.errorMessage,
        createdAt: payments.createdAt,
        updatedAt: payments.updatedAt,
        orderNumber: orders.number,
        orderStatus: orders.status,
      })
      .from(payments)
      .innerJoin(orders, eq(orders.id, payments.orderId))
      .where(eq(orders.userId, userId))
      .orderBy(desc(payments.createdAt), desc(payments.id))
      .limit(200);
  },
  async proofsOfOrders(x: Executor, orderIds: string[]) {
    if (orderIds.length === 0) return [];
    return x
      .select({
        orderId: manualPaymentProofs.orderId,
        status: manualPaymentProofs.status,
        method: manualPaymentProofs.method,
        rejectReason: manualPaymentProofs.rejectReason,
        rejectNote: manualPaymentProofs.rejectNote,
        reviewedAt: manualPaymentProofs.reviewedAt,
      })
      .from(manualPaymentProofs)
      .where(inArray(manualPaymentProofs.orderId, orderIds))
      .orderBy(asc(manualPaymentProofs.attemptNumber));
  },
};
