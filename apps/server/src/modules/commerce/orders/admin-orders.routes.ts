import {
  AdminOrderDetail,
  AdminOrderEvent,
  AdminOrderPage,
  AdminOrderQuery,
  BulkStatusBody,
  BulkStatusResult,
  OrderNoteBody,
  OrderNumberParams,
  RefundBody,
  RefundDto,
  RefundQuote,
} from '@9tangle/contracts';
import type { preHandlerHookHandler } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { currentUser } from '../../../http/auth.ts';
import type { RefundsService } from '../refunds/refunds.service.ts';
import type { AdminOrdersService } from './admin-orders.service.ts';

/** The orders back office (admins only): the list, one order, bulk status, notes and refunds. */
export const adminOrdersRoutes =
  (d: {
    orders: AdminOrdersService;
    refunds: RefundsService;
    requireAdmin: preHandlerHookHandler;
  }): FastifyPluginAsyncZod =>
  async (app) => {
    const preHandler = d.requireAdmin;
    const tags = ['admin'];
    app.get(
      '/admin/orders',
      { preHandler, schema: { tags, querystring: AdminOrderQuery, response: { 200: AdminOrderPage } } },
      async (req) => d.orders.list(req.query),
    );
    app.get(
      '/admin/orders/:number',
      { preHandler, schema: { tags, params: OrderNumberParams, response: { 200: AdminOrderDetail } } },
      async (req) => d.orders.detail(req.params.number),
    );
    app.post(
      '/admin/orders/bulk-status',
      { preHandler, schema: { tags, body: BulkStatusBody, response: { 200: BulkStatusResult } } },
      async (req) => d.orders.bulkStatus(currentUser(req), req.body),
    );
    app.post(
      '/admin/orders/:number/notes',
      {
        preHandler,
        schema: { tags, params: OrderNumberParams, body: OrderNoteBody, response: { 201: AdminOrderEvent } },
      },
      async (req, reply) =>
        reply.code(201).send(await d.orders.addNote(currentUser(req), req.params.number, req.body.text)),
    );
    app.post(
      '/admin/orders/:number/refunds/quote',
      {
        preHandler,
        schema: {
          tags,
          params: OrderNumberParams,
          body: RefundBody.omit({ reason: true }),
          response: { 200: RefundQuote },
        },
      },
      async (req) => d.refunds.quote(req.params.number, req.body),
    );
    app.post(
      '/admin/orders/:number/refunds',
      {
        preHandler,
        schema: { tags, params: OrderNumberParams, body: RefundBody, response: { 201: RefundDto } },
      },
      async (req, reply) =>
        reply.code(201).send(await d.refunds.create(currentUser(req), req.params.number, req.body)),
    );
  };
