import type { CertificateStatus } from '@9tangle/contracts';
import {
  and,
  count,
  desc,
  eq,
  getTableColumns,
  ilike,
  isNotNull,
  isNull,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../../db/client.ts';
import { type CertificateRow, certificates, courses, enrollments, users } from '../../../db/schema/index.ts';

/** A certificate with the slug of its course while the course is published (for a link to it). */
export type CertificateWithCourse = CertificateRow & { courseSlug: string | null };

const withCourse = {
  ...getTableColumns(certificates),
  courseSlug: sql<string | null>`case when ${courses.status} = 'published' then ${courses.slug} end`,
};
const revoker = alias(users, 'revoker');

/** Escape LIKE wildcards so a search for "100%" means the characters, not a pattern. */
const likeTerm = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export const certificatesRepo = {
  async find(x: Executor, userId: string, courseId: string): Promise<CertificateRow | undefined> {
    const [row] = await x
      .select()
      .from(certificates)
      .where(and(eq(certificates.userId, userId), eq(certificates.courseId, courseId)))
      .limit(1);
    return row;
  },
  /**
   * Insert unless the student already has a certificate for the course: concurrent completions race
   * on the (user, course) unique index and exactly one row wins. Nothing comes back for the losers.
   */
  async insertOnce(x: Executor, v: typeof certificates.$inferInsert): Promise<CertificateRow | undefined> {
    const [row] = await x
      .insert(certificates)
      .values(v)
      .onConflictDoNothing({ target: [certificates.userId, certificates.courseId] })
      .returning();
    return row;
  },
  async byCode(x: Executor, code: string): Promise<CertificateWithCourse | undefined> {
    const [row] = await x
      .select(withCourse)
      .from(certificates)
      .innerJoin(courses, eq(courses.id, certificates.courseId))
      .where(eq(certificates.code, code))
      .limit(1);
    return row;
  },
  async byId(x: Executor, id: string): Promise<CertificateRow | undefined> {
    const [row] = await x.select().from(certificates).where(eq(certificates.id, id)).limit(1);
    return row;
  },
  /** The student's certificates, newest first. */
  async listForUser(x: Executor, userId: string): Promise<CertificateWithCourse[]> {
    return x
      .select(withCourse)
      .from(certificates)
      .innerJoin(courses, eq(courses.id, certificates.courseId))
      .where(eq(certificates.userId, userId))
      .orderBy(desc(certificates.issuedAt), desc(certificates.id));
  },
  /** Courses the student completed (and still holds) that have no certificate yet, in one query. */
  async completedWithout(x: Executor, userId: string): Promise<{ courseId: string }[]> {
    return x
      .select({ courseId: enrollments.courseId })
      .from(enrollments)
      .leftJoin(
        certificates,
        and(eq(certificates.userId, enrollments.userId), eq(certificates.courseId, enrollments.courseId)),
      )
      .where(
        and(
          eq(enrollments.userId, userId),
          eq(enrollments.status, 'active'),
          isNotNull(enrollments.completedAt),
          isNull(certificates.id),
        ),
      );
  },
  /**
   * The admin's list: newest first, searched by code, student name or course title, with the holder's
   * address and the revoking admin's name joined in (one query for the page, one for the count).
   */
  async adminList(
    x: Executor,
    q: { code: string | null; q?: string; status?: CertificateStatus; page: number; limit: number },
  ) {
    const filters: (SQL | undefined)[] = [
      q.status === 'revoked' ? isNotNull(certificates.revokedAt) : undefined,
      q.status === 'valid' ? isNull(certificates.revokedAt) : undefined,
    ];
    if (q.q) {
      const term = likeTerm(q.q);
      filters.push(
        or(
          q.code ? eq(certificates.code, q.code) : undefined,
          ilike(certificates.code, term),
          ilike(certificates.studentName, term),
          ilike(certificates.courseTitle, term),
          ilike(users.email, term),
        ),
      );
    }
    const where = and(...filters);
    const [items, [total]] = await Promise.all([
      adminRows(x, where)
        .orderBy(desc(certificates.issuedAt), desc(certificates.id))
        .limit(q.limit)
        .offset((q.page - 1) * q.limit),
      x
        .select({ n: count() })
        .from(certificates)
        .leftJoin(users, eq(users.id, certificates.userId))
        .where(where),
    ]);
    return { items, total: total?.n ?? 0 };
  },
  /** One certificate as the admin's list shows it. */
  async adminById(x: Executor, id: string) {
    const [row] = await adminRows(x, eq(certificates.id, id)).limit(1);
    return row;
  },
  /** Revoke a valid certificate; false when it was revoked already (nothing changes). */
  async revoke(x: Executor, id: string, v: { at: Date; by: string; reason: string }): Promise<boolean> {
    const rows = await x
      .update(certificates)
      .set({ revokedAt: v.at, revokedBy: v.by, revokeReason: v.reason })
      .where(and(eq(certificates.id, id), isNull(certificates.revokedAt)))
      .returning({ id: certificates.id });
    return rows.length === 1;
  },
  /** Make a revoked certificate valid again; false when it was not revoked. */
  async restore(x: Executor, id: string): Promise<boolean> {
    const rows = await x
      .update(certificates)
      .set({ revokedAt: null, revokedBy: null, revokeReason: null })
      .where(and(eq(certificates.id, id), isNotNull(certificates.revokedAt)))
      .returning({ id: certificates.id });
    return rows.length === 1;
  },
};

/** Certificates with the holder's address and the revoking admin's name (admin views only). */
function adminRows(x: Executor, where: SQL | undefined) {
  return x
    .select({ ...withCourse, userEmail: users.email, revokerId: revoker.id, revokerName: revoker.name })
    .from(certificates)
    .innerJoin(courses, eq(courses.id, certificates.courseId))
    .leftJoin(users, eq(users.id, certificates.userId))
    .leftJoin(revoker, eq(revoker.id, certificates.revokedBy))
    .where(where);
}
export type AdminCertificateRow = Awaited<ReturnType<typeof certificatesRepo.adminById>> & object;
