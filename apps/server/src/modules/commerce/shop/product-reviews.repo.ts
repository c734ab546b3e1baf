import type { ProductReviewStatus } from '@9tangle/contracts';
import { and, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import {
  orderItems,
  orders,
  type ProductReviewRow,
  productReviews,
  products,
  users,
} from '../../../db/schema/index.ts';

/** Orders whose buyer has paid: the statuses that make someone a buyer of what the order holds. */
export const BUYER_ORDER_STATUSES = ['paid', 'processing', 'shipped', 'delivered', 'fulfilled'] as const;

const listColumns = {
  review: productReviews,
  authorName: users.name,
  authorEmail: users.email,
  productSlug: products.slug,
  productName: products.name,
};
export type ReviewListRow = {
  review: ProductReviewRow;
  authorName: string;
  authorEmail: string;
  productSlug: string;
  productName: string;
};

/** Product reviews, their moderation, and the buyer check. */
export const productReviewsRepo = {
  /** True when a paid (or later) order of the user holds the product. */
  async isBuyer(x: Executor, userId: string, productId: string): Promise<boolean> {
    const [row] = await x
      .select({ id: orders.id })
      .from(orders)
      .innerJoin(orderItems, eq(orderItems.orderId, orders.id))
      .where(
        and(
          eq(orders.userId, userId),
          eq(orderItems.productId, productId),
          inArray(orders.status, [...BUYER_ORDER_STATUSES]),
        ),
      )
      .limit(1);
    return row !== undefined;
  },
  async findMine(x: Executor, productId: string, userId: string): Promise<ProductReviewRow | null> {
    const [row] = await x
      .select()
      .from(productReviews)
      .where(and(eq(productReviews.productId, productId), eq(productReviews.userId, userId)));
    return row ?? null;
  },
  async findById(x: Executor, id: string): Promise<ProductReviewRow | null> {
    const [row] = await x.select().from(productReviews).where(eq(productReviews.id, id));
    return row ?? null;
  },
  /** Write the user's review (new, or edited: back to pending, the moderation cleared). */
  async upsert(
    x: Executor,
    v: { productId: string; userId: string; rating: number; bodyHtml: string; now: Date },
  ): Promise<void> {
    const fresh = {
      rating: v.rating,
      bodyHtml: v.bodyHtml,
      status: 'pending' as const,
      moderatedBy: null,
      moderatedAt: null,
      moderationNote: null,
      updatedAt: v.now,
    };
    await x
      .insert(productReviews)
      .values({ productId: v.productId, userId: v.userId, createdAt: v.now, ...fresh })
      .onConflictDoUpdate({ target: [productReviews.productId, productReviews.userId], set: fresh });
  },
  async moderate(
    x: Executor,
    id: string,
    v: { status: ProductReviewStatus; by: string; note: string | null; now: Date },
  ): Promise<void> {
    await x
      .update(productReviews)
      .set({ status: v.status, moderatedBy: v.by, moderatedAt: v.now, moderationNote: v.note })
      .where(eq(productReviews.id, id));
  },
  /**
   * Lock the product row for the rest of the transaction. Every change to a product's reviews takes
   * it before recounting, so two changes at once are counted one after the other.
   */
  async lockProduct(x: Executor, productId: string): Promise<void> {
    await x.select({ id: products.id }).from(products).where(eq(products.id, productId)).for('update');
  },
  /** Average (two decimals) and count of the approved reviews, written on the product. */
  async recomputeRating(x: Executor, productId: string): Promise<void> {
    await x.execute(sql`
      update ${products} set
        rating_avg = s.avg,
        rating_count = s.n
      from (
        select round(avg(${productReviews.rating})::numeric, 2) as avg, count(*)::int as n
        from ${productReviews}
        where ${productReviews.productId} = ${productId} and ${productReviews.status} = 'approved'
      ) s
      where ${products.id} = ${productId}`);
  },
  /** One page of reviews of a status (the public list: one product's approved reviews). */
  async list(
    x: Executor,
    o: { status: ProductReviewStatus; productId?: string; page: number; limit: number },
  ): Promise<{ rows: ReviewListRow[]; total: number }> {
    const where = and(
      eq(productReviews.status, o.status),
      o.productId ? eq(productReviews.productId, o.productId) : undefined,
    );
    const [rows, [total]] = await Promise.all([
      x
        .select(listColumns)
        .from(productReviews)
        .innerJoin(users, eq(users.id, productReviews.userId))
        .innerJoin(products, eq(products.id, productReviews.productId))
        .where(where)
        .orderBy(desc(productReviews.updatedAt), desc(productReviews.id))
        .limit(o.limit)
        .offset((o.page - 1) * o.limit),
      x.select({ n: count() }).from(productReviews).where(where),
    ]);
    return { rows, total: total?.n ?? 0 };
  },
  async listRowById(x: Executor, id: string): Promise<ReviewListRow | null> {
    const [row] = await x
      .select(listColumns)
      .from(productReviews)
      .innerJoin(users, eq(users.id, productReviews.userId))
      .innerJoin(products, eq(products.id, productReviews.productId))
      .where(eq(productReviews.id, id));
    return row ?? null;
  },
};
