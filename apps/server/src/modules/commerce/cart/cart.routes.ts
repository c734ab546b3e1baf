import {
  Cart,
  CartCouponBody,
  CartItemBody,
  CartMergeBody,
  CartMergeResult,
  CartPreviewBody,
  CartQuantityBody,
  CartQuery,
} from '@9tangle/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { currentUser, requireUser } from '../../../http/auth.ts';
import type { CartService } from './cart.service.ts';

const tags = ['cart'];
const IdParams = z.object({ id: z.uuid() });
const ok = { 200: Cart };

/** The signed-in user's cart, the guest merge on sign-in, and the public preview of a guest's cart. */
export const cartRoutes =
  (d: { cart: CartService }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/cart',
      { preHandler: requireUser, schema: { tags, querystring: CartQuery, response: ok } },
      async (req) => d.cart.get(currentUser(req).id, req.query.country),
    );
    app.post(
      '/cart/items',
      { preHandler: requireUser, schema: { tags, body: CartItemBody, response: ok } },
      async (req) => d.cart.add(currentUser(req).id, req.body),
    );
    app.patch(
      '/cart/items/:id',
      { preHandler: requireUser, schema: { tags, params: IdParams, body: CartQuantityBody, response: ok } },
      async (req) => d.cart.setQuantity(currentUser(req).id, req.params.id, req.body.quantity),
    );
    app.delete(
      '/cart/items/:id',
      { preHandler: requireUser, schema: { tags, params: IdParams, response: ok } },
      async (req) => d.cart.remove(currentUser(req).id, req.params.id),
    );
    app.put(
      '/cart/coupon',
      { preHandler: requireUser, schema: { tags, body: CartCouponBody, response: ok } },
      async (req) => d.cart.setCoupon(currentUser(req).id, req.body.code),
    );
    app.delete('/cart/coupon', { preHandler: requireUser, schema: { tags, response: ok } }, async (req) =>
      d.cart.setCoupon(currentUser(req).id, null),
    );
    app.post(
      '/cart/merge',
      { preHandler: requireUser, schema: { tags, body: CartMergeBody, response: { 200: CartMergeResult } } },
      async (req) => d.cart.merge(currentUser(req).id, req.body.items),
    );
    app.post(
      '/cart/preview',
      { schema: { tags, body: CartPreviewBody, response: { 200: CartMergeResult } } },
      async (req) => d.cart.preview(req.body),
    );
  };
