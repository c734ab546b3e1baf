import type {
  AdminProductReview,
  AdminProductReviewList,
  AdminProductReviewQuery,
  MyProductReview,
  ProductReviewBody,
  ProductReviewDto,
  ProductReviewList,
} from '@9tangle/contracts';
import { Slug } from '@9tangle/contracts';
import type { ProductReviewRow } from '../../../db/schema/index.ts';
import { forbidden, notFound } from '../../../http/errors.ts';
import { reviewHtmlToText, reviewTextToHtml } from '../../learning/reviews/review-text.ts';
import { productReviewsRepo, type ReviewListRow } from './product-reviews.repo.ts';
import { productsRepo } from './products.repo.ts';
import type { ShopDeps } from './shop.deps.ts';

const iso = (t: Date | string) => new Date(t).toISOString();
const toDto = (r: ProductReviewRow, authorName: string): ProductReviewDto => ({
  id: r.id,
  rating: r.rating,
  bodyHtml: r.bodyHtml,
  author: { name: authorName },
  createdAt: iso(r.createdAt),
  updatedAt: iso(r.updatedAt),
});
const toAdmin = (row: ReviewListRow): AdminProductReview => ({
  ...toDto(row.review, row.authorName),
  status: row.review.status,
  moderationNote: row.review.moderationNote,
  author: { name: row.authorName, email: row.authorEmail },
  product: { id: row.review.productId, slug: row.productSlug, name: row.productName },
});

/**
 * Product reviews: written by buyers only (a paid order of theirs holds the product), one each,
 * plain text, shown once an admin approves them. The product's rating counts approved reviews and is
 * recounted under the product's row lock whenever a review changes.
 */
export function createProductReviewsService(d: Pick<ShopDeps, 'database' | 'clock' | 'cache'>) {
  const db = d.database.db;
  const activeProduct = async (slug: string) => {
    const product = Slug.safeParse(slug).success ? await productsRepo.findActiveBySlug(db, slug) : null;
    if (!product) throw notFound('product');
    return product;
  };

  async function mine(userId: string, productId: string, authorName: string): Promise<MyProductReview> {
    const [canReview, review] = await Promise.all([
      productReviewsRepo.isBuyer(db, userId, productId),
      productReviewsRepo.findMine(db, productId, userId),
    ]);
    return {
      canReview,
      review: review
        ? {
            ...toDto(review, authorName),
            status: review.status,
            body: reviewHtmlToText(review.bodyHtml),
            moderationNote: review.moderationNote,
          }
        : null,
    };
  }

  async function moderate(
    adminId: string,
    id: string,
    status: 'approved' | 'rejected',
    note: string | null,
  ): Promise<AdminProductReview> {
    const review = await productReviewsRepo.findById(db, id);
    if (!review) throw notFound('review');
    await db.transaction(async (tx) => {
      await productReviewsRepo.lockProduct(tx, review.productId);
      await productReviewsRepo.moderate(tx, id, { status, by: adminId, note, now: d.clock.now() });
      await productReviewsRepo.recomputeRating(tx, review.productId);
    });
    await d.cache.bump();
    const row = await productReviewsRepo.listRowById(db, id);
    if (!row) throw notFound('review');
    return toAdmin(row);
  }

  return {
    /** An active product's approved reviews, newest first. */
    async listPublic(slug: string, page: number, limit: number): Promise<ProductReviewList> {
      return d.cache.read(`shop:reviews:${slug}:${page}:${limit}`, async () => {
        const product = await activeProduct(slug);
        const { rows, total } = await productReviewsRepo.list(db, {
          status: 'approved',
          productId: product.id,
          page,
          limit,
        });
        return {
          items: rows.map((r) => toDto(r.review, r.authorName)),
          pageInfo: { page, limit, total, pages: Math.ceil(total / limit) },
        };
      });
    },

    /** The user's review of the product, and whether they may write one. */
    async mine(user: { id: string; name: string }, slug: string): Promise<MyProductReview> {
      const product = await activeProduct(slug);
      return mine(user.id, product.id, user.name);
    },

    /**
     * Write or edit the user's review: 403 `not_a_buyer` unless a paid order of theirs holds the
     * product. Any edit goes back to pending (an approved review leaves the rating until approved again).
     */
    async write(
      user: { id: string; name: string },
      slug: string,
      body: ProductReviewBody,
    ): Promise<MyProductReview> {
      const product = await activeProduct(slug);
      if (!(await productReviewsRepo.isBuyer(db, user.id, product.id)))
        throw forbidden('not_a_buyer', 'Only buyers of this product may review it.');
      await db.transaction(async (tx) => {
        await productReviewsRepo.lockProduct(tx, product.id);
        await productReviewsRepo.upsert(tx, {
          productId: product.id,
          userId: user.id,
          rating: body.rating,
          bodyHtml: reviewTextToHtml(body.body),
          now: d.clock.now(),
        });
        await productReviewsRepo.recomputeRating(tx, product.id);
      });
      await d.cache.bump();
      return mine(user.id, product.id, user.name);
    },

    /** The moderation queue: reviews of a status, newest first. */
    async listForAdmin(q: AdminProductReviewQuery): Promise<AdminProductReviewList> {
      const { rows, total } = await productReviewsRepo.list(db, {
        status: q.status,
        page: q.page,
        limit: q.limit,
      });
      return {
        items: rows.map(toAdmin),
        pageInfo: { page: q.page, limit: q.limit, total, pages: Math.ceil(total / q.limit) },
      };
    },
    approve: (adminId: string, id: string) => moderate(adminId, id, 'approved', null),
    reject: (adminId: string, id: string, note: string) => moderate(adminId, id, 'rejected', note),
  };
}
export type ProductReviewsService = ReturnType<typeof createProductReviewsService>;
