import { AdminUserPatch, AuthEventList, AuthEventQuery, UserDto } from '@9tangle/contracts';
import type { preHandlerHookHandler } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { currentUser, requestMeta } from '../../http/auth.ts';
import type { AdminUsersService } from './admin-users.service.ts';
import { toUserDto } from './identity.mappers.ts';

/** `/api/admin/users/:id` (role, suspension) and `/api/admin/auth-events` (the security journal). */
export const adminUsersRoutes =
  (d: { adminUsers: AdminUsersService; requireAdmin: preHandlerHookHandler }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['admin'];
    app.patch(
      '/admin/users/:id',
      {
        preHandler: d.requireAdmin,
        schema: {
          tags,
          params: z.object({ id: z.uuid() }),
          body: AdminUserPatch,
          response: { 200: z.object({ user: UserDto }) },
        },
      },
      async (req) => ({
        user: toUserDto(
          await d.adminUsers.update(currentUser(req), req.params.id, req.body, requestMeta(req)),
        ),
      }),
    );

    app.get(
      '/admin/auth-events',
      {
        preHandler: d.requireAdmin,
        schema: { tags, querystring: AuthEventQuery, response: { 200: AuthEventList } },
      },
      async (req) => {
        const { items, total } = await d.adminUsers.listAuthEvents(req.query);
        return {
          items: items.map((e) => ({
            id: e.id,
            type: e.type as z.infer<typeof AuthEventList>['items'][number]['type'],
            userId: e.userId,
            actorId: e.actorId,
            email: e.email,
            ip: e.ip,
            userAgent: e.userAgent,
            details: e.details ?? null,
            createdAt: e.createdAt.toISOString(),
          })),
          pageInfo: {
            page: req.query.page,
            limit: req.query.limit,
            total,
            pages: Math.ceil(total / req.query.limit),
          },
        };
      },
    );
  };
