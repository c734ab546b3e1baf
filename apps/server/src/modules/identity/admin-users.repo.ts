import type { AdminUserQuery, UserStatus } from '@9tangle/contracts';
import { and, asc, count, desc, eq, gt, ilike, isNotNull, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  courseInstructors,
  courseReviews,
  courses,
  enrollments,
  orders,
  productReviews,
  sessions,
  users,
} from '../../db/schema/index.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const like = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The latest activity of any of the user's sessions (one index range on `sessions_user_idx`). */
// Spelled out: drizzle may render a column of the outer table unqualified inside a subquery.
const lastSeen = sql<
  Date | string | null
>`(select max(s.last_seen_at) from sessions s where s.user_id = "users"."id")`;

/** Status in the same order of precedence as `statusOf`. */
const statusWhere = (s: UserStatus): SQL | undefined => {
  if (s === 'anonymised') return isNotNull(users.anonymisedAt);
  if (s === 'suspended') return and(isNull(users.anonymisedAt), isNotNull(users.suspendedAt));
  const live = and(isNull(users.anonymisedAt), isNull(users.suspendedAt));
  if (s === 'unverified') return and(live, isNull(users.emailVerifiedAt));
  return and(live, isNotNull(users.emailVerifiedAt));
};

export const statusOf = (u: {
  anonymisedAt: Date | null;
  suspendedAt: Date | null;
  emailVerifiedAt: Date | null;
}): UserStatus =>
  u.anonymisedAt ? 'anonymised' : u.suspendedAt ? 'suspended' : u.emailVerifiedAt ? 'active' : 'unverified';

/**
 * The admin's reads of accounts: the searchable list and what one account holds. Reads of other
 * domains' tables stay here, read-only, so the profile is a handful of indexed queries and no N+1.
 */
export const adminUsersRepo = {
  async list(x: Executor, q: AdminUserQuery) {
    const where: (SQL | undefined)[] = [];
    if (q.role) where.push(eq(users.role, q.role));
    if (q.status) where.push(statusWhere(q.status));
    if (q.q) {
      // An id or a whole address is looked up exactly, through the primary key or `users_email_key`;
      // anything else is a contains-search of the name and email (a scan: no trigram index yet).
      const words = like(q.q);
      const isEmail = /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(q.q);
      where.push(
        UUID.test(q.q)
          ? eq(users.id, q.q)
          : isEmail
            ? eq(users.email, q.q.toLowerCase())
            : or(ilike(users.name, words), ilike(users.email, words)),
      );
    }
    const cond = and(...where);
    const order = {
      newest: [desc(users.createdAt), desc(users.id)],
      oldest: [asc(users.createdAt), asc(users.id)],
      name: [asc(sql`lower(${users.name})`), asc(users.id)],
      last_seen: [sql`${lastSeen} desc nulls last`, desc(users.id)],
    }[q.sort];
    const [items, [total]] = await Promise.all([
      x
        .select({ user: users, lastSeenAt: lastSeen })
        .from(users)
        .where(cond)
        .orderBy(...order)
        .limit(q.limit)
        .offset((q.page - 1) * q.limit),
      x.select({ n: count() }).from(users).where(cond),
    ]);
    return { items, total: total?.n ?? 0 };
  },

  async lastSeen(x: Executor, userId: string): Promise<Date | null> {
    const [row] = await x
      .select({ at: sql<Date | null>`max(${sessions.lastSeenAt})` })
      .from(sessions)
      .where(eq(sessions.userId, userId));
    const at = row?.at ?? null;
    return at === null ? null : new Date(at);
  },

  async latestOrders(x: Executor, userId: string, limit: number) {
    return x
      .select({
        id: orders.id,
        number: orders.number,
        status: orders.status,
        currency: orders.currency,
        totalMinor: orders.totalMinor,
        refundedMinor: orders.refundedMinor,
        createdAt: orders.createdAt,
      })
      .from(orders)
      .where(eq(orders.userId, userId))
      .orderBy(desc(orders.createdAt))
      .limit(limit);
  },

  async latestEnrollments(x: Executor, userId: string, limit: number) {
    return x
      .select({
        id: enrollments.id,
        courseId: enrollments.courseId,
        courseTitle: courses.title,
        courseSlug: courses.slug,
        status: enrollments.status,
        source: enrollments.source,
        progressPercent: enrollments.progressPercent,
        grantedAt: enrollments.grantedAt,
        completedAt: enrollments.completedAt,
      })
      .from(enrollments)
      .innerJoin(courses, eq(courses.id, enrollments.courseId))
      .where(eq(enrollments.userId, userId))
      .orderBy(desc(enrollments.grantedAt))
      .limit(limit);
  },

  /** What stands in the way of a hard delete: the account's orders, enrollments, courses and reviews. */
  async recordCounts(x: Executor, userId: string) {
    const n = async (
      table:
        | typeof orders
        | typeof enrollments
        | typeof courseReviews
        | typeof productReviews
        | typeof courseInstructors,
    ) => {
      const [row] = await x.select({ n: count() }).from(table).where(eq(table.userId, userId));
      return Number(row?.n ?? 0);
    };
    // One after another: `x` may be a transaction, whose one connection runs one query at a time.
    const o = await n(orders);
    const e = await n(enrollments);
    const c = await n(courseInstructors);
    const cr = await n(courseReviews);
    const pr = await n(productReviews);
    return { orders: o, enrollments: e, courses: c, reviews: cr + pr };
  },

  /** Live sessions of the user, and how many of them an admin opened ("sign in as"). */
  async liveSessionCounts(x: Executor, userId: string, now: Date, idleSince: Date) {
    const [row] = await x
      .select({
        all: count(),
        impersonated: sql<number>`count(${sessions.impersonatorId})::int`,
      })
      .from(sessions)
      .where(
        and(
          eq(sessions.userId, userId),
          isNull(sessions.revokedAt),
          gt(sessions.expiresAt, now),
          gt(sessions.lastSeenAt, idleSince),
        ),
      );
    return { all: Number(row?.all ?? 0), impersonated: Number(row?.impersonated ?? 0) };
  },

  /**
   * Lock every admin row and count the active admins other than `exceptId`. Taken in the transaction
   * that demotes, suspends, anonymises or deletes an admin, so two admins acting on each other at once
   * queue up and the second sees the first's change: the academy never ends up with no admin.
   */
  async otherActiveAdmins(x: Executor, exceptId: string): Promise<number> {
    const rows = await x
      .select({ id: users.id, suspendedAt: users.suspendedAt, anonymisedAt: users.anonymisedAt })
      .from(users)
      .where(eq(users.role, 'admin'))
      .for('update');
    return rows.filter((r) => r.id !== exceptId && !r.suspendedAt && !r.anonymisedAt).length;
  },
};
