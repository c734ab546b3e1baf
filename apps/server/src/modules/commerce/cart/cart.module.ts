import type { FastifyInstance } from 'fastify';
import type { CommerceDeps } from '../commerce.deps.ts';
import { couponsRoutes } from '../coupons/coupons.routes.ts';
import { createCouponsService } from '../coupons/coupons.service.ts';
import { shippingRoutes } from '../shipping/shipping.routes.ts';
import { createShippingService } from '../shipping/shipping.service.ts';
import { cartRepo } from './cart.repo.ts';
import { cartRoutes } from './cart.routes.ts';
import { createCartService } from './cart.service.ts';
import { wishlistRoutes } from './wishlist.routes.ts';
import { createWishlistService } from './wishlist.service.ts';

/** The cart slice: cart and guest merge, wishlist, and the admin's coupons, shipping and tax. */
export async function registerCart(app: FastifyInstance, deps: CommerceDeps) {
  const cart = createCartService(deps);
  const wishlist = createWishlistService({ ...deps, cart });
  const coupons = createCouponsService(deps);
  const shipping = createShippingService(deps);
  const opts = { prefix: '/api' };
  await app.register(cartRoutes({ cart }), opts);
  await app.register(wishlistRoutes({ wishlist }), opts);
  await app.register(couponsRoutes({ coupons, requireAdmin: deps.requireAdmin }), opts);
  await app.register(shippingRoutes({ shipping, requireAdmin: deps.requireAdmin }), opts);
  return { cart, unitsOf: (userId: string) => cartRepo.unitsOf(deps.database.db, userId) };
}
