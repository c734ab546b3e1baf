import { conflict, notFound } from '../../http/errors.ts';
import { authEventsRepo } from './auth-events.ts';
import type { IdentityDeps } from './identity.deps.ts';
import { canImpersonate } from './identity.policy.ts';
import type { CurrentUser, RequestMeta } from './identity.types.ts';
import { usersRepo } from './users.repo.ts';

/** An impersonated session ends on its own after an hour, however active it is. */
export const IMPERSONATION_TTL_MS = 60 * 60_000;

/**
 * "Sign in as the user": a short-lived session for the target that names the admin behind it. The
 * admin's own session is left alone; ending the impersonation revokes the borrowed session and opens
 * a fresh one for the admin (the borrowed session, which names them, is the proof). Money and
 * credentials are out of reach of such a session (`canMakeRequest`, enforced in `http/auth.ts`).
 */
export function createImpersonationService(d: Pick<IdentityDeps, 'database' | 'sessions'>) {
  const { database } = d;
  return {
    async start(actor: CurrentUser, targetId: string, meta: RequestMeta) {
      const target = await usersRepo.findById(database.db, targetId);
      if (!target) throw notFound('user');
      if (!canImpersonate(actor, target)) {
        const reason =
          actor.id === target.id
            ? 'You are already signed in as yourself.'
            : target.role === 'admin'
              ? 'You cannot sign in as another admin.'
              : 'You cannot sign in as a suspended or anonymised account.';
        throw conflict('cannot_impersonate', reason);
      }
      const { token, session } = await database.db.transaction(async (tx) => {
        const s = await d.sessions.create(tx, target.id, meta, actor.id, IMPERSONATION_TTL_MS);
        await authEventsRepo.record(tx, meta, {
          type: 'impersonation_started',
          userId: target.id,
          actorId: actor.id,
          details: { sessionId: s.session.id, expiresAt: s.session.expiresAt.toISOString() },
        });
        return s;
      });
      return { user: target, token, session };
    },

    /**
     * End the impersonation this request is made in. The admin gets a fresh session only if they are
     * still an active admin; otherwise they are simply signed out.
     */
    async stop(current: CurrentUser, meta: RequestMeta) {
      if (!current.impersonatorId)
        throw conflict('not_impersonating', 'You are not signed in as another user.');
      const impersonatorId = current.impersonatorId;
      const admin = await usersRepo.findById(database.db, impersonatorId);
      const isActiveAdmin = !!admin && admin.role === 'admin' && !admin.suspendedAt && !admin.anonymisedAt;
      const opened = await database.db.transaction(async (tx) => {
        await d.sessions.revokeById(tx, current.sessionId);
        await authEventsRepo.record(tx, meta, {
          type: 'impersonation_stopped',
          userId: current.id,
          actorId: impersonatorId,
          details: { sessionId: current.sessionId },
        });
        return isActiveAdmin ? d.sessions.create(tx, impersonatorId, meta) : null;
      });
      if (!opened || !admin) return { admin: null, token: null, sessionId: null };
      return { admin, token: opened.token, sessionId: opened.session.id };
    },

    /** The admin behind an impersonated session, for `/api/auth/me` and the banner. */
    async impersonator(current: Pick<CurrentUser, 'impersonatorId'>) {
      if (!current.impersonatorId) return null;
      const admin = await usersRepo.findById(database.db, current.impersonatorId);
      return admin ? { id: admin.id, name: admin.name, email: admin.email } : null;
    },
  };
}
export type ImpersonationService = ReturnType<typeof createImpersonationService>;
