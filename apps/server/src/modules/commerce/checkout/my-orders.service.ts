import type { MyOrderDetail, MyOrderPage } from '@9tangle/contracts';
import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../../db/client.ts';
import { courses, downloadGrants, orderItems, orders, payments } from '../../../db/schema/index.ts';
import { badRequest, notFound } from '../../../http/errors.ts';
import type { CurrentUser } from '../../identity/identity.types.ts';
import { renderInvoicePdf } from './invoice-pdf.ts';

const Cursor = z.object({ t: z.string().max(40), id: z.uuid() });
const encode = (c: z.infer<typeof Cursor>) => Buffer.from(JSON.stringify(c)).toString('base64url');
function decode(s: string) {
  try {
    return Cursor.parse(JSON.parse(Buffer.from(s, 'base64url').toString('utf8')));
  } catch {
    throw badRequest('invalid_cursor', 'This cursor is not valid; start again from the first page.');
  }
}

/** The buyer's own orders: the history (newest first, keyset on created_at and id) and one order. */
export function createMyOrdersService(d: { database: Database }) {
  const db = d.database.db;
  return {
    async list(user: CurrentUser, q: { cursor?: string | undefined; limit: number }): Promise<MyOrderPage> {
      const after = q.cursor ? decode(q.cursor) : null;
      const rows = await db
        .select({
          order: orders,
          key: sql<string>`${orders.createdAt}::text`,
          itemCount: sql<number>`(select count(*)::int from order_items i where i.order_id = "orders"."id")`,
        })
        .from(orders)
        .where(
          and(
            eq(orders.userId, user.id),
            after
              ? sql`(${orders.createdAt}, ${orders.id}) < (${after.t}::timestamptz, ${after.id}::uuid)`
              : undefined,
          ),
        )
        .orderBy(desc(orders.createdAt), desc(orders.id))
        .limit(q.limit + 1);
      const page = rows.slice(0, q.limit);
      const last = page[page.length - 1];
      return {
        items: page.map((r) => ({
          orderNumber: r.order.number,
          status: r.order.status,
          totalMinor: r.order.totalMinor,
          currency: r.order.currency,
          itemCount: r.itemCount,
          createdAt: r.order.createdAt.toISOString(),
        })),
        nextCursor: rows.length > q.limit && last ? encode({ t: last.key, id: last.order.id }) : null,
      };
    },

    /** The invoice of a paid order, for its buyer or an admin (404 otherwise, and before payment). */
    async invoice(user: CurrentUser, number: string): Promise<{ number: string; pdf: Buffer }> {
      const [order] = await db.select().from(orders).where(eq(orders.number, number)).limit(1);
      const allowed = order && (order.userId === user.id || user.role === 'admin');
      if (!order || !allowed || !order.paidAt) throw notFound('invoice');
      const items = await db
        .select()
        .from(orderItems)
        .where(eq(orderItems.orderId, order.id))
        .orderBy(asc(orderItems.id));
      return { number: order.number, pdf: await renderInvoicePdf(order, items) };
    },

    async detail(user: CurrentUser, number: string): Promise<MyOrderDetail> {
      const [order] = await db
        .select()
        .from(orders)
        .where(and(eq(orders.number, number), eq(orders.userId, user.id)))
        .limit(1);
      if (!order) throw notFound('order');
      const [items, attempts, grants, [n]] = await Promise.all([
        db
          .select({ item: orderItems, courseSlug: courses.slug })
          .from(orderItems)
          .leftJoin(courses, eq(courses.id, orderItems.courseId))
          .where(eq(orderItems.orderId, order.id))
          .orderBy(asc(orderItems.id)),
        db.select().from(payments).where(eq(payments.orderId, order.id)).orderBy(asc(payments.createdAt)),
        db
          .select({ grant: downloadGrants, title: orderItems.title })
          .from(downloadGrants)
          .innerJoin(orderItems, eq(orderItems.id, downloadGrants.orderItemId))
          .where(eq(orderItems.orderId, order.id)),
        db.select({ n: count() }).from(orderItems).where(eq(orderItems.orderId, order.id)),
      ]);
      return {
        orderNumber: order.number,
        status: order.status,
        totalMinor: order.totalMinor,
        currency: order.currency,
        itemCount: n?.n ?? items.length,
        createdAt: order.createdAt.toISOString(),
        subtotalMinor: order.subtotalMinor,
        discountMinor: order.discountMinor,
        shippingMinor: order.shippingMinor,
        taxMinor: order.taxMinor,
        taxInclusive: order.taxInclusive,
        couponCode: order.couponCode,
        shippingMethod: order.shippingMethod,
        trackingNumber: order.trackingNumber,
        paidAt: order.paidAt?.toISOString() ?? null,
        items: items.map(({ item: i, courseSlug }) => ({
          itemType: i.itemType,
          title: i.title,
          quantity: i.quantity,
          unitPriceMinor: i.unitPriceMinor,
          discountMinor: i.discountMinor,
          taxMinor: i.taxMinor,
          totalMinor: i.totalMinor,
          courseSlug: courseSlug ?? null,
        })),
        attempts: attempts.map((p) => ({
          provider: p.provider,
          status: p.status,
          errorMessage: p.errorMessage,
          createdAt: p.createdAt.toISOString(),
        })),
        downloads: grants
          .filter((g) => !g.grant.revokedAt)
          .map((g) => ({ grantId: g.grant.id, title: g.title, downloadCount: g.grant.downloadCount })),
        canRetry: order.status === 'pending',
      };
    },
  };
}
export type MyOrdersService = ReturnType<typeof createMyOrdersService>;
