import {
  AdminUserDetail,
  AdminUserList,
  AdminUserPatch,
  AdminUserQuery,
  AnonymiseUserBody,
  AuthEventList,
  AuthEventQuery,
  UserDto,
} from '@9tangle/contracts';
import type { preHandlerHookHandler } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { currentUser, requestMeta } from '../../http/auth.ts';
import { audit } from '../operations/audit/audit-trail.ts';
import type { AdminUsersService } from './admin-users.service.ts';
import type { AnonymiseService } from './anonymise.service.ts';
import { toUserDto } from './identity.mappers.ts';

const Params = z.object({ id: z.uuid() });
const pageInfo = (q: { page: number; limit: number }, total: number) => ({
  page: q.page,
  limit: q.limit,
  total,
  pages: Math.ceil(total / q.limit),
});

/** `/api/admin/users` (search, profile, role, suspension, anonymise, delete) and `/api/admin/auth-events`. */
export const adminUsersRoutes =
  (d: {
    adminUsers: AdminUsersService;
    anonymise: AnonymiseService;
    requireAdmin: preHandlerHookHandler;
  }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['admin'];
    const preHandler = d.requireAdmin;

    app.get(
      '/admin/users',
      { preHandler, schema: { tags, querystring: AdminUserQuery, response: { 200: AdminUserList } } },
      async (req) => {
        const { items, total } = await d.adminUsers.list(req.query);
        return { items, pageInfo: pageInfo(req.query, total) };
      },
    );

    app.get(
      '/admin/users/:id',
      { preHandler, schema: { tags, params: Params, response: { 200: AdminUserDetail } } },
      async (req) => d.adminUsers.get(req.params.id),
    );

    app.patch(
      '/admin/users/:id',
      {
        preHandler,
        schema: {
          tags,
          params: Params,
          body: AdminUserPatch,
          response: { 200: z.object({ user: UserDto }) },
        },
      },
      async (req) => {
        const { user, change } = await d.adminUsers.update(
          currentUser(req),
          req.params.id,
          req.body,
          requestMeta(req),
        );
        if (change.action)
          audit(req, {
            action: change.action,
            targetType: 'user',
            targetId: user.id,
            before: change.before,
            after: change.after,
          });
        return { user: toUserDto(user) };
      },
    );

    app.post(
      '/admin/users/:id/anonymise',
      {
        preHandler,
        schema: {
          tags,
          params: Params,
          body: AnonymiseUserBody,
          response: { 200: z.object({ user: UserDto }) },
        },
      },
      async (req) => {
        const r = await d.anonymise.anonymise(
          currentUser(req),
          req.params.id,
          req.body.confirmEmail,
          requestMeta(req),
        );
        audit(req, {
          action: 'user.anonymised',
          targetType: 'user',
          targetId: req.params.id,
          before: r.before,
          after: r.after,
        });
        return { user: toUserDto(r.user) };
      },
    );

    app.delete('/admin/users/:id', { preHandler, schema: { tags, params: Params } }, async (req, reply) => {
      const r = await d.anonymise.hardDelete(currentUser(req), req.params.id);
      audit(req, {
        action: 'user.deleted',
        targetType: 'user',
        targetId: req.params.id,
        before: r.before,
        after: null,
      });
      return reply.code(204).send();
    });

    app.get(
      '/admin/auth-events',
      { preHandler, schema: { tags, querystring: AuthEventQuery, response: { 200: AuthEventList } } },
      async (req) => {
        const { items, total, summary } = await d.adminUsers.listAuthEvents(req.query);
        return { items, summary, pageInfo: pageInfo(req.query, total) };
      },
    );
  };
