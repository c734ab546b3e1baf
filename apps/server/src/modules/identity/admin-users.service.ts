import type { Role } from '@9tangle/contracts';
import { badRequest, notFound } from '../../http/errors.ts';
import { authEventsRepo } from './auth-events.ts';
import type { IdentityDeps } from './identity.deps.ts';
import { canAdministerUser } from './identity.policy.ts';
import type { CurrentUser, RequestMeta } from './identity.types.ts';
import { usersRepo } from './users.repo.ts';

/** Role changes and suspension by an admin; both take effect on the user's next request. */
export function createAdminUsersService(d: Pick<IdentityDeps, 'database' | 'clock' | 'sessions'>) {
  const { database, clock } = d;
  return {
    async update(
      actor: CurrentUser,
      userId: string,
      patch: { role?: Role; suspended?: boolean },
      meta: RequestMeta,
    ) {
      const target = await usersRepo.findById(database.db, userId);
      if (!target) throw notFound('user');
      if (!canAdministerUser(actor, userId))
        throw badRequest('cannot_change_own_role', 'You cannot change your own role or suspend yourself.');
      return database.db.transaction(async (tx) => {
        let user = target;
        if (patch.role && patch.role !== target.role) {
          user = await usersRepo.update(tx, userId, { role: patch.role });
          await authEventsRepo.record(tx, meta, {
            type: 'role_changed',
            userId,
            actorId: actor.id,
            details: { from: target.role, to: patch.role },
          });
        }
        if (patch.suspended !== undefined && patch.suspended !== (target.suspendedAt !== null)) {
          user = await usersRepo.update(tx, userId, { suspendedAt: patch.suspended ? clock.now() : null });
          // Suspension ends every session at once, not only on the next lookup.
          if (patch.suspended) await d.sessions.revokeAll(tx, userId);
          await authEventsRepo.record(tx, meta, {
            type: patch.suspended ? 'suspended' : 'unsuspended',
            userId,
            actorId: actor.id,
          });
        }
        return user;
      });
    },
    listAuthEvents: (q: Parameters<typeof authEventsRepo.list>[1]) => authEventsRepo.list(database.db, q),
  };
}
export type AdminUsersService = ReturnType<typeof createAdminUsersService>;
