import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { enrollments, lessons, quizAttempts, quizSettings } from '../../../db/schema/index.ts';

/**
 * What deciding "may this student take this quiz" reads, in one query instead of three: the lesson,
 * the student's enrollment in its course and the quiz settings (each null when there is none). Only
 * the columns the decision and the rules use: the lesson's body or the enrollment's progress would be
 * planned, sent and parsed on every start and submission for nothing.
 */
export const accessColumns = {
  lesson: {
    id: lessons.id,
    courseId: lessons.courseId,
    type: lessons.type,
    releaseAt: lessons.releaseAt,
    dripDays: lessons.dripDays,
  },
  enrollment: {
    id: enrollments.id,
    status: enrollments.status,
    grantedAt: enrollments.grantedAt,
    expiresAt: enrollments.expiresAt,
  },
  // Drizzle makes a left-joined object null when its first column is: each starts with a not-null one.
  settings: {
    passPercent: quizSettings.passPercent,
    pool: quizSettings.pool,
    questionCount: quizSettings.questionCount,
    attemptLimit: quizSettings.attemptLimit,
    timeLimitSeconds: quizSettings.timeLimitSeconds,
    shuffleQuestions: quizSettings.shuffleQuestions,
    shuffleOptions: quizSettings.shuffleOptions,
    showCorrectAnswers: quizSettings.showCorrectAnswers,
  },
};

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
