import { and, asc, type Column, desc, eq, getTableColumns, getTableName, inArray, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '../../../db/client.ts';
import { reusable } from '../../../db/reusable.ts';
import {
  couponRedemptions,
  coupons,
  courseInstructors,
  courses,
  downloadGrants,
  manualPaymentAccounts,
  type OrderItemRow,
  type OrderRow,
  orderEvents,
  orderItems,
  orders,
  type PaymentRow,
  type ProductRow,
  payments,
  products,
} from '../../../db/schema/index.ts';

type NewOrder = typeof orders.$inferInsert;
export interface FulfilmentLine {
  item: OrderItemRow;
  product: ProductRow | null;
  instructorId: string | null;
}
type NewItem = typeof orderItems.$inferInsert;
type NewPayment = typeof payments.$inferInsert;
type OrderEvent = Omit<typeof orderEvents.$inferInsert, 'id' | 'orderId' | 'createdAt'>;

/**
 * What placing an order writes, the columns of each row the checkout gives (the others take their
 * defaults: status, timestamps, refunds). One statement of the same text whatever the lines: each
 * table's rows travel as one JSON parameter, read by `json_populate_record(set)` as the table's own
 * row type (enums, jsonb, timestamps), so the statement is prepared once per connection. Built by the
 * query builder, its inserts cost a tenth of the checkout's server CPU (docs/performance.md).
 */
const ORDER_KEYS = [
  'id',
  'number',
  'userId',
  'currency',
  'subtotalMinor',
  'discountMinor',
  'shippingMinor',
  'taxMinor',
  'taxInclusive',
  'taxRateBasisPoints',
  'totalMinor',
  'couponId',
  'couponCode',
  'contactName',
  'contactEmail',
  'contactPhone',
  'country',
  'shippingAddress',
  'shippingRateId',
  'shippingMethod',
  'provider',
  'expiresAt',
  'idempotencyKeyHash',
] as const satisfies readonly (keyof NewOrder)[];
const ITEM_KEYS = [
  'id',
  'orderId',
  'itemType',
  'courseId',
  'productId',
  'requiresShipping',
  'title',
  'unitPriceMinor',
  'quantity',
  'discountMinor',
  'taxMinor',
  'totalMinor',
] as const satisfies readonly (keyof NewItem)[];
const REDEMPTION_KEYS = ['couponId', 'orderId', 'userId'] as const;
const PAYMENT_KEYS = [
  'id',
  'orderId',
  'provider',
  'amountMinor',
  'currency',
  'status',
  'providerRef',
  'redirectUrl',
] as const satisfies readonly (keyof NewPayment)[];
const EVENT_KEYS = ['orderId', 'type', 'toStatus', 'actorId'] as const;

type Given<T, K extends keyof T> = { [P in K]-?: Exclude<T[P], undefined> };
export interface PlacedOrderRows {
  order: Given<NewOrder, (typeof ORDER_KEYS)[number]>;
  items: Given<NewItem, (typeof ITEM_KEYS)[number]>[];
  redemption: Given<typeof couponRedemptions.$inferInsert, (typeof REDEMPTION_KEYS)[number]> | null;
  payment: Given<NewPayment, 'id' | 'orderId' | 'provider' | 'amountMinor' | 'currency' | 'status'> &
    Pick<NewPayment, 'providerRef' | 'redirectUrl'>;
  event: Pick<OrderEvent, 'type' | 'toStatus' | 'actorId'>;
}

/**
 * One table's part of the statement, worked out once: `insert into t (columns) select columns from
 * json_populate_record[set](null::t, ` (the JSON parameter follows), and a row's given columns under
 * their SQL names (a missing optional one is null).
 */
function insertFromJson(table: PgTable, keys: readonly string[], set: boolean) {
  const columns = getTableColumns(table) as Record<string, Column>;
  const names = keys.map((k) => [k, columns[k]?.name ?? k] as const);
  const list = names.map(([, n]) => `"${n}"`).join(', ');
  const name = getTableName(table);
  return {
    text: sql.raw(
      `insert into "${name}" (${list}) select ${list} from json_populate_record${set ? 'set' : ''}(null::"${name}", `,
    ),
    row: (r: object): Record<string, unknown> =>
      Object.fromEntries(names.map(([k, n]) => [n, (r as Record<string, unknown>)[k] ?? null])),
  };
}
const PLACED = {
  order: insertFromJson(orders, ORDER_KEYS, false),
  items: insertFromJson(orderItems, ITEM_KEYS, true),
  redemptions: insertFromJson(couponRedemptions, REDEMPTION_KEYS, true),
  payment: insertFromJson(payments, PAYMENT_KEYS, false),
  event: insertFromJson(orderEvents, EVENT_KEYS, false),
};

/** Orders, their lines, attempts and events: the checkout's SQL. */
const byIdempotencyKeyOn = reusable((x) =>
  x
    .select()
    .from(orders)
    .where(
      and(
        eq(orders.userId, sql.placeholder('userId')),
        eq(orders.idempotencyKeyHash, sql.placeholder('keyHash')),
      ),
    )
    .limit(1)
    .prepare('order_by_idempotency_key'),
);

export const ordersRepo = {
  async byIdempotencyKey(x: Executor, userId: string, keyHash: string): Promise<OrderRow | null> {
    const [row] = await byIdempotencyKeyOn(x).execute({ userId, keyHash });
    return row ?? null;
  },
  async byNumber(x: Executor, number: string): Promise<OrderRow | null> {
    const [row] = await x.select().from(orders).where(eq(orders.number, number)).limit(1);
    return row ?? null;
  },
  async lockById(x: Executor, id: string): Promise<OrderRow | null> {
    const [row] = await x.select().from(orders).where(eq(orders.id, id)).for('update');
    return row ?? null;
  },
  /**
   * A new order, its lines, its coupon use, its first payment attempt and its first event, in one
   * statement (data-modifying CTEs; the lines' foreign keys are checked at its end, when the order is
   * there). Every id is given, so nothing needs to be read back. A clash of the order number raises
   * `orders_number_key`, as a clash of the idempotency key raises `orders_user_idempotency_key`.
   */
  async insertPlacedOrder(x: Executor, o: PlacedOrderRows) {
    const { order, items, redemptions, payment, event } = PLACED;
    const json = (rows: unknown) => JSON.stringify(rows);
    await x.execute(
      sql`with o as (${order.text}${json(order.row(o.order))}::json)),
        i as (${items.text}${json(o.items.map(items.row))}::json)),
        r as (${redemptions.text}${json(o.redemption ? [redemptions.row(o.redemption)] : [])}::json)),
        p as (${payment.text}${json(payment.row(o.payment))}::json))
        ${event.text}${json(event.row({ orderId: o.order.id, ...o.event }))}::json)`,
    );
  },
  /**
   * An order's lines for its fulfilment, in one statement: each with its product (product lines) and
   * its course's first instructor (who is credited the course's share of the sale).
   */
  async linesForFulfilment(x: Executor, orderId: string): Promise<FulfilmentLine[]> {
    return x
      .select({
        item: orderItems,
        product: products,
        instructorId: sql<string | null>`(select ci."user_id" from ${courseInstructors} ci
          where ci."course_id" = ${orderItems.courseId} order by ci."position" limit 1)`,
      })
      .from(orderItems)
      .leftJoin(products, eq(products.id, orderItems.productId))
      .where(eq(orderItems.orderId, orderId))
      .orderBy(asc(orderItems.id));
  },
  async itemsOf(x: Executor, orderId: string) {
    return x.select().from(orderItems).where(eq(orderItems.orderId, orderId)).orderBy(asc(orderItems.id));
  },
  async setOrder(x: Executor, id: string, v: Partial<NewOrder>) {
    await x
      .update(orders)
      .set({ ...v, updatedAt: new Date() })
      .where(eq(orders.id, id));
  },
  async event(x: Executor, orderId: string, e: OrderEvent) {
    await x.insert(orderEvents).values({ orderId, ...e });
  },
  /** Several events of one order in one statement. */
  async events(x: Executor, orderId: string, es: OrderEvent[]) {
    if (es.length === 0) return;
    await x.insert(orderEvents).values(es.map((e) => ({ orderId, ...e })));
  },

  async insertPayment(x: Executor, v: NewPayment): Promise<PaymentRow> {
    const [row] = await x.insert(payments).values(v).returning();
    if (!row) throw new Error('insertPayment: no row');
    return row;
  },
  async setPayment(x: Executor, id: string, v: Partial<NewPayment>) {
    await x
      .update(payments)
      .set({ ...v, updatedAt: new Date() })
      .where(eq(payments.id, id));
  },
  async latestPayment(x: Executor, orderId: string): Promise<PaymentRow | null> {
    const [row] = await x
      .select()
      .from(payments)
      .where(eq(payments.orderId, orderId))
      .orderBy(desc(payments.createdAt), desc(payments.id))
      .limit(1);
    return row ?? null;
  },
  async paymentById(x: Executor, id: string): Promise<PaymentRow | null> {
    const [row] = await x.select().from(payments).where(eq(payments.id, id)).limit(1);
    return row ?? null;
  },

  /** Take one use of a coupon, only while uses are left (one conditional UPDATE, ADR 026). */
  async reserveCoupon(x: Executor, couponId: string): Promise<boolean> {
    const rows = await x
      .update(coupons)
      .set({ redeemedCount: sql`${coupons.redeemedCount} + 1` })
      .where(
        and(
          eq(coupons.id, couponId),
          sql`(${coupons.maxRedemptions} is null or ${coupons.redeemedCount} < ${coupons.maxRedemptions})`,
        ),
      )
      .returning({ id: coupons.id });
    return rows.length === 1;
  },
  async lockCoupon(x: Executor, couponId: string) {
    const [row] = await x.select().from(coupons).where(eq(coupons.id, couponId)).for('update');
    return row ?? null;
  },
  /** Uses of a coupon by a buyer held by orders that still count (pending or paid). */
  async couponUsesBy(x: Executor, couponId: string, userId: string): Promise<number> {
    const [row] = await x
      .select({ n: sql<number>`count(*)::int` })
      .from(couponRedemptions)
      .innerJoin(orders, eq(orders.id, couponRedemptions.orderId))
      .where(
        and(
          eq(couponRedemptions.couponId, couponId),
          eq(couponRedemptions.userId, userId),
          sql`${orders.status} not in ('cancelled', 'failed')`,
        ),
      );
    return row?.n ?? 0;
  },
  async redeem(x: Executor, couponId: string, orderId: string, userId: string) {
    await x.insert(couponRedemptions).values({ couponId, orderId, userId }).onConflictDoNothing();
  },
  /** Give an order's coupon use back (cancelled or expired). */
  async releaseCoupon(x: Executor, couponId: string, orderId: string) {
    const gone = await x
      .delete(couponRedemptions)
      .where(and(eq(couponRedemptions.couponId, couponId), eq(couponRedemptions.orderId, orderId)))
      .returning({ orderId: couponRedemptions.orderId });
    if (gone.length > 0)
      await x
        .update(coupons)
        .set({ redeemedCount: sql`greatest(0, ${coupons.redeemedCount} - 1)` })
        .where(eq(coupons.id, couponId));
  },

  async hasActiveManualAccount(x: Executor): Promise<boolean> {
    const [row] = await x
      .select({ id: manualPaymentAccounts.id })
      .from(manualPaymentAccounts)
      .where(eq(manualPaymentAccounts.active, true))
      .limit(1);
    return Boolean(row);
  },

  /** The first instructor of each course (who is credited its share of a sale). */
  async firstInstructors(x: Executor, courseIds: string[]): Promise<Map<string, string>> {
    if (courseIds.length === 0) return new Map();
    const rows = await x
      .select({ courseId: courseInstructors.courseId, userId: courseInstructors.userId })
      .from(courseInstructors)
      .where(inArray(courseInstructors.courseId, courseIds))
      .orderBy(asc(courseInstructors.position));
    const map = new Map<string, string>();
    for (const r of rows) if (!map.has(r.courseId)) map.set(r.courseId, r.userId);
    return map;
  },
  async productsByIds(x: Executor, ids: string[]) {
    if (ids.length === 0) return [];
    return x.select().from(products).where(inArray(products.id, ids));
  },
  /** Take `quantity` units, only when that many are on hand; false when short (untracked: true). */
  async takeStock(x: Executor, productId: string, quantity: number): Promise<boolean> {
    const rows = await x
      .update(products)
      .set({ stock: sql`${products.stock} - ${quantity}` })
      .where(
        and(eq(products.id, productId), sql`(${products.stock} is null or ${products.stock} >= ${quantity})`),
      )
      .returning({ id: products.id });
    return rows.length === 1;
  },
  async grantDownload(x: Executor, v: { orderItemId: string; userId: string; productId: string }) {
    await x.insert(downloadGrants).values(v).onConflictDoNothing();
  },
  async coursesOf(x: Executor, orderId: string) {
    return x
      .select({ id: courses.id, slug: courses.slug, title: courses.title })
      .from(orderItems)
      .innerJoin(courses, eq(courses.id, orderItems.courseId))
      .where(eq(orderItems.orderId, orderId));
  },
  async downloadsOf(x: Executor, orderId: string) {
    return x
      .select({ grantId: downloadGrants.id, title: orderItems.title, revokedAt: downloadGrants.revokedAt })
      .from(downloadGrants)
      .innerJoin(orderItems, eq(orderItems.id, downloadGrants.orderItemId))
      .where(eq(orderItems.orderId, orderId));
  },
};
