import type { AdminUserDetail, AdminUserQuery, AuthEventQuery, Role } from '@9tangle/contracts';
import { badRequest, conflict, notFound } from '../../http/errors.ts';
import { adminUsersRepo, statusOf } from './admin-users.repo.ts';
import { authEventsRepo } from './auth-events.ts';
import type { IdentityDeps } from './identity.deps.ts';
import { toAdminUserSummary, toAuthEventDto, toUserDto } from './identity.mappers.ts';
import { canAdministerUser } from './identity.policy.ts';
import type { CurrentUser, RequestMeta } from './identity.types.ts';
import { usersRepo } from './users.repo.ts';

const ORDERS_SHOWN = 10;
const ENROLLMENTS_SHOWN = 50;
const EVENTS_SHOWN = 20;

/** What an admin change did, for the audit log (`user.role_changed`, `user.suspended`, …). */
export interface UserChange {
  action: 'user.role_changed' | 'user.suspended' | 'user.unsuspended' | null;
  before: { role: Role; suspended: boolean };
  after: { role: Role; suspended: boolean };
}

/** The admin's users area: search, profile, role changes and suspension, the security journal. */
export function createAdminUsersService(
  d: Pick<IdentityDeps, 'database' | 'clock' | 'sessions'> & { idleMs: number },
) {
  const { database, clock } = d;
  return {
    /** The searchable, filtered list; one query for the page (last seen included) and one for the total. */
    async list(q: AdminUserQuery) {
      const { items, total } = await adminUsersRepo.list(database.db, q);
      return { items: items.map((r) => toAdminUserSummary(r.user, r.lastSeenAt)), total };
    },

    /** One account: profile, latest orders, enrollments, journal, sessions and what blocks a delete. */
    async get(userId: string): Promise<AdminUserDetail> {
      const db = database.db;
      const user = await usersRepo.findById(db, userId);
      if (!user) throw notFound('user');
      const now = clock.now();
      const [lastSeenAt, orders, enrollments, events, sessionCounts, counts] = await Promise.all([
        adminUsersRepo.lastSeen(db, userId),
        adminUsersRepo.latestOrders(db, userId, ORDERS_SHOWN),
        adminUsersRepo.latestEnrollments(db, userId, ENROLLMENTS_SHOWN),
        authEventsRepo.list(db, { page: 1, limit: EVENTS_SHOWN, userId }),
        adminUsersRepo.liveSessionCounts(db, userId, now, new Date(now.getTime() - d.idleMs)),
        adminUsersRepo.recordCounts(db, userId),
      ]);
      return {
        user: {
          ...toUserDto(user),
          status: statusOf(user),
          suspendedAt: user.suspendedAt?.toISOString() ?? null,
          anonymisedAt: user.anonymisedAt?.toISOString() ?? null,
          lastSeenAt: lastSeenAt?.toISOString() ?? null,
        },
        orders: orders.map((o) => ({ ...o, createdAt: o.createdAt.toISOString() })),
        enrollments: enrollments.map((e) => ({
          ...e,
          grantedAt: e.grantedAt.toISOString(),
          completedAt: e.completedAt?.toISOString() ?? null,
        })),
        authEvents: events.items.map((r) => toAuthEventDto(r.event, r)),
        activeSessions: sessionCounts.all,
        impersonatedSessions: sessionCounts.impersonated,
        counts,
        canDelete: counts.orders + counts.enrollments + counts.courses + counts.reviews === 0,
      };
    },

    /**
     * Change a role or suspend. Never your own account, never an anonymised one, and never the last
     * active admin (`last_admin`): the check runs under a lock on the admin rows, so two admins demoting
     * each other at the same moment cannot both succeed.
     */
    async update(
      actor: CurrentUser,
      userId: string,
      patch: { role?: Role; suspended?: boolean },
      meta: RequestMeta,
    ) {
      const found = await usersRepo.findById(database.db, userId);
      if (!found) throw notFound('user');
      if (!canAdministerUser(actor, userId))
        throw badRequest('cannot_change_own_role', 'You cannot change your own role or suspend yourself.');
      if (found.anonymisedAt)
        throw conflict('already_anonymised', 'This account was anonymised; it cannot be changed.');
      return database.db.transaction(async (tx) => {
        const demotes = patch.role !== undefined && patch.role !== 'admin';
        if (found.role === 'admin' && (demotes || patch.suspended === true)) {
          if ((await adminUsersRepo.otherActiveAdmins(tx, userId)) === 0)
            throw conflict('last_admin', 'This is the last active admin; make another admin first.');
        }
        // Read again under the lock: the row as it is now, not as it was before we waited.
        const target = (await usersRepo.findById(tx, userId)) ?? found;
        let user = target;
        const before = { role: target.role, suspended: target.suspendedAt !== null };
        let action: UserChange['action'] = null;
        if (patch.suspended !== undefined && patch.suspended !== before.suspended) {
          user = await usersRepo.update(tx, userId, { suspendedAt: patch.suspended ? clock.now() : null });
          // Suspension ends every session at once, not only on the next lookup.
          if (patch.suspended) await d.sessions.revokeAll(tx, userId);
          await authEventsRepo.record(tx, meta, {
            type: patch.suspended ? 'suspended' : 'unsuspended',
            userId,
            actorId: actor.id,
          });
          action = patch.suspended ? 'user.suspended' : 'user.unsuspended';
        }
        if (patch.role && patch.role !== target.role) {
          user = await usersRepo.update(tx, userId, { role: patch.role });
          await authEventsRepo.record(tx, meta, {
            type: 'role_changed',
            userId,
            actorId: actor.id,
            details: { from: target.role, to: patch.role },
          });
          action = 'user.role_changed';
        }
        const change: UserChange = {
          action,
          before,
          after: { role: user.role, suspended: user.suspendedAt !== null },
        };
        return { user, change };
      });
    },

    /** The security journal with its filters, and the counts by type over the same range. */
    async listAuthEvents(q: AuthEventQuery) {
      const [{ items, total }, summary] = await Promise.all([
        authEventsRepo.list(database.db, q),
        authEventsRepo.summary(database.db, q),
      ]);
      return { items: items.map((r) => toAuthEventDto(r.event, r)), total, summary };
    },
  };
}
export type AdminUsersService = ReturnType<typeof createAdminUsersService>;
