import { and, asc, count, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { enrollments, lessons, quizAttempts, users } from '../../../db/schema/index.ts';

const student = { id: users.id, name: users.name, email: users.email };

/** What the gradebook reads: a course's students (a page at a time) and their attempts, aggregated in SQL. */
export const quizGradebookRepo = {
  async countStudents(x: Executor, courseId: string): Promise<number> {
    const [row] = await x.select({ n: count() }).from(enrollments).where(eq(enrollments.courseId, courseId));
    return row?.n ?? 0;
  },
  /** A page of the course's students (every enrollment, revoked ones included), by name. */
  async students(x: Executor, courseId: string, o: { limit: number; offset: number }) {
    return x
      .select({
        ...student,
        enrolledAt: enrollments.grantedAt,
        status: enrollments.status,
        completedAt: enrollments.completedAt,
      })
      .from(enrollments)
      .innerJoin(users, eq(users.id, enrollments.userId))
      .where(eq(enrollments.courseId, courseId))
      .orderBy(asc(sql`lower(${users.name})`), asc(users.id))
      .limit(o.limit)
      .offset(o.offset);
  },
  /** Per student and quiz: submitted attempts, best percent, passed, last submission, an open attempt. */
  async aggregates(x: Executor, courseId: string, userIds: string[]) {
    if (userIds.length === 0) return [];
    return x
      .select({
        userId: quizAttempts.userId,
        lessonId: quizAttempts.lessonId,
        attempts: sql<number>`count(*) filter (where ${quizAttempts.status} = 'submitted')::int`,
        inProgress: sql<boolean>`bool_or(${quizAttempts.status} = 'in_progress')`,
        bestPercent: sql<number | null>`max(${quizAttempts.scorePercent})`,
        passed: sql<boolean>`coalesce(bool_or(${quizAttempts.passed}), false)`,
        lastSubmittedAt: sql<Date | null>`max(${quizAttempts.submittedAt})`.mapWith(quizAttempts.submittedAt),
      })
      .from(quizAttempts)
      .where(and(eq(quizAttempts.courseId, courseId), inArray(quizAttempts.userId, userIds)))
      .groupBy(quizAttempts.userId, quizAttempts.lessonId);
  },
  /** A page of a course's attempts (optionally of one quiz or student), newest first, with a total. */
  async attempts(
    x: Executor,
    courseId: string,
    o: { lessonId?: string; userId?: string; limit: number; offset: number },
  ) {
    const where = and(
      eq(quizAttempts.courseId, courseId),
      o.lessonId ? eq(quizAttempts.lessonId, o.lessonId) : undefined,
      o.userId ? eq(quizAttempts.userId, o.userId) : undefined,
    ) as SQL;
    const [rows, [total]] = await Promise.all([
      x
        .select({ attempt: quizAttempts, student, lessonTitle: lessons.title })
        .from(quizAttempts)
        .innerJoin(users, eq(users.id, quizAttempts.userId))
        .innerJoin(lessons, eq(lessons.id, quizAttempts.lessonId))
        .where(where)
        .orderBy(desc(quizAttempts.startedAt), desc(quizAttempts.id))
        .limit(o.limit)
        .offset(o.offset),
      x.select({ n: count() }).from(quizAttempts).where(where),
    ]);
    return { rows, total: total?.n ?? 0 };
  },
  /** One attempt with its student and quiz title. */
  async attempt(x: Executor, attemptId: string) {
    const [row] = await x
      .select({ attempt: quizAttempts, student, lessonTitle: lessons.title })
      .from(quizAttempts)
      .innerJoin(users, eq(users.id, quizAttempts.userId))
      .innerJoin(lessons, eq(lessons.id, quizAttempts.lessonId))
      .where(eq(quizAttempts.id, attemptId))
      .limit(1);
    return row;
  },
};
