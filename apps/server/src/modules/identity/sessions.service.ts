import type { Database, Executor } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { randomToken, type Secrets, safeEqual, sha256 } from '../../platform/crypto.ts';
import type { CurrentUser, RequestMeta } from './identity.types.ts';
import { sessionsRepo } from './users.repo.ts';

const TOUCH_EVERY_MS = 60_000;

/**
 * Server-side sessions: an opaque 256-bit token in the cookie (or a Bearer header), its SHA-256 in the
 * database. Each request reads the session and its user afresh, so a revoke, a role change or a
 * suspension takes effect on the very next request.
 */
export function createSessionService(deps: {
  database: Database;
  clock: Clock;
  secrets: Secrets;
  idleMs: number;
  absoluteMs: number;
}) {
  const { database, clock } = deps;
  const idleSince = (now: Date) => new Date(now.getTime() - deps.idleMs);
  return {
    /** A new session; an impersonated one (`impersonatorId`) is given a shorter `absoluteMs`. */
    async create(
      x: Executor,
      userId: string,
      meta: RequestMeta,
      impersonatorId: string | null = null,
      absoluteMs: number = deps.absoluteMs,
    ) {
      const token = randomToken();
      const now = clock.now();
      const session = await sessionsRepo.insert(x, {
        userId,
        tokenHash: sha256(token),
        ip: meta.ip,
        userAgent: meta.userAgent?.slice(0, 500) ?? null,
        impersonatorId,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + absoluteMs),
      });
      return { token, session };
    },
    /** The user of a live session token, or null (unknown, revoked, idle or expired, or suspended user). */
    async resolve(token: string): Promise<CurrentUser | null> {
      if (token.length < 20 || token.length > 100) return null;
      const now = clock.now();
      const row = await sessionsRepo.findLive(database.db, sha256(token), now, idleSince(now));
      if (!row || row.user.suspendedAt) return null;
      if (now.getTime() - row.session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
        await sessionsRepo.touch(database.db, row.session.id, now);
      }
      const u = row.user;
      return {
        id: u.id,
        email: u.email,
        name: u.name,
        role: u.role,
        emailVerified: u.emailVerifiedAt !== null,
        twoFactorEnabled: u.totpEnabledAt !== null,
        sessionId: row.session.id,
        impersonatorId: row.session.impersonatorId,
      };
    },
    async list(userId: string) {
      const now = clock.now();
      return sessionsRepo.listLive(database.db, userId, now, idleSince(now));
    },
    /** Revoke a session by id, whoever it belongs to (ending an impersonation); false if already gone. */
    revokeById: (x: Executor, sessionId: string) => sessionsRepo.revokeById(x, sessionId, clock.now()),
    revoke: (userId: string, sessionId: string) =>
      sessionsRepo.revoke(database.db, userId, sessionId, clock.now()),
    revokeAll: (x: Executor, userId: string, exceptId?: string) =>
      sessionsRepo.revokeAll(x, userId, clock.now(), exceptId),
    /** The CSRF token of a session: an HMAC of its id, so nothing more is stored. */
    csrfToken: (sessionId: string) => deps.secrets.hmac('csrf', sessionId),
    checkCsrf: (sessionId: string, token: string) =>
      deps.secrets.hmacCandidates('csrf', sessionId).some((t) => safeEqual(t, token)),
  };
}
export type SessionService = ReturnType<typeof createSessionService>;
