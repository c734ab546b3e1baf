import { ImpersonationResponse, StopImpersonationResponse } from '@9tangle/contracts';
import type { preHandlerHookHandler } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  clearSessionCookies,
  currentUser,
  requestMeta,
  requireUser,
  setSessionCookies,
} from '../../http/auth.ts';
import { audit } from '../operations/audit/audit-trail.ts';
import { toUserDto } from './identity.mappers.ts';
import { IMPERSONATION_TTL_MS, type ImpersonationService } from './impersonation.service.ts';
import type { SessionService } from './sessions.service.ts';

/** "Sign in as the user" (`POST /api/admin/users/:id/impersonate`) and its end (`POST /api/auth/impersonation/stop`). */
export const impersonationRoutes =
  (d: {
    impersonation: ImpersonationService;
    sessions: SessionService;
    cookie: { name: string; secure: boolean; maxAgeMs: number };
    requireAdmin: preHandlerHookHandler;
  }): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/admin/users/:id/impersonate',
      {
        preHandler: d.requireAdmin,
        schema: {
          tags: ['admin'],
          params: z.object({ id: z.uuid() }),
          response: { 200: ImpersonationResponse },
        },
      },
      async (req, reply) => {
        const r = await d.impersonation.start(currentUser(req), req.params.id, requestMeta(req));
        const csrfToken = d.sessions.csrfToken(r.session.id);
        setSessionCookies(reply, { ...d.cookie, maxAgeMs: IMPERSONATION_TTL_MS }, r.token, csrfToken);
        const expiresAt = r.session.expiresAt.toISOString();
        audit(req, {
          action: 'impersonation.started',
          targetType: 'user',
          targetId: r.user.id,
          after: { sessionId: r.session.id, expiresAt },
        });
        return { user: toUserDto(r.user), csrfToken, expiresAt };
      },
    );

    app.post(
      '/auth/impersonation/stop',
      { preHandler: requireUser, schema: { tags: ['auth'], response: { 200: StopImpersonationResponse } } },
      async (req, reply) => {
        const user = currentUser(req);
        const r = await d.impersonation.stop(user, requestMeta(req));
        audit(req, {
          action: 'impersonation.stopped',
          targetType: 'user',
          targetId: user.id,
          after: { sessionId: user.sessionId, returnedTo: r.admin?.id ?? null },
        });
        if (!r.admin || !r.token || !r.sessionId) {
          clearSessionCookies(reply, d.cookie);
          return { user: null, csrfToken: null };
        }
        const csrfToken = d.sessions.csrfToken(r.sessionId);
        setSessionCookies(reply, d.cookie, r.token, csrfToken);
        return { user: toUserDto(r.admin), csrfToken };
      },
    );
  };
