import { and, asc, count, desc, eq, inArray, isNull, max, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import {
  type QuizAnswerRow,
  type QuizAttemptRow,
  type QuizQuestionRow,
  type QuizSettingsRow,
  quizAttemptAnswers,
  quizAttempts,
  quizQuestions,
  quizSettings,
} from '../../../db/schema/index.ts';

/** `array[$1, $2, …]::uuid[]`, each id a bound parameter. */
export const uuidArray = (ids: string[]) =>
  sql`array[${sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )}]::uuid[]`;

/** Active questions of a course, optionally of one pool. */
const activeIn = (courseId: string, pool: string | null): SQL =>
  and(
    eq(quizQuestions.courseId, courseId),
    isNull(quizQuestions.archivedAt),
    pool === null ? undefined : eq(quizQuestions.pool, pool),
  ) as SQL;

/** Quiz settings, attempts and answers: what taking a quiz reads and writes. */
export const quizRepo = {
  async settingsOf(x: Executor, lessonId: string): Promise<QuizSettingsRow | undefined> {
    const [row] = await x.select().from(quizSettings).where(eq(quizSettings.lessonId, lessonId)).limit(1);
    return row;
  },
  async upsertSettings(x: Executor, v: typeof quizSettings.$inferInsert & { updatedAt: Date }) {
    const { lessonId: _l, courseId: _c, createdAt: _a, ...set } = v;
    const [row] = await x
      .insert(quizSettings)
      .values(v)
      .onConflictDoUpdate({ target: quizSettings.lessonId, set })
      .returning();
    return row as QuizSettingsRow;
  },
  /** The questions an attempt may draw from, in bank order. */
  async activeQuestions(x: Executor, courseId: string, pool: string | null): Promise<QuizQuestionRow[]> {
    return x
      .select()
      .from(quizQuestions)
      .where(activeIn(courseId, pool))
      .orderBy(asc(quizQuestions.pool), asc(quizQuestions.position), asc(quizQuestions.createdAt));
  },
  async countActive(x: Executor, courseId: string, pool: string | null): Promise<number> {
    const [row] = await x.select({ n: count() }).from(quizQuestions).where(activeIn(courseId, pool));
    return row?.n ?? 0;
  },
  /** How many active questions each pool of a course holds. */
  async poolCounts(x: Executor, courseId: string): Promise<{ pool: string; count: number }[]> {
    return x
      .select({ pool: quizQuestions.pool, count: count() })
      .from(quizQuestions)
      .where(activeIn(courseId, null))
      .groupBy(quizQuestions.pool)
      .orderBy(asc(quizQuestions.pool));
  },
  /** Questions by id, archived ones included (old attempts still show them). */
  async questionsByIds(x: Executor, ids: string[]): Promise<QuizQuestionRow[]> {
    if (ids.length === 0) return [];
    return x.select().from(quizQuestions).where(inArray(quizQuestions.id, ids));
  },

  /** A student's attempts at a quiz, newest first. */
  async attemptsOf(x: Executor, userId: string, lessonId: string): Promise<QuizAttemptRow[]> {
    return x
      .select()
      .from(quizAttempts)
      .where(and(eq(quizAttempts.userId, userId), eq(quizAttempts.lessonId, lessonId)))
      .orderBy(desc(quizAttempts.attemptNumber));
  },
  async openAttempt(x: Executor, userId: string, lessonId: string): Promise<QuizAttemptRow | undefined> {
    const [row] = await x
      .select()
      .from(quizAttempts)
      .where(
        and(
          eq(quizAttempts.userId, userId),
          eq(quizAttempts.lessonId, lessonId),
          eq(quizAttempts.status, 'in_progress'),
        ),
      )
      .limit(1);
    return row;
  },
  async lastAttemptNumber(x: Executor, userId: string, lessonId: string): Promise<number> {
    const [row] = await x
      .select({ n: max(quizAttempts.attemptNumber) })
      .from(quizAttempts)
      .where(and(eq(quizAttempts.userId, userId), eq(quizAttempts.lessonId, lessonId)));
    return row?.n ?? 0;
  },
  /**
   * A new attempt, or undefined when a unique index refused it: the student already has an open
   * attempt (a concurrent start won) or that attempt number was just taken.
   */
  async insertAttempt(x: Executor, v: typeof quizAttempts.$inferInsert): Promise<QuizAttemptRow | undefined> {
    const [row] = await x.insert(quizAttempts).values(v).onConflictDoNothing().returning();
    return row;
  },
  /** The student's own attempt (someone else's is not found). */
  async attemptOf(x: Executor, attemptId: string, userId: string): Promise<QuizAttemptRow | undefined> {
    const [row] = await x
      .select()
      .from(quizAttempts)
      .where(and(eq(quizAttempts.id, attemptId), eq(quizAttempts.userId, userId)))
      .limit(1);
    return row;
  },
  /** The attempt row locked for the rest of the transaction: saving and grading never interleave. */
  async lockAttempt(x: Executor, attemptId: string): Promise<QuizAttemptRow | undefined> {
    const [row] = await x.select().from(quizAttempts).where(eq(quizAttempts.id, attemptId)).for('update');
    return row;
  },
  async answersOf(x: Executor, attemptId: string): Promise<QuizAnswerRow[]> {
    return x.select().from(quizAttemptAnswers).where(eq(quizAttemptAnswers.attemptId, attemptId));
  },
  async upsertAnswers(
    x: Executor,
    attemptId: string,
    rows: { questionId: string; response: unknown }[],
    now: Date,
  ): Promise<void> {
    if (rows.length === 0) return;
    await x
      .insert(quizAttemptAnswers)
      .values(rows.map((r) => ({ attemptId, questionId: r.questionId, response: r.response, savedAt: now })))
      .onConflictDoUpdate({
        target: [quizAttemptAnswers.attemptId, quizAttemptAnswers.questionId],
        set: { response: sql`excluded.response`, savedAt: now },
      });
  },
  async deleteAnswers(x: Executor, attemptId: string, questionIds: string[]): Promise<void> {
    if (questionIds.length === 0) return;
    await x
      .delete(quizAttemptAnswers)
      .where(
        and(eq(quizAttemptAnswers.attemptId, attemptId), inArray(quizAttemptAnswers.questionId, questionIds)),
      );
  },
  /** Store each answer's grade in one statement. */
  async setAnswerGrades(
    x: Executor,
    attemptId: string,
    grades: { questionId: string; points: string; correct: boolean }[],
  ): Promise<void> {
    if (grades.length === 0) return;
    const values = sql.join(
      grades.map((g) => sql`(${g.questionId}::uuid, ${g.points}::numeric, ${g.correct}::boolean)`),
      sql`, `,
    );
    await x.execute(sql`update ${quizAttemptAnswers} as a
      set points_awarded = v.points, correct = v.correct
      from (values ${values}) as v(question_id, points, correct)
      where a.attempt_id = ${attemptId} and a.question_id = v.question_id`);
  },
  /** Close an open attempt with its grade; undefined when it was already closed (graded once). */
  async markSubmitted(
    x: Executor,
    attemptId: string,
    v: Pick<
      QuizAttemptRow,
      'submittedAt' | 'scorePoints' | 'maxPoints' | 'scorePercent' | 'passed' | 'passPercent'
    >,
  ): Promise<QuizAttemptRow | undefined> {
    const [row] = await x
      .update(quizAttempts)
      .set({ ...v, status: 'submitted' })
      .where(and(eq(quizAttempts.id, attemptId), eq(quizAttempts.status, 'in_progress')))
      .returning();
    return row;
  },
};
