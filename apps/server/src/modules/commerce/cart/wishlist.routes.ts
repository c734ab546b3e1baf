import { Cart, WishlistBody, WishlistList } from '@9tangle/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { currentUser, requireUser } from '../../../http/auth.ts';
import type { WishlistService } from './wishlist.service.ts';

const tags = ['wishlist'];
const IdParams = z.object({ id: z.uuid() });

export const wishlistRoutes =
  (d: { wishlist: WishlistService }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/wishlist',
      { preHandler: requireUser, schema: { tags, response: { 200: WishlistList } } },
      async (req) => d.wishlist.list(currentUser(req).id),
    );
    app.post(
      '/wishlist',
      { preHandler: requireUser, schema: { tags, body: WishlistBody, response: { 200: WishlistList } } },
      async (req) => d.wishlist.add(currentUser(req).id, req.body),
    );
    app.delete(
      '/wishlist/:id',
      { preHandler: requireUser, schema: { tags, params: IdParams, response: { 200: WishlistList } } },
      async (req) => d.wishlist.remove(currentUser(req).id, req.params.id),
    );
    app.post(
      '/wishlist/:id/move-to-cart',
      { preHandler: requireUser, schema: { tags, params: IdParams, response: { 200: Cart } } },
      async (req) => d.wishlist.moveToCart(currentUser(req).id, req.params.id),
    );
  };
