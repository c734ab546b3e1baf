import {
  AdminAnnouncement,
  AdminAnnouncementList,
  AdminAnnouncementQuery,
  AnnouncementBody,
  AnnouncementPatch,
  announcementAudienceOf,
  PublicAnnouncementList,
} from '@9tangle/contracts';
import type { preHandlerHookHandler } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { currentUser } from '../../../http/auth.ts';
import { audit } from '../../operations/audit/audit-trail.ts';
import type { AnnouncementsService } from './announcements.service.ts';

const Id = z.object({ id: z.uuid() });
const targetType = 'announcement';

/** `/api/admin/announcements` (list, create, edit, turn on or off, delete) and the public `/api/announcements`. */
export const announcementsRoutes =
  (d: { announcements: AnnouncementsService; requireAdmin: preHandlerHookHandler }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['admin'];
    const preHandler = d.requireAdmin;
    const s = d.announcements;

    app.get(
      '/announcements',
      { schema: { tags: ['content'], response: { 200: PublicAnnouncementList } } },
      async (req, reply) => {
        // Depends on who asks and on the clock: a browser may keep it, but must ask again each time.
        reply.header('cache-control', 'private, no-cache');
        return { items: await s.shownTo(announcementAudienceOf(req.user?.role)) };
      },
    );

    app.get(
      '/admin/announcements',
      {
        preHandler,
        schema: { tags, querystring: AdminAnnouncementQuery, response: { 200: AdminAnnouncementList } },
      },
      (req) => s.list(req.query),
    );
    app.get(
      '/admin/announcements/:id',
      { preHandler, schema: { tags, params: Id, response: { 200: AdminAnnouncement } } },
      (req) => s.get(req.params.id),
    );
    app.post(
      '/admin/announcements',
      { preHandler, schema: { tags, body: AnnouncementBody, response: { 201: AdminAnnouncement } } },
      async (req, reply) => {
        const after = await s.create(currentUser(req).id, req.body);
        audit(req, { action: 'announcement.created', targetType, targetId: after.id, after });
        return reply.code(201).send(after);
      },
    );
    app.patch(
      '/admin/announcements/:id',
      {
        preHandler,
        schema: { tags, params: Id, body: AnnouncementPatch, response: { 200: AdminAnnouncement } },
      },
      async (req) => {
        const { before, after } = await s.update(req.params.id, req.body);
        audit(req, { action: 'announcement.updated', targetType, targetId: after.id, before, after });
        return after;
      },
    );
    for (const [path, isActive] of [
      ['activate', true],
      ['deactivate', false],
    ] as const) {
      app.post(
        `/admin/announcements/:id/${path}`,
        { preHandler, schema: { tags, params: Id, response: { 200: AdminAnnouncement } } },
        async (req) => {
          const { before, after } = await s.setActive(req.params.id, isActive);
          audit(req, { action: `announcement.${path}d`, targetType, targetId: after.id, before, after });
          return after;
        },
      );
    }
    app.delete(
      '/admin/announcements/:id',
      { preHandler, schema: { tags, params: Id } },
      async (req, reply) => {
        const before = await s.delete(req.params.id);
        audit(req, { action: 'announcement.deleted', targetType, targetId: before.id, before });
        return reply.code(204).send();
      },
    );
  };
