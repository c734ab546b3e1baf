import { MyOrderDetail, MyOrderPage, MyOrdersQuery, OrderNumberParams } from '@9tangle/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { currentUser, requireUser } from '../../../http/auth.ts';
import type { MyOrdersService } from './my-orders.service.ts';

/** The buyer's order history and one order of theirs (others' orders answer 404). */
export const myOrdersRoutes =
  (d: { myOrders: MyOrdersService }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['orders'];
    app.get(
      '/orders',
      {
        preHandler: requireUser,
        schema: { tags, querystring: MyOrdersQuery, response: { 200: MyOrderPage } },
      },
      async (req) => d.myOrders.list(currentUser(req), req.query),
    );
    app.get(
      '/orders/:number',
      {
        preHandler: requireUser,
        schema: { tags, params: OrderNumberParams, response: { 200: MyOrderDetail } },
      },
      async (req) => d.myOrders.detail(currentUser(req), req.params.number),
    );
    app.get(
      '/orders/:number/invoice.pdf',
      { preHandler: requireUser, schema: { tags, params: OrderNumberParams } },
      async (req, reply) => {
        const { number, pdf } = await d.myOrders.invoice(currentUser(req), req.params.number);
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', `attachment; filename="invoice-${number}.pdf"`)
          .header('cache-control', 'private, no-store')
          .send(pdf);
      },
    );
  };
