import {
  ContentReorderBody,
  FaqEntryBody,
  FaqEntryDto,
  FaqEntryList,
  FaqEntryPatch,
  PublicFaq,
} from '@9tangle/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { audit } from '../../operations/audit/audit-trail.ts';
import type { ContentRouteDeps } from '../content.deps.ts';
import type { FaqService } from './faq.service.ts';

const Id = z.object({ id: z.uuid() });
const target = (id: string) => ({ targetType: 'faq_entry', targetId: id });

/** Public `GET /api/faq`; `/api/admin/faq` CRUD and `/reorder`: admins only. */
export const faqRoutes =
  (d: ContentRouteDeps & { faq: FaqService }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['content'];
    const preHandler = d.requireAdmin;

    app.get(
      '/faq',
      {
        preHandler: d.caching.preHandler,
        onSend: d.caching.onSend,
        schema: { tags, response: { 200: PublicFaq } },
      },
      () => d.faq.listPublic(),
    );
    app.get('/admin/faq', { preHandler, schema: { tags, response: { 200: FaqEntryList } } }, () =>
      d.faq.listAll(),
    );
    app.post(
      '/admin/faq',
      { preHandler, schema: { tags, body: FaqEntryBody, response: { 201: FaqEntryDto } } },
      async (req, reply) => {
        const created = await d.faq.create(req.body);
        audit(req, { action: 'faq_entry.created', ...target(created.id), after: created });
        return reply.code(201).send(created);
      },
    );
    app.patch(
      '/admin/faq/:id',
      { preHandler, schema: { tags, params: Id, body: FaqEntryPatch, response: { 200: FaqEntryDto } } },
      async (req) => {
        const { before, after } = await d.faq.update(req.params.id, req.body);
        audit(req, { action: 'faq_entry.updated', ...target(after.id), before, after });
        return after;
      },
    );
    app.delete('/admin/faq/:id', { preHandler, schema: { tags, params: Id } }, async (req, reply) => {
      const removed = await d.faq.remove(req.params.id);
      audit(req, { action: 'faq_entry.deleted', ...target(removed.id), before: removed });
      return reply.code(204).send();
    });
    app.post(
      '/admin/faq/reorder',
      { preHandler, schema: { tags, body: ContentReorderBody, response: { 200: FaqEntryList } } },
      async (req) => {
        audit(req, { action: 'faq.reordered', after: req.body.ids });
        return d.faq.reorder(req.body.ids);
      },
    );
  };
