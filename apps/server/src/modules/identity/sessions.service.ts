import type { Database, Executor } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { randomToken, type Secrets, safeEqual, sha256 } from '../../platform/crypto.ts';
import type { CurrentUser, RequestMeta } from './identity.types.ts';
import {
  createSessionCache,
  type LiveSession,
  type SessionCache,
  userChangeListeners,
} from './session-cache.ts';
import { sessionsRepo } from './users.repo.ts';

const TOUCH_EVERY_MS = 60_000;

/**
 * Server-side sessions: an opaque 256-bit token in the cookie (or a Bearer header), its SHA-256 in the
 * database. A revoke, a role change or a suspension takes effect on the very next request: the
 * session read is kept in each process only while the database's announcements of such changes are
 * heard, and dropped on each (ADR 049).
 */
export function createSessionService(deps: {
  database: Database;
  clock: Clock;
  secrets: Secrets;
  idleMs: number;
  absoluteMs: number;
  /** The sessions kept in this process (a fresh one by default; `listenForAuthChanges` feeds it). */
  cache?: SessionCache;
}) {
  const { database, clock } = deps;
  const idleSince = (now: Date) => new Date(now.getTime() - deps.idleMs);
  const findLive = sessionsRepo.findLiveStatement(database.db);
  const cache = deps.cache ?? createSessionCache();
  const isLive = (r: LiveSession, now: Date) =>
    r.session.expiresAt > now && r.session.lastSeenAt > idleSince(now);
  /** Last seen written at most once a minute a session (and a process); the kept row follows. */
  const touched = async (r: LiveSession, now: Date) => {
    if (now.getTime() - r.session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
      await sessionsRepo.touch(database.db, r.session.id, now);
      r.session.lastSeenAt = now;
    }
    return r;
  };
  return {
    cache,
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
    /**
     * The user of a live session token, or null (unknown, revoked, idle or expired, or suspended user).
     * From the kept sessions of this process when it has one still live (ADR 049), else read and kept.
     */
    async resolve(token: string): Promise<CurrentUser | null> {
      if (token.length < 20 || token.length > 100) return null;
      const now = clock.now();
      const tokenHash = sha256(token);
      const kept = cache.get(tokenHash);
      // A kept session that looks idle may have been seen by another process since: read it again.
      if (kept && isLive(kept, now)) {
        cache.stats.kept += 1;
        return asCurrentUser(await touched(kept, now));
      }
      cache.stats.read += 1;
      const mark = cache.mark();
      const [row] = await findLive.execute({ tokenHash, now, idleSince: idleSince(now) });
      if (!row || row.user.suspendedAt) return null;
      cache.keep(tokenHash, row, mark);
      return asCurrentUser(await touched(row, now));
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

function asCurrentUser({ session, user: u }: LiveSession): CurrentUser {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    emailVerified: u.emailVerifiedAt !== null,
    twoFactorEnabled: u.totpEnabledAt !== null,
    sessionId: session.id,
    impersonatorId: session.impersonatorId,
    phone: u.phone,
    avatarKey: u.avatarKey,
    createdAt: u.createdAt,
  };
}

/**
 * Feed a session cache with the database's announcements of changes to users and sessions (migration
 * 0010), and with this process's own changes as they are written. Resolves with the function that
 * stops both (the app's close).
 */
export async function listenForAuthChanges(database: Database, cache: SessionCache) {
  userChangeListeners.add(cache.forgetUser);
  const stop = await database.listen('auth_changed', {
    up: cache.up,
    down: cache.down,
    message: cache.heard,
  });
  return async () => {
    userChangeListeners.delete(cache.forgetUser);
    await stop();
    cache.down();
  };
}
