import { AdminCoupon, CouponBody, CouponList, CouponListQuery } from '@9tangle/contracts';
import type { preHandlerHookHandler } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { currentUser } from '../../../http/auth.ts';
import type { CouponsService } from './coupons.service.ts';

const tags = ['admin'];
const IdParams = z.object({ id: z.uuid() });

/** `/api/admin/coupons`: list and search, create, update (the whole coupon), deactivate. */
export const couponsRoutes =
  (d: { coupons: CouponsService; requireAdmin: preHandlerHookHandler }): FastifyPluginAsyncZod =>
  async (app) => {
    const preHandler = d.requireAdmin;
    app.get(
      '/admin/coupons',
      { preHandler, schema: { tags, querystring: CouponListQuery, response: { 200: CouponList } } },
      async (req) => d.coupons.list(req.query),
    );
    app.get(
      '/admin/coupons/:id',
      { preHandler, schema: { tags, params: IdParams, response: { 200: AdminCoupon } } },
      async (req) => d.coupons.get(req.params.id),
    );
    app.post(
      '/admin/coupons',
      { preHandler, schema: { tags, body: CouponBody, response: { 201: AdminCoupon } } },
      async (req, reply) => reply.code(201).send(await d.coupons.create(currentUser(req).id, req.body)),
    );
    app.put(
      '/admin/coupons/:id',
      { preHandler, schema: { tags, params: IdParams, body: CouponBody, response: { 200: AdminCoupon } } },
      async (req) => d.coupons.update(req.params.id, req.body),
    );
    app.post(
      '/admin/coupons/:id/deactivate',
      { preHandler, schema: { tags, params: IdParams, response: { 200: AdminCoupon } } },
      async (req) => d.coupons.deactivate(req.params.id),
    );
  };
