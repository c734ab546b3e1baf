import { ManualOrderView, PaymentStatusList } from '@9tangle/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { currentUser, requireUser } from '../../../http/auth.ts';
import type { PaymentStatusService } from './payment-status.service.ts';
import { proofSource } from './proof-upload.ts';
import type { ProofsService } from './proofs.service.ts';

const OrderParams = z.object({ number: z.string().trim().min(1).max(40) });

/** The buyer's side: the transfer page's data, sending a proof, and the payment status list. */
export const proofsRoutes =
  (d: { proofs: ProofsService; paymentStatus: PaymentStatusService }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['payments'];
    app.get(
      '/orders/:number/manual',
      { preHandler: requireUser, schema: { tags, params: OrderParams, response: { 200: ManualOrderView } } },
      (req) => d.proofs.view(currentUser(req), req.params.number),
    );
    app.post(
      '/orders/:number/manual-proofs',
      {
        preHandler: requireUser,
        schema: {
          tags,
          params: OrderParams,
          consumes: ['multipart/form-data'],
          response: { 201: ManualOrderView },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await d.proofs.submit(currentUser(req), req.params.number, proofSource(req))),
    );
    app.get(
      '/payments/status',
      { preHandler: requireUser, schema: { tags, response: { 200: PaymentStatusList } } },
      (req) => d.paymentStatus.list(currentUser(req)),
    );
  };
