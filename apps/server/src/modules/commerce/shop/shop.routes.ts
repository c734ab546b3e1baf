import {
  AdminProductReview,
  AdminProductReviewList,
  AdminProductReviewQuery,
  MyProductReview,
  Pagination,
  ProductCategoryList,
  ProductDetail,
  ProductReviewBody,
  ProductReviewList,
  RejectProductReviewBody,
  ShopPage,
  ShopQuery,
} from '@9tangle/contracts';
import type { preHandlerHookHandler } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { currentUser, requireUser } from '../../../http/auth.ts';
import { notFound } from '../../../http/errors.ts';
import type { CachingHooks } from '../../../http/public-cache.ts';
import type { ProductCategoriesService } from './product-categories.service.ts';
import type { ProductImagesService } from './product-images.service.ts';
import type { ProductReviewsService } from './product-reviews.service.ts';
import type { ShopService } from './shop.service.ts';

const SlugParam = z.object({ slug: z.string().max(200) });

/** The public shop (`/api/shop/*`, product images), buyers' reviews and the admin's moderation queue. */
export const shopRoutes =
  (d: {
    shop: ShopService;
    categories: ProductCategoriesService;
    images: ProductImagesService;
    reviews: ProductReviewsService;
    caching: CachingHooks;
    requireAdmin: preHandlerHookHandler;
  }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['shop'];
    const { preHandler, onSend } = d.caching;
    app.get(
      '/shop/categories',
      { preHandler, onSend, schema: { tags, response: { 200: ProductCategoryList } } },
      () => d.categories.listPublic(),
    );
    app.get(
      '/shop/products',
      { preHandler, onSend, schema: { tags, querystring: ShopQuery, response: { 200: ShopPage } } },
      (req) => d.shop.search(req.query),
    );
    app.get(
      '/shop/products/:slug',
      { preHandler, onSend, schema: { tags, params: SlugParam, response: { 200: ProductDetail } } },
      async (req) => {
        const product = await d.shop.getProduct(req.params.slug);
        if (!product) throw notFound('product');
        return product;
      },
    );
    app.get(
      '/shop/products/:slug/reviews',
      {
        preHandler,
        onSend,
        schema: { tags, params: SlugParam, querystring: Pagination, response: { 200: ProductReviewList } },
      },
      (req) => d.reviews.listPublic(req.params.slug, req.query.page, req.query.limit),
    );
    app.get(
      '/shop/products/:slug/reviews/mine',
      { preHandler: requireUser, schema: { tags, params: SlugParam, response: { 200: MyProductReview } } },
      (req) => d.reviews.mine(currentUser(req), req.params.slug),
    );
    app.put(
      '/shop/products/:slug/reviews/mine',
      {
        preHandler: requireUser,
        schema: {
          tags,
          params: SlugParam,
          body: ProductReviewBody.strict(),
          response: { 200: MyProductReview },
        },
      },
      (req) => d.reviews.write(currentUser(req), req.params.slug, req.body),
    );

    app.get(
      '/files/products/:key',
      // Not counted by the API rate limit: a shop page shows a dozen images at once.
      { config: { rateLimit: false }, schema: { tags, params: z.object({ key: z.string().max(64) }) } },
      async (req, reply) => {
        const { data, mime, isPublic } = await d.images.read(req.params.key, req.user?.role === 'admin');
        return reply
          .header('content-type', mime)
          .header('content-disposition', 'inline; filename="image"')
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "default-src 'none'; sandbox")
          .header('cache-control', isPublic ? 'public, max-age=31536000, immutable' : 'private, no-store')
          .send(data);
      },
    );

    const admin = { preHandler: d.requireAdmin };
    const Id = z.object({ id: z.uuid() });
    app.get(
      '/admin/product-reviews',
      {
        ...admin,
        schema: { tags, querystring: AdminProductReviewQuery, response: { 200: AdminProductReviewList } },
      },
      (req) => d.reviews.listForAdmin(req.query),
    );
    app.post(
      '/admin/product-reviews/:id/approve',
      { ...admin, schema: { tags, params: Id, response: { 200: AdminProductReview } } },
      (req) => d.reviews.approve(currentUser(req).id, req.params.id),
    );
    app.post(
      '/admin/product-reviews/:id/reject',
      {
        ...admin,
        schema: { tags, params: Id, body: RejectProductReviewBody, response: { 200: AdminProductReview } },
      },
      (req) => d.reviews.reject(currentUser(req).id, req.params.id, req.body.note),
    );
  };
