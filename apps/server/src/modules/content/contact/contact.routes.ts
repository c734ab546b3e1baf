import {
  ContactBody,
  ContactMessageDto,
  ContactMessageList,
  ContactMessagePatch,
  ContactMessageQuery,
  ContactReceived,
} from '@9tangle/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { audit } from '../../operations/audit/audit-trail.ts';
import type { ContentRouteDeps } from '../content.deps.ts';
import type { ContactService } from './contact.service.ts';

const Id = z.object({ id: z.uuid() });
const target = (id: string) => ({ targetType: 'contact_message', targetId: id });

/** `POST /api/contact` (anyone); the inbox `/api/admin/contact-messages`: admins only. */
export const contactRoutes =
  (d: Pick<ContentRouteDeps, 'requireAdmin'> & { contact: ContactService }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['content'];
    const preHandler = d.requireAdmin;

    app.post(
      '/contact',
      { schema: { tags, body: ContactBody, response: { 202: ContactReceived } } },
      async (req, reply) => {
        await d.contact.submit(req.body, { ip: req.ip ?? null, userId: req.user?.id ?? null });
        return reply.code(202).send({ status: 'received' as const });
      },
    );
    app.get(
      '/admin/contact-messages',
      {
        preHandler,
        schema: { tags, querystring: ContactMessageQuery, response: { 200: ContactMessageList } },
      },
      (req) => d.contact.list(req.query),
    );
    app.get(
      '/admin/contact-messages/:id',
      { preHandler, schema: { tags, params: Id, response: { 200: ContactMessageDto } } },
      (req) => d.contact.get(req.params.id),
    );
    app.patch(
      '/admin/contact-messages/:id',
      {
        preHandler,
        schema: { tags, params: Id, body: ContactMessagePatch, response: { 200: ContactMessageDto } },
      },
      async (req) => {
        const { before, after } = await d.contact.setStatus(req.params.id, req.body.status);
        audit(req, {
          action: 'contact_message.status_changed',
          ...target(after.id),
          before: { status: before },
          after: { status: after.status },
        });
        return after;
      },
    );
    app.delete(
      '/admin/contact-messages/:id',
      { preHandler, schema: { tags, params: Id } },
      async (req, reply) => {
        const removed = await d.contact.deleteSpam(req.params.id);
        audit(req, {
          action: 'contact_message.deleted',
          ...target(removed.id),
          before: { subject: removed.subject, email: removed.email },
        });
        return reply.code(204).send();
      },
    );
  };
