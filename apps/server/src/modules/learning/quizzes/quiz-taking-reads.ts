import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import {
  enrollments,
  lessons,
  type QuizAnswerRow,
  type QuizQuestionRow,
  quizAttemptAnswers,
  quizAttempts,
  quizQuestions,
  quizSettings,
} from '../../../db/schema/index.ts';
import { accessColumns } from './quiz-access.repo.ts';

/** A question row as JSON (camel-cased keys, as Drizzle names the columns); `toQuestionRow` reads it back. */
const questionJson = sql`json_build_object('id', q.id, 'courseId', q.course_id, 'pool', q.pool,
  'type', q.type, 'promptHtml', q.prompt_html, 'options', q.options, 'answer', q.answer,
  'partialCredit', q.partial_credit, 'points', q.points, 'explanationHtml', q.explanation_html,
  'position', q.position, 'archivedAt', q.archived_at, 'createdAt', q.created_at, 'updatedAt', q.updated_at)`;

type Json<T, D extends keyof T> = Omit<T, D> & { [K in D]: T[K] extends Date ? string : string | null };
type QuestionJson = Json<QuizQuestionRow, 'archivedAt' | 'createdAt' | 'updatedAt'>;
type AnswerJson = Json<QuizAnswerRow, 'savedAt'>;
const date = (v: string | null) => (v === null ? null : new Date(v));
const toQuestionRow = (q: QuestionJson): QuizQuestionRow => ({
  ...q,
  archivedAt: date(q.archivedAt),
  createdAt: new Date(q.createdAt),
  updatedAt: new Date(q.updatedAt),
});
const toAnswerRow = (r: AnswerJson): QuizAnswerRow => ({ ...r, savedAt: new Date(r.savedAt) });

/**
 * The reads of starting and of submitting an attempt, one prepared statement each (ADR 041): the
 * access of `quizAccessRepo` with the attempt state, the questions (with their keys: they stay on the
 * server) and the saved answers as JSON.
 */
export function createQuizTakingReads(db: Db) {
  const userId = sql.placeholder('userId');
  const start = db
    .select({
      ...accessColumns,
      open: quizAttempts,
      used: sql<number | null>`(select max(u.attempt_number) from ${quizAttempts} u
        where u.user_id = ${userId} and u.lesson_id = "lessons"."id")`,
      pool: sql<
        QuestionJson[]
      >`coalesce((select json_agg(${questionJson} order by q.pool, q.position, q.created_at)
        from ${quizQuestions} q
        where q.course_id = "lessons"."course_id" and q.archived_at is null
          and ("quiz_settings"."pool" is null or q.pool = "quiz_settings"."pool")), '[]'::json)`,
    })
    .from(lessons)
    .leftJoin(enrollments, and(eq(enrollments.courseId, lessons.courseId), eq(enrollments.userId, userId)))
    .leftJoin(quizSettings, eq(quizSettings.lessonId, lessons.id))
    .leftJoin(
      quizAttempts,
      and(
        eq(quizAttempts.userId, userId),
        eq(quizAttempts.lessonId, lessons.id),
        eq(quizAttempts.status, 'in_progress'),
      ),
    )
    .where(eq(lessons.id, sql.placeholder('lessonId')))
    .limit(1)
    .prepare('quiz_start_state');

  const submission = db
    .select({
      attempt: quizAttempts,
      ...accessColumns,
      // `= any(array(…))`, not `in (select …)`: the planner guesses 100 elements for the attempt's list
      // and hashed it against a scan of every question of the academy (8,000 at M, 2.9 ms); as an
      // array it looks the attempt's few questions up by their key (0.06 ms), at any size.
      questions: sql<QuestionJson[]>`coalesce((select json_agg(${questionJson}) from ${quizQuestions} q
        where q.id = any(array(select (d->>'questionId')::uuid
          from jsonb_array_elements("quiz_attempts"."questions") d))), '[]'::json)`,
      answers: sql<AnswerJson[]>`coalesce((select json_agg(json_build_object('attemptId', r.attempt_id,
        'questionId', r.question_id, 'response', r.response, 'pointsAwarded', r.points_awarded::text,
        'correct', r.correct, 'savedAt', r.saved_at)) from ${quizAttemptAnswers} r
        where r.attempt_id = "quiz_attempts"."id"), '[]'::json)`,
    })
    .from(quizAttempts)
    .innerJoin(lessons, eq(lessons.id, quizAttempts.lessonId))
    .leftJoin(enrollments, and(eq(enrollments.courseId, lessons.courseId), eq(enrollments.userId, userId)))
    .leftJoin(quizSettings, eq(quizSettings.lessonId, lessons.id))
    .where(and(eq(quizAttempts.id, sql.placeholder('attemptId')), eq(quizAttempts.userId, userId)))
    .limit(1)
    .prepare('quiz_submission');

  return {
    /**
     * The access to a quiz lesson with the student's open attempt (if any), the number of attempts used
     * and the questions an attempt would draw from now (the quiz's pool, active ones, in bank order).
     */
    async start(lessonId: string, user: string) {
      const [row] = await start.execute({ lessonId, userId: user });
      if (!row) return undefined;
      const { open, used, pool, ...access } = row;
      return { access, open: open ?? undefined, used: Number(used ?? 0), pool: pool.map(toQuestionRow) };
    },
    /** The student's own attempt with its access, its questions (archived ones too) and saved answers. */
    async submission(attemptId: string, user: string) {
      const [row] = await submission.execute({ attemptId, userId: user });
      if (!row) return undefined;
      const { questions, answers, ...rest } = row;
      return { ...rest, questions: questions.map(toQuestionRow), answers: answers.map(toAnswerRow) };
    },
  };
}
export type QuizTakingReads = ReturnType<typeof createQuizTakingReads>;
export type SubmissionRead = NonNullable<Awaited<ReturnType<QuizTakingReads['submission']>>>;
