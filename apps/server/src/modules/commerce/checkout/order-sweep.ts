import { and, eq, lt, notExists, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { manualPaymentProofs, orders, payments } from '../../../db/schema/index.ts';
import type { Clock } from '../../../platform/clock.ts';
import { ordersRepo } from './orders.repo.ts';

export const ORDER_SWEEP_QUEUE = 'checkout.sweep-pending';

/**
 * Cancel pending orders past `expires_at` (every 5 minutes): their open attempts are cancelled and
 * their coupon use given back. A manual order with a proof under review waits for the admin. A
 * payment that arrives later is still honoured (see payment-handlers.ts). Returns how many it cancelled.
 */
export async function sweepPendingOrders(d: { database: Database; clock: Clock }): Promise<number> {
  const now = d.clock.now();
  const due = await d.database.db
    .select({ id: orders.id })
    .from(orders)
    .where(
      and(
        eq(orders.status, 'pending'),
        lt(orders.expiresAt, now),
        notExists(
          d.database.db
            .select({ one: sql`1` })
            .from(manualPaymentProofs)
            .where(
              and(eq(manualPaymentProofs.orderId, orders.id), eq(manualPaymentProofs.status, 'pending')),
            ),
        ),
      ),
    )
    .limit(500);
  let cancelled = 0;
  for (const { id } of due) {
    const done = await d.database.db.transaction(async (tx) => {
      const order = await ordersRepo.lockById(tx, id);
      if (order?.status !== 'pending') return false;
      await ordersRepo.setOrder(tx, id, { status: 'cancelled', cancelledAt: now });
      await tx
        .update(payments)
        .set({ status: 'cancelled', updatedAt: now })
        .where(and(eq(payments.orderId, id), sql`${payments.status} in ('created', 'pending')`));
      if (order.couponId) await ordersRepo.releaseCoupon(tx, order.couponId, id);
      await ordersRepo.event(tx, id, {
        type: 'status_changed',
        fromStatus: 'pending',
        toStatus: 'cancelled',
        note: 'expired unpaid',
      });
      return true;
    });
    if (done) cancelled += 1;
  }
  return cancelled;
}
