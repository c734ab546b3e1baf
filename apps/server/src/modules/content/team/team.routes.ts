import {
  ContentReorderBody,
  PublicTeamList,
  TeamMemberBody,
  TeamMemberDto,
  TeamMemberList,
  TeamMemberPatch,
} from '@9tangle/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readUploadedFile } from '../../../http/uploads.ts';
import { audit } from '../../operations/audit/audit-trail.ts';
import type { ContentRouteDeps } from '../content.deps.ts';
import { CONTENT_IMAGE_MAX_BYTES } from '../content-images.service.ts';
import type { TeamService } from './team.service.ts';

const Id = z.object({ id: z.uuid() });
const member = { 200: TeamMemberDto };
const target = (id: string) => ({ targetType: 'team_member', targetId: id });

/** Public `GET /api/team`; `/api/admin/team` CRUD, `/reorder` and the photo: admins only. */
export const teamRoutes =
  (d: ContentRouteDeps & { team: TeamService }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['content'];
    const preHandler = d.requireAdmin;

    app.get(
      '/team',
      {
        preHandler: d.caching.preHandler,
        onSend: d.caching.onSend,
        schema: { tags, response: { 200: PublicTeamList } },
      },
      () => d.team.listPublic(),
    );
    app.get('/admin/team', { preHandler, schema: { tags, response: { 200: TeamMemberList } } }, () =>
      d.team.listAll(),
    );
    app.post(
      '/admin/team',
      { preHandler, schema: { tags, body: TeamMemberBody, response: { 201: TeamMemberDto } } },
      async (req, reply) => {
        const created = await d.team.create(req.body);
        audit(req, { action: 'team_member.created', ...target(created.id), after: created });
        return reply.code(201).send(created);
      },
    );
    app.patch(
      '/admin/team/:id',
      { preHandler, schema: { tags, params: Id, body: TeamMemberPatch, response: member } },
      async (req) => {
        const { before, after } = await d.team.update(req.params.id, req.body);
        audit(req, { action: 'team_member.updated', ...target(after.id), before, after });
        return after;
      },
    );
    app.delete('/admin/team/:id', { preHandler, schema: { tags, params: Id } }, async (req, reply) => {
      const removed = await d.team.remove(req.params.id);
      audit(req, { action: 'team_member.deleted', ...target(removed.id), before: removed });
      return reply.code(204).send();
    });
    app.post(
      '/admin/team/reorder',
      { preHandler, schema: { tags, body: ContentReorderBody, response: { 200: TeamMemberList } } },
      async (req) => {
        audit(req, { action: 'team.reordered', after: req.body.ids });
        return d.team.reorder(req.body.ids);
      },
    );
    app.post(
      '/admin/team/:id/photo',
      { preHandler, schema: { tags, params: Id, consumes: ['multipart/form-data'], response: member } },
      async (req) => {
        const after = await d.team.setPhoto(
          req.params.id,
          await readUploadedFile(req, CONTENT_IMAGE_MAX_BYTES),
        );
        audit(req, {
          action: 'team_member.photo_set',
          ...target(after.id),
          after: { photoKey: after.photoKey },
        });
        return after;
      },
    );
    app.delete(
      '/admin/team/:id/photo',
      { preHandler, schema: { tags, params: Id, response: member } },
      async (req) => {
        const after = await d.team.removePhoto(req.params.id);
        audit(req, { action: 'team_member.photo_removed', ...target(after.id) });
        return after;
      },
    );
  };
