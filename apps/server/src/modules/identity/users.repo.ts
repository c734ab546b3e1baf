import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.ts';
import { sessions, type UserRow, users } from '../../db/schema/index.ts';
import { userChanging } from './session-cache.ts';

/** Queries on accounts and sessions. Every function takes the executor (db or transaction) first. */
export const usersRepo = {
  async findById(x: Executor, id: string): Promise<UserRow | undefined> {
    const [row] = await x.select().from(users).where(eq(users.id, id)).limit(1);
    return row;
  },
  async findByEmail(x: Executor, email: string): Promise<UserRow | undefined> {
    const [row] = await x.select().from(users).where(eq(users.email, email)).limit(1);
    return row;
  },
  async insert(x: Executor, values: typeof users.$inferInsert): Promise<UserRow> {
    const [row] = await x.insert(users).values(values).returning();
    return row as UserRow;
  },
  async update(x: Executor, id: string, values: Partial<typeof users.$inferInsert>): Promise<UserRow> {
    const [row] = await x
      .update(users)
      .set({ ...values, updatedAt: sql`now()` })
      .where(eq(users.id, id))
      .returning();
    userChanging(id);
    return row as UserRow;
  },
  /** Accept a TOTP step only if it is newer than the last one accepted (atomic: no replay under races). */
  async claimTotpStep(x: Executor, id: string, step: number): Promise<boolean> {
    const rows = await x
      .update(users)
      .set({ totpLastStep: step })
      .where(and(eq(users.id, id), sql`coalesce(${users.totpLastStep}, -1) < ${step}`))
      .returning({ id: users.id });
    return rows.length === 1;
  },
  async countAdmins(x: Executor): Promise<number> {
    const [row] = await x
      .select({ n: sql<number>`count(*)::int` })
      .from(users)
      .where(eq(users.role, 'admin'));
    return row?.n ?? 0;
  },
};

export const sessionsRepo = {
  async insert(x: Executor, values: typeof sessions.$inferInsert) {
    const [row] = await x.insert(sessions).values(values).returning();
    return row as typeof sessions.$inferSelect;
  },
  /**
   * The live session with this token hash and the user fields a request needs, in one indexed query —
   * prepared once per connection: every signed-in request runs it, so PostgreSQL parses and plans it
   * once instead of each time, and Drizzle builds its SQL once.
   */
  findLiveStatement(db: Db) {
    return db
      .select({
        session: {
          id: sessions.id,
          lastSeenAt: sessions.lastSeenAt,
          expiresAt: sessions.expiresAt,
          impersonatorId: sessions.impersonatorId,
        },
        user: {
          id: users.id,
          email: users.email,
          name: users.name,
          role: users.role,
          emailVerifiedAt: users.emailVerifiedAt,
          totpEnabledAt: users.totpEnabledAt,
          suspendedAt: users.suspendedAt,
          phone: users.phone,
          avatarKey: users.avatarKey,
          createdAt: users.createdAt,
        },
      })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(
        and(
          eq(sessions.tokenHash, sql.placeholder('tokenHash')),
          isNull(sessions.revokedAt),
          gt(sessions.expiresAt, sql.placeholder('now')),
          gt(sessions.lastSeenAt, sql.placeholder('idleSince')),
        ),
      )
      .limit(1)
      .prepare('session_find_live');
  },
  async touch(x: Executor, id: string, now: Date) {
    await x.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
  },
  async listLive(x: Executor, userId: string, now: Date, idleSince: Date) {
    return x
      .select()
      .from(sessions)
      .where(
        and(
          eq(sessions.userId, userId),
          isNull(sessions.revokedAt),
          gt(sessions.expiresAt, now),
          gt(sessions.lastSeenAt, idleSince),
        ),
      )
      .orderBy(sql`${sessions.lastSeenAt} desc`);
  },
  /** Revoke one of the user's sessions; false when it is not theirs or already revoked. */
  async revoke(x: Executor, userId: string, id: string, now: Date): Promise<boolean> {
    const rows = await x
      .update(sessions)
      .set({ revokedAt: now })
      .where(and(eq(sessions.id, id), eq(sessions.userId, userId), isNull(sessions.revokedAt)))
      .returning({ id: sessions.id });
    userChanging(userId);
    return rows.length === 1;
  },
  async revokeById(x: Executor, id: string, now: Date): Promise<boolean> {
    const rows = await x
      .update(sessions)
      .set({ revokedAt: now })
      .where(and(eq(sessions.id, id), isNull(sessions.revokedAt)))
      .returning({ id: sessions.id, userId: sessions.userId });
    for (const r of rows) userChanging(r.userId);
    return rows.length === 1;
  },
  /** Revoke every session of a user, optionally keeping one (the one that changed the password). */
  async revokeAll(x: Executor, userId: string, now: Date, exceptId?: string): Promise<number> {
    const rows = await x
      .update(sessions)
      .set({ revokedAt: now })
      .where(
        and(
          eq(sessions.userId, userId),
          isNull(sessions.revokedAt),
          exceptId ? sql`${sessions.id} <> ${exceptId}` : undefined,
        ),
      )
      .returning({ id: sessions.id });
    userChanging(userId);
    return rows.length;
  },
};
