import type { AdminOrderQuery } from '@9tangle/contracts';
import {
  and,
  asc,
  desc,
  eq,
  gte,
  ilike,
  inArray,
  isNotNull,
  isNull,
  lt,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import {
  couponRedemptions,
  coupons,
  orderEvents,
  orderItems,
  orders,
  payments,
  refunds,
  users,
} from '../../../db/schema/index.ts';

/** `%` and `_` typed in a search are letters, not wildcards. */
const like = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000);

/** The admin's view of orders: lists with filters and keyset pages, one order's whole story. */
export const adminOrdersRepo = {
  /** One page, newest first; `after` is the (created_at as text, id) of the last row of the page before. */
  list(x: Executor, q: AdminOrderQuery, after: { createdAt: string; id: string } | null) {
    const where: (SQL | undefined)[] = [
      q.status ? eq(orders.status, q.status) : undefined,
      q.provider ? eq(orders.provider, q.provider) : undefined,
      q.currency ? eq(orders.currency, q.currency) : undefined,
      q.from ? gte(orders.createdAt, new Date(`${q.from}T00:00:00Z`)) : undefined,
      q.to ? lt(orders.createdAt, nextDay(q.to)) : undefined,
      q.disputed === 'true'
        ? isNotNull(orders.disputedAt)
        : q.disputed === 'false'
          ? isNull(orders.disputedAt)
          : undefined,
      q.archived === 'include'
        ? undefined
        : q.archived === 'only'
          ? isNotNull(orders.archivedAt)
          : isNull(orders.archivedAt),
      q.q
        ? or(
            ilike(orders.number, like(q.q)),
            ilike(orders.contactEmail, like(q.q)),
            ilike(orders.contactName, like(q.q)),
            ilike(users.email, like(q.q)),
            ilike(users.name, like(q.q)),
          )
        : undefined,
      after
        ? sql`(${orders.createdAt}, ${orders.id}) < (${after.createdAt}::timestamptz, ${after.id}::uuid)`
        : undefined,
    ];
    return x
      .select({
        order: orders,
        cursorAt: sql<string>`${orders.createdAt}::text`,
        itemCount: sql<number>`(select count(*)::int from ${orderItems} where ${orderItems.orderId} = ${orders.id})`,
        requiresShipping: sql<boolean>`exists (select 1 from ${orderItems} where ${orderItems.orderId} = ${orders.id} and ${orderItems.requiresShipping})`,
      })
      .from(orders)
      .innerJoin(users, eq(users.id, orders.userId))
      .where(and(...where))
      .orderBy(desc(orders.createdAt), desc(orders.id))
      .limit(q.limit + 1);
  },
  async byNumber(x: Executor, number: string) {
    const [row] = await x.select().from(orders).where(eq(orders.number, number));
    return row;
  },
  async lockByNumber(x: Executor, number: string) {
    const [row] = await x.select().from(orders).where(eq(orders.number, number)).for('update');
    return row;
  },
  items: (x: Executor, orderId: string) =>
    x
      .select()
      .from(orderItems)
      .where(eq(orderItems.orderId, orderId))
      .orderBy(asc(orderItems.title), asc(orderItems.id)),
  attempts: (x: Executor, orderId: string) =>
    x.select().from(payments).where(eq(payments.orderId, orderId)).orderBy(asc(payments.createdAt)),
  events: (x: Executor, orderId: string) =>
    x
      .select({ event: orderEvents, actorName: users.name })
      .from(orderEvents)
      .leftJoin(users, eq(users.id, orderEvents.actorId))
      .where(eq(orderEvents.orderId, orderId))
      .orderBy(asc(orderEvents.createdAt), asc(orderEvents.id)),
  refunds: (x: Executor, orderId: string) =>
    x.select().from(refunds).where(eq(refunds.orderId, orderId)).orderBy(asc(refunds.createdAt)),
  updateOrder: (x: Executor, id: string, set: Partial<typeof orders.$inferInsert>) =>
    x.update(orders).set(set).where(eq(orders.id, id)),
  async addEvent(x: Executor, v: typeof orderEvents.$inferInsert) {
    const [row] = await x.insert(orderEvents).values(v).returning();
    if (!row) throw new Error('order event insert returned nothing');
    return row;
  },
  /** A cancelled order gives its coupon use back (the count is held by pending and paid orders). */
  async releaseCoupon(x: Executor, orderId: string) {
    const released = await x
      .delete(couponRedemptions)
      .where(eq(couponRedemptions.orderId, orderId))
      .returning({ couponId: couponRedemptions.couponId });
    for (const r of released)
      await x
        .update(coupons)
        .set({ redeemedCount: sql`${coupons.redeemedCount} - 1` })
        .where(and(eq(coupons.id, r.couponId), sql`${coupons.redeemedCount} > 0`));
  },
  cancelOpenAttempts: (x: Executor, orderId: string, at: Date) =>
    x
      .update(payments)
      .set({ status: 'cancelled', updatedAt: at })
      .where(and(eq(payments.orderId, orderId), inArray(payments.status, ['created', 'pending']))),
  userName: async (x: Executor, id: string) => {
    const [row] = await x
      .select({ name: users.name, email: users.email })
      .from(users)
      .where(eq(users.id, id));
    return row;
  },
};
