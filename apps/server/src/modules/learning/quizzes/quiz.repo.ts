import { and, asc, count, desc, eq, inArray, isNull, max, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { reusable } from '../../../db/reusable.ts';
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
import type { ClosedAttempt } from './quiz-attempt-grading.ts';

type NewAttempt = Pick<
  typeof quizAttempts.$inferInsert,
  'userId' | 'lessonId' | 'courseId' | 'attemptNumber' | 'questions' | 'startedAt' | 'deadlineAt'
>;
/** Starting an attempt, built once with placeholders (built per start, it was a twentieth of a quiz's CPU). */
const insertAttemptOn = reusable((x) =>
  x
    .insert(quizAttempts)
    .values({
      userId: sql.placeholder('userId'),
      lessonId: sql.placeholder('lessonId'),
      courseId: sql.placeholder('courseId'),
      attemptNumber: sql.placeholder('attemptNumber'),
      questions: sql.placeholder('questions'),
      startedAt: sql.placeholder('startedAt'),
      deadlineAt: sql`${sql.placeholder('deadlineAt')}::timestamptz`,
    })
    .onConflictDoNothing()
    .returning()
    .prepare('quiz_attempt_insert'),
);

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
   * `openAttempt` and `lastAttemptNumber` in one query: the highest attempt number is a one-row
   * subquery, the open attempt (if any) left-joined to it.
   */
  async attemptState(
    x: Executor,
    userId: string,
    lessonId: string,
  ): Promise<{ open: QuizAttemptRow | undefined; used: number }> {
    const last = x
      .select({ n: max(quizAttempts.attemptNumber).as('n') })
      .from(quizAttempts)
      .where(and(eq(quizAttempts.userId, userId), eq(quizAttempts.lessonId, lessonId)))
      .as('last');
    const [row] = await x
      .select({ used: last.n, open: quizAttempts })
      .from(last)
      .leftJoin(
        quizAttempts,
        and(
          eq(quizAttempts.userId, userId),
          eq(quizAttempts.lessonId, lessonId),
          eq(quizAttempts.status, 'in_progress'),
        ),
      )
      .limit(1);
    return { open: row?.open ?? undefined, used: row?.used ?? 0 };
  },
  /**
   * A new attempt, or undefined when a unique index refused it: the student already has an open
   * attempt (a concurrent start won) or that attempt number was just taken.
   */
  /** A new attempt, or nothing when the student has an open one already (its partial unique index). */
  async insertAttempt(x: Executor, v: NewAttempt): Promise<QuizAttemptRow | undefined> {
    // A placeholder in an insert's values is encoded by its column (jsonb, timestamps) as a value is,
    // except null, which a timestamp's encoder does not take: the deadline is a cast placeholder.
    const [row] = await insertAttemptOn(x).execute({ ...v, deadlineAt: v.deadlineAt?.toISOString() ?? null });
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
  /**
   * The attempt row locked for a save of answers, its revision raised (a submission graded from an
   * earlier read is then not written: `writeClosed`).
   */
  async lockForSave(x: Executor, attemptId: string): Promise<QuizAttemptRow | undefined> {
    const [row] = await x
      .update(quizAttempts)
      .set({ revision: sql`${quizAttempts.revision} + 1` })
      .where(eq(quizAttempts.id, attemptId))
      .returning();
    return row;
  },
  /**
   * Close an attempt graded from what was read at `revision`, in one statement: the mark, the
   * submission's answers (cleared or written with their grades) and the grades of the answers saved
   * before. Only when the attempt is still open at that revision (no save, no other grading in
   * between: the update re-reads the row once a concurrent writer commits); false when it wrote
   * nothing.
   */
  async writeClosed(
    x: Executor,
    attemptId: string,
    revision: number,
    c: Pick<ClosedAttempt, 'cleared' | 'written' | 'earlier' | 'mark'>,
  ): Promise<boolean> {
    const m = c.mark;
    // One text for every submission, prepared once per connection: the answers travel as JSON rows
    // (an empty list writes nothing), not as a statement built and planned for each count of answers.
    const written = c.written.map((r) => ({
      question_id: r.questionId,
      response: r.response,
      points_awarded: r.pointsAwarded,
      correct: r.correct,
      saved_at: r.savedAt.toISOString(),
    }));
    const result = await x.execute<{ id: string }>(sql`with closed as (update ${quizAttempts}
        set status = 'submitted', submitted_at = ${m.submittedAt.toISOString()}::timestamptz,
          score_points = ${m.scorePoints}::numeric, max_points = ${m.maxPoints}::int,
          score_percent = ${m.scorePercent}::int, passed = ${m.passed}::boolean, pass_percent = ${m.passPercent}::int
        where id = ${attemptId}::uuid and status = 'in_progress' and revision = ${revision}::int returning id),
      cleared as (delete from ${quizAttemptAnswers}
        where attempt_id = (select id from closed)
          and question_id in (select value::uuid from jsonb_array_elements_text(${JSON.stringify(c.cleared)}::jsonb))),
      written as (insert into ${quizAttemptAnswers}
          (attempt_id, question_id, response, points_awarded, correct, saved_at)
        select closed.id, v.question_id, v.response, v.points_awarded, v.correct, v.saved_at
        from closed, jsonb_to_recordset(${JSON.stringify(written)}::jsonb)
          as v(question_id uuid, response jsonb, points_awarded numeric, correct boolean, saved_at timestamptz)
        on conflict (attempt_id, question_id) do update set response = excluded.response,
          saved_at = excluded.saved_at, points_awarded = excluded.points_awarded, correct = excluded.correct),
      earlier as (update ${quizAttemptAnswers} as a set points_awarded = v.points, correct = v.correct
        from closed, jsonb_to_recordset(${JSON.stringify(c.earlier)}::jsonb)
          as v("questionId" uuid, points numeric, correct boolean)
        where a.attempt_id = closed.id and a.question_id = v."questionId")
      select id from closed`);
    return result.rows.length > 0;
  },
  /** `questionsByIds` and `answersOf` in one query: the attempt's answer (if any) joined to each question. */
  async questionsWithAnswers(
    x: Executor,
    attemptId: string,
    ids: string[],
  ): Promise<{ questions: QuizQuestionRow[]; answers: QuizAnswerRow[] }> {
    if (ids.length === 0) return { questions: [], answers: await quizRepo.answersOf(x, attemptId) };
    const rows = await x
      .select({ question: quizQuestions, answer: quizAttemptAnswers })
      .from(quizQuestions)
      .leftJoin(
        quizAttemptAnswers,
        and(eq(quizAttemptAnswers.attemptId, attemptId), eq(quizAttemptAnswers.questionId, quizQuestions.id)),
      )
      .where(inArray(quizQuestions.id, ids));
    return {
      questions: rows.map((r) => r.question),
      answers: rows.flatMap((r) => (r.answer ? [r.answer] : [])),
    };
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
  /** Save answers with their grades (a submission's last answers), in one statement. */
  async upsertGradedAnswers(x: Executor, rows: QuizAnswerRow[]): Promise<void> {
    if (rows.length === 0) return;
    await x
      .insert(quizAttemptAnswers)
      .values(rows)
      .onConflictDoUpdate({
        target: [quizAttemptAnswers.attemptId, quizAttemptAnswers.questionId],
        set: {
          response: sql`excluded.response`,
          savedAt: sql`excluded.saved_at`,
          pointsAwarded: sql`excluded.points_awarded`,
          correct: sql`excluded.correct`,
        },
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
