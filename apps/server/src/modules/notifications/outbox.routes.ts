import { MailDetail, MailList, MailListQuery } from '@9tangle/contracts';
import type { preHandlerHookHandler } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../http/errors.ts';
import type { mailRepo } from './mail.repo.ts';
import type { MailService } from './mail.service.ts';

type Row = Awaited<ReturnType<typeof mailRepo.findById>> & object;
const summary = (m: Row) => ({
  id: m.id,
  to: m.to,
  subject: m.subject,
  template: m.template,
  status: m.status,
  transport: m.transport,
  attempts: m.attempts,
  lastError: m.lastError,
  createdAt: m.createdAt.toISOString(),
  sentAt: m.sentAt?.toISOString() ?? null,
});

/** `/api/admin/mail`: the outbox and delivery log — every mail, its status, and a retry for failures. */
export const outboxRoutes =
  (d: { mail: MailService; requireAdmin: preHandlerHookHandler }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['admin'];
    const params = z.object({ id: z.uuid() });
    app.get(
      '/admin/mail',
      {
        preHandler: d.requireAdmin,
        schema: { tags, querystring: MailListQuery, response: { 200: MailList } },
      },
      async (req) => {
        const { items, total } = await d.mail.list(req.query);
        return {
          items: items.map(summary),
          pageInfo: {
            page: req.query.page,
            limit: req.query.limit,
            total,
            pages: Math.ceil(total / req.query.limit),
          },
        };
      },
    );
    app.get(
      '/admin/mail/:id',
      { preHandler: d.requireAdmin, schema: { tags, params, response: { 200: MailDetail } } },
      async (req) => {
        const m = await d.mail.read(req.params.id);
        if (!m) throw notFound('mail');
        return { ...summary(m), html: m.html, text: m.text };
      },
    );
    app.post(
      '/admin/mail/:id/retry',
      { preHandler: d.requireAdmin, schema: { tags, params, response: { 202: z.object({}) } } },
      async (req, reply) => {
        await d.mail.retry(req.params.id);
        return reply.code(202).send({});
      },
    );
  };
