import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import {
  downloadGrants,
  ledgerEntries,
  type OrderRow,
  orderEvents,
  orderItems,
  orders,
  payments,
  products,
  type RefundRow,
  refunds,
  users,
} from '../../../db/schema/index.ts';

/** Queries of refunds and of what applying one changes (executor first, as every repo). */
export const refundsRepo = {
  async lockOrderByNumber(x: Executor, number: string): Promise<OrderRow | undefined> {
    const [row] = await x.select().from(orders).where(eq(orders.number, number)).for('update');
    return row;
  },
  async lockOrder(x: Executor, id: string): Promise<OrderRow | undefined> {
    const [row] = await x.select().from(orders).where(eq(orders.id, id)).for('update');
    return row;
  },
  items: (x: Executor, orderId: string) =>
    x.select().from(orderItems).where(eq(orderItems.orderId, orderId)).orderBy(orderItems.id),
  /** Refunds that hold money: succeeded, or pending at the provider. */
  held: (x: Executor, orderId: string) =>
    x
      .select()
      .from(refunds)
      .where(and(eq(refunds.orderId, orderId), inArray(refunds.status, ['pending', 'succeeded']))),
  listForOrder: (x: Executor, orderId: string) =>
    x.select().from(refunds).where(eq(refunds.orderId, orderId)).orderBy(desc(refunds.createdAt)),
  /** The attempt that took the money (the latest succeeded one). */
  async paidAttempt(x: Executor, orderId: string) {
    const [row] = await x
      .select()
      .from(payments)
      .where(
        and(eq(payments.orderId, orderId), inArray(payments.status, ['succeeded', 'partially_refunded'])),
      )
      .orderBy(desc(payments.createdAt))
      .limit(1);
    return row;
  },
  async insert(x: Executor, v: typeof refunds.$inferInsert): Promise<RefundRow> {
    const [row] = await x.insert(refunds).values(v).returning();
    if (!row) throw new Error('refund insert returned nothing');
    return row;
  },
  async find(x: Executor, id: string): Promise<RefundRow | undefined> {
    const [row] = await x.select().from(refunds).where(eq(refunds.id, id));
    return row;
  },
  async lock(x: Executor, id: string): Promise<RefundRow | undefined> {
    const [row] = await x.select().from(refunds).where(eq(refunds.id, id)).for('update');
    return row;
  },
  async lockByRef(x: Executor, provider: RefundRow['provider'], ref: string): Promise<RefundRow | undefined> {
    const [row] = await x
      .select()
      .from(refunds)
      .where(and(eq(refunds.provider, provider), eq(refunds.providerRef, ref)))
      .for('update');
    return row;
  },
  /** The oldest pending refund of this amount still waiting for the provider's answer (no ref yet). */
  async lockUnanswered(x: Executor, orderId: string, amountMinor: number): Promise<RefundRow | undefined> {
    const [row] = await x
      .select()
      .from(refunds)
      .where(
        and(
          eq(refunds.orderId, orderId),
          eq(refunds.status, 'pending'),
          eq(refunds.amountMinor, amountMinor),
          isNull(refunds.providerRef),
        ),
      )
      .orderBy(refunds.createdAt)
      .limit(1)
      .for('update');
    return row;
  },
  /** A refund that is still pending (a webhook may have settled it meanwhile) becomes failed. */
  failPending: (x: Executor, id: string, errorMessage: string) =>
    x
      .update(refunds)
      .set({ status: 'failed', errorMessage })
      .where(and(eq(refunds.id, id), eq(refunds.status, 'pending'))),
  update: (x: Executor, id: string, set: Partial<typeof refunds.$inferInsert>) =>
    x.update(refunds).set(set).where(eq(refunds.id, id)),
  addItemRefund: (x: Executor, id: string, quantity: number, amountMinor: number) =>
    x
      .update(orderItems)
      .set({
        refundedQuantity: sql`${orderItems.refundedQuantity} + ${quantity}`,
        refundedMinor: sql`${orderItems.refundedMinor} + ${amountMinor}`,
      })
      .where(eq(orderItems.id, id)),
  updateOrder: (x: Executor, id: string, set: Partial<typeof orders.$inferInsert>) =>
    x.update(orders).set(set).where(eq(orders.id, id)),
  setPaymentStatus: (x: Executor, id: string, status: 'refunded' | 'partially_refunded', at: Date) =>
    x.update(payments).set({ status, updatedAt: at }).where(eq(payments.id, id)),
  revokeGrant: (x: Executor, orderItemId: string, at: Date) =>
    x
      .update(downloadGrants)
      .set({ revokedAt: at })
      .where(and(eq(downloadGrants.orderItemId, orderItemId), isNull(downloadGrants.revokedAt))),
  restock: (x: Executor, productId: string, quantity: number) =>
    x
      .update(products)
      .set({ stock: sql`${products.stock} + ${quantity}` })
      .where(and(eq(products.id, productId), sql`${products.stock} is not null`)),
  saleEntries: (x: Executor, orderId: string) =>
    x
      .select()
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.orderId, orderId), eq(ledgerEntries.kind, 'sale'))),
  addEvent: (x: Executor, v: typeof orderEvents.$inferInsert) => x.insert(orderEvents).values(v),
  /** Active admins, to be told about disputes. */
  admins: (x: Executor) =>
    x
      .select({ name: users.name, email: users.email })
      .from(users)
      .where(and(eq(users.role, 'admin'), isNull(users.suspendedAt))),
};
