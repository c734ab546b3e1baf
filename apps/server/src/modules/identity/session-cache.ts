import { LRUCache } from 'lru-cache';

/** What the session read finds: the session's state and the user's (`sessionsRepo.findLiveStatement`). */
export interface LiveSession {
  session: { id: string; lastSeenAt: Date; expiresAt: Date; impersonatorId: string | null };
  user: {
    id: string;
    email: string;
    name: string;
    role: 'student' | 'instructor' | 'admin';
    emailVerifiedAt: Date | null;
    totpEnabledAt: Date | null;
    suspendedAt: Date | null;
    phone: string | null;
    avatarKey: string | null;
    createdAt: Date;
  };
}

/**
 * Every user change written by a process is told to that process's caches as it is written (below),
 * before the database announces it after the commit: the request that follows a revoke, a role change
 * or a suspension in the same process never meets the kept session, whatever the order in which the
 * commit and the announcement reach it. Each app's session cache adds itself here while it is open.
 */
export const userChangeListeners = new Set<(userId: string) => void>();

/** Tell this process's caches that a user (or one of their sessions) is being changed. */
export function userChanging(userId: string): void {
  for (const forget of userChangeListeners) forget(userId);
}

/**
 * The sessions this process has resolved, by token hash, kept while the database's announcements of
 * changes to users and sessions are heard (ADR 049): the session read is one statement on every signed-in
 * request, and a quarter of a signed-in read's CPU. A change to the user or the session drops the
 * user's kept sessions (`forgetUser`, on the announcement or, in the process that makes it, as it is
 * written); while the announcements cannot be heard nothing is kept, and nothing kept is used.
 *
 * A read that began before an announcement is never kept after it: `mark()` before the read, and
 * `keep` refuses a row read under an older mark. One counter for every user is coarse, but only costs a
 * miss, and announcements are rare (a sign-in, a profile change, a revoke).
 */
export function createSessionCache(o: { max?: number; ttlMs?: number } = {}) {
  const byUser = new Map<string, Set<string>>();
  const unindex = (userId: string, tokenHash: string) => {
    const hashes = byUser.get(userId);
    hashes?.delete(tokenHash);
    if (hashes?.size === 0) byUser.delete(userId);
  };
  const entries = new LRUCache<string, LiveSession>({
    max: o.max ?? 20_000,
    // A bound on how long anything is kept without being read again, whatever happens.
    ttl: o.ttlMs ?? 10 * 60_000,
    dispose: (row, tokenHash) => unindex(row.user.id, tokenHash),
  });
  let hearing = false;
  let epoch = 0;
  /** Resolutions answered from a kept session, and by a read of the database (`/metrics`). */
  const stats = { kept: 0, read: 0 };
  const clear = () => {
    epoch += 1;
    entries.clear();
    byUser.clear();
  };
  const forgetUser = (userId: string) => {
    epoch += 1;
    for (const tokenHash of [...(byUser.get(userId) ?? [])]) entries.delete(tokenHash);
  };
  return {
    stats,
    /** The kept session of a token hash; never while the announcements are not heard. */
    get: (tokenHash: string): LiveSession | undefined => (hearing ? entries.get(tokenHash) : undefined),
    /** Taken before the read whose row may be kept. */
    mark: () => epoch,
    /** Keep a row read since `mark`, unless a change was heard (or hearing stopped) in between. */
    keep(tokenHash: string, row: LiveSession, mark: number): void {
      if (!hearing || mark !== epoch) return;
      entries.set(tokenHash, row);
      const hashes = byUser.get(row.user.id) ?? new Set<string>();
      hashes.add(tokenHash);
      byUser.set(row.user.id, hashes);
    },
    forgetUser,
    /** An announcement: a user's id, or `*` for all of them (a table truncated). */
    heard: (payload: string) => (payload === '*' ? clear() : forgetUser(payload)),
    /** Listening (again): what was kept before may have missed announcements. */
    up: () => {
      clear();
      hearing = true;
    },
    down: () => {
      hearing = false;
      clear();
    },
    get size() {
      return entries.size;
    },
    get hearing() {
      return hearing;
    },
  };
}
export type SessionCache = ReturnType<typeof createSessionCache>;
