import type { AccessState, StudentsQuery } from '@9tangle/contracts';
import { and, asc, count, desc, eq, type SQLWrapper, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { courseInstructors, courses, enrollments, users } from '../../../db/schema/index.ts';

/** Who is asking: an admin sees every course's students, an instructor those of the courses they teach. */
export interface RosterViewer {
  id: string;
  isAdmin: boolean;
}

/** `%` and `_` typed by a user are letters, not wildcards. */
const likeText = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The viewer teaches the enrollment's course (always true for an admin): ownership is part of the query. */
const teaches = (viewer: RosterViewer, courseId: SQLWrapper) =>
  viewer.isAdmin
    ? undefined
    : sql`exists (select 1 from ${courseInstructors} where ${courseInstructors.courseId} = ${courseId} and ${courseInstructors.userId} = ${viewer.id})`;

/** Whether the student can open the course at `now`: the same rule the player applies. */
const accessAt = (now: Date) =>
  sql<AccessState>`case when ${enrollments.status} = 'revoked' then 'revoked' when ${enrollments.expiresAt} is not null and ${enrollments.expiresAt} <= ${now} then 'expired' else 'active' end`;

/**
 * The instructor's students: enrollments joined with the student and the course, filtered, sorted
 * and paged in SQL, in two queries (the page and its total) whatever the page size.
 */
export const studentsRepo = {
  /** The course, if the viewer may see its students (else undefined: answered as 404). */
  async courseFor(x: Executor, viewer: RosterViewer, courseId: string) {
    const [row] = await x
      .select({ id: courses.id })
      .from(courses)
      .where(and(eq(courses.id, courseId), teaches(viewer, courses.id)))
      .limit(1);
    return row;
  },

  async list(
    x: Executor,
    viewer: RosterViewer,
    q: StudentsQuery & { now: Date; emailMatch: 'exact' | 'partial' },
  ) {
    const access = accessAt(q.now);
    const search = q.q
      ? sql`(${users.name} ilike ${likeText(q.q)} or ${
          q.emailMatch === 'partial'
            ? sql`${users.email} ilike ${likeText(q.q)}`
            : sql`${users.email} = ${q.q.toLowerCase()}`
        })`
      : undefined;
    const where = and(
      q.courseId ? eq(enrollments.courseId, q.courseId) : undefined,
      teaches(viewer, enrollments.courseId),
      search,
      q.access ? sql`${access} = ${q.access}` : undefined,
    );
    const column = {
      enrolled: enrollments.grantedAt,
      progress: enrollments.progressPercent,
      last_active: enrollments.lastAccessedAt,
    }[q.sort];
    const direction = q.order === 'asc' ? asc : desc;
    const [items, [total]] = await Promise.all([
      x
        .select({
          enrollmentId: enrollments.id,
          userId: users.id,
          name: users.name,
          email: users.email,
          avatarKey: users.avatarKey,
          courseId: courses.id,
          courseSlug: courses.slug,
          courseTitle: courses.title,
          totalLessons: courses.lessonCount,
          progressPercent: enrollments.progressPercent,
          completedLessons: enrollments.completedLessons,
          grantedAt: enrollments.grantedAt,
          lastAccessedAt: enrollments.lastAccessedAt,
          completedAt: enrollments.completedAt,
          expiresAt: enrollments.expiresAt,
          access,
        })
        .from(enrollments)
        .innerJoin(users, eq(users.id, enrollments.userId))
        .innerJoin(courses, eq(courses.id, enrollments.courseId))
        .where(where)
        // Never-active students last in either direction; the id keeps pages stable on ties.
        .orderBy(sql`${direction(column)} nulls last`, direction(enrollments.id))
        .limit(q.limit)
        .offset((q.page - 1) * q.limit),
      x
        .select({ n: count() })
        .from(enrollments)
        .innerJoin(users, eq(users.id, enrollments.userId))
        .where(where),
    ]);
    return { items, total: total?.n ?? 0 };
  },
};
