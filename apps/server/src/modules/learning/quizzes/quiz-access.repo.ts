import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { enrollments, lessons, quizAttempts, quizSettings } from '../../../db/schema/index.ts';

/**
 * What deciding "may this student take this quiz" reads, in one query instead of three: the lesson,
 * the student's enrollment in its course and the quiz settings (each null when there is none).
 */
export const accessColumns = { lesson: lessons, enrollment: enrollments, settings: quizSettings };

export const quizAccessRepo = {
  async ofLesson(x: Executor, lessonId: string, userId: string) {
    const [row] = await x
      .select(accessColumns)
      .from(lessons)
      .leftJoin(enrollments, and(eq(enrollments.courseId, lessons.courseId), eq(enrollments.userId, userId)))
      .leftJoin(quizSettings, eq(quizSettings.lessonId, lessons.id))
      .where(eq(lessons.id, lessonId))
      .limit(1);
    return row;
  },
  /** The student's own attempt (someone else's is not found) with the access to its quiz. */
  async ofAttempt(x: Executor, attemptId: string, userId: string) {
    const [row] = await x
      .select({ attempt: quizAttempts, ...accessColumns })
      .from(quizAttempts)
      .innerJoin(lessons, eq(lessons.id, quizAttempts.lessonId))
      .leftJoin(enrollments, and(eq(enrollments.courseId, lessons.courseId), eq(enrollments.userId, userId)))
      .leftJoin(quizSettings, eq(quizSettings.lessonId, lessons.id))
      .where(and(eq(quizAttempts.id, attemptId), eq(quizAttempts.userId, userId)))
      .limit(1);
    return row;
  },
};
