import {
  CheckoutOptions,
  CheckoutQuote,
  CheckoutQuoteBody,
  CreateOrderBody,
  OrderNumberParams,
  OrderStatusView,
  PlacedOrder,
  RetryPaymentBody,
} from '@9tangle/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { currentUser, requireUser, requireVerified } from '../../../http/auth.ts';
import type { CheckoutService } from './checkout.service.ts';

/**
 * The checkout (`/api/checkout/…`: options, the review's quote, placing the order) and paying a placed
 * order of mine (`/api/orders/:number/payments`, `/api/orders/:number/status`). Amounts are never read
 * from a request: the bodies are strict and hold none.
 */
export const checkoutRoutes =
  (d: { checkout: CheckoutService }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['checkout'];
    app.get(
      '/checkout/options',
      { preHandler: requireUser, schema: { tags, response: { 200: CheckoutOptions } } },
      async (req) => d.checkout.options(currentUser(req)),
    );
    app.post(
      '/checkout/quote',
      {
        preHandler: requireUser,
        schema: { tags, body: CheckoutQuoteBody, response: { 200: CheckoutQuote } },
      },
      async (req) => d.checkout.quote(currentUser(req), req.body),
    );
    app.post(
      '/checkout/orders',
      {
        preHandler: requireVerified,
        schema: { tags, body: CreateOrderBody, response: { 200: PlacedOrder, 201: PlacedOrder } },
      },
      async (req, reply) => {
        const key = req.headers['idempotency-key'];
        const r = await d.checkout.createOrder(
          currentUser(req),
          req.body,
          typeof key === 'string' ? key : undefined,
        );
        return reply.code(r.created ? 201 : 200).send(r.order);
      },
    );
    app.post(
      '/orders/:number/payments',
      {
        preHandler: requireVerified,
        schema: { tags, params: OrderNumberParams, body: RetryPaymentBody, response: { 201: PlacedOrder } },
      },
      async (req, reply) =>
        reply.code(201).send(await d.checkout.retry(currentUser(req), req.params.number, req.body.provider)),
    );
    app.get(
      '/orders/:number/status',
      {
        preHandler: requireUser,
        schema: { tags, params: OrderNumberParams, response: { 200: OrderStatusView } },
      },
      async (req) => d.checkout.status(currentUser(req), req.params.number),
    );
  };
