import {
  AdminPaymentAccount,
  AdminPaymentAccountList,
  PaymentAccountBody,
  PaymentAccountList,
  ReorderAccountsBody,
} from '@9tangle/contracts';
import type { preHandlerHookHandler } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../../http/auth.ts';
import type { AccountsService } from './accounts.service.ts';

const IdParams = z.object({ id: z.uuid() });

/** `/api/admin/payment-accounts` (admins) and `/api/payments/manual/accounts` (any signed-in user). */
export const accountsRoutes =
  (d: { accounts: AccountsService; requireAdmin: preHandlerHookHandler }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['payments'];
    const preHandler = d.requireAdmin;
    const one = { 200: AdminPaymentAccount };
    app.get(
      '/payments/manual/accounts',
      { preHandler: requireUser, schema: { tags, response: { 200: PaymentAccountList } } },
      () => d.accounts.listActive(),
    );
    app.get(
      '/admin/payment-accounts',
      { preHandler, schema: { tags, response: { 200: AdminPaymentAccountList } } },
      () => d.accounts.listAll(),
    );
    app.post(
      '/admin/payment-accounts',
      { preHandler, schema: { tags, body: PaymentAccountBody, response: { 201: AdminPaymentAccount } } },
      async (req, reply) => reply.code(201).send(await d.accounts.create(req.body)),
    );
    app.put(
      '/admin/payment-accounts/:id',
      { preHandler, schema: { tags, params: IdParams, body: PaymentAccountBody, response: one } },
      (req) => d.accounts.update(req.params.id, req.body),
    );
    app.post(
      '/admin/payment-accounts/:id/deactivate',
      { preHandler, schema: { tags, params: IdParams, response: one } },
      (req) => d.accounts.setActive(req.params.id, false),
    );
    app.post(
      '/admin/payment-accounts/:id/activate',
      { preHandler, schema: { tags, params: IdParams, response: one } },
      (req) => d.accounts.setActive(req.params.id, true),
    );
    app.post(
      '/admin/payment-accounts/reorder',
      { preHandler, schema: { tags, body: ReorderAccountsBody, response: { 200: AdminPaymentAccountList } } },
      (req) => d.accounts.reorder(req.body.ids),
    );
  };
