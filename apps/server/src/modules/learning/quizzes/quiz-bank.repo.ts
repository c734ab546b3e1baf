import { and, asc, eq, isNull, max, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { type QuizQuestionRow, quizAttempts, quizQuestions } from '../../../db/schema/index.ts';
import { uuidArray } from './quiz.repo.ts';

/** The course's question bank, as the studio edits it. */
export const quizBankRepo = {
  /** Every question of the course: pool by pool, by position; archived ones after the active ones. */
  async list(x: Executor, courseId: string): Promise<QuizQuestionRow[]> {
    return x
      .select()
      .from(quizQuestions)
      .where(eq(quizQuestions.courseId, courseId))
      .orderBy(
        sql`${quizQuestions.archivedAt} is not null`,
        asc(quizQuestions.pool),
        asc(quizQuestions.position),
        asc(quizQuestions.createdAt),
      );
  },
  async find(x: Executor, id: string): Promise<QuizQuestionRow | undefined> {
    const [row] = await x.select().from(quizQuestions).where(eq(quizQuestions.id, id)).limit(1);
    return row;
  },
  async insert(x: Executor, v: typeof quizQuestions.$inferInsert): Promise<QuizQuestionRow> {
    const [row] = await x.insert(quizQuestions).values(v).returning();
    return row as QuizQuestionRow;
  },
  async update(
    x: Executor,
    id: string,
    v: Partial<typeof quizQuestions.$inferInsert>,
  ): Promise<QuizQuestionRow> {
    const [row] = await x.update(quizQuestions).set(v).where(eq(quizQuestions.id, id)).returning();
    return row as QuizQuestionRow;
  },
  async remove(x: Executor, id: string): Promise<void> {
    await x.delete(quizQuestions).where(eq(quizQuestions.id, id));
  },
  /** The position after the last active question of a pool. */
  async nextPosition(x: Executor, courseId: string, pool: string): Promise<number> {
    const [row] = await x
      .select({ n: max(quizQuestions.position) })
      .from(quizQuestions)
      .where(
        and(
          eq(quizQuestions.courseId, courseId),
          eq(quizQuestions.pool, pool),
          isNull(quizQuestions.archivedAt),
        ),
      );
    return row?.n === null || row?.n === undefined ? 0 : row.n + 1;
  },
  async activeIdsOfPool(x: Executor, courseId: string, pool: string): Promise<string[]> {
    const rows = await x
      .select({ id: quizQuestions.id })
      .from(quizQuestions)
      .where(
        and(
          eq(quizQuestions.courseId, courseId),
          eq(quizQuestions.pool, pool),
          isNull(quizQuestions.archivedAt),
        ),
      );
    return rows.map((r) => r.id);
  },
  /** Positions 0..n-1 in the order of `ids`, in one statement. */
  async setPositions(x: Executor, courseId: string, ids: string[], now: Date): Promise<void> {
    if (ids.length === 0) return;
    await x.execute(sql`update ${quizQuestions} as q set position = o.ord - 1, updated_at = ${now}
      from unnest(${uuidArray(ids)}) with ordinality as o(id, ord)
      where q.id = o.id and q.course_id = ${courseId}`);
  },
  /** The ids of the course's questions drawn in any attempt (those can no longer be deleted). */
  async drawnIds(x: Executor, courseId: string): Promise<Set<string>> {
    const result = await x.execute<{ id: string }>(sql`select distinct d->>'questionId' as id
      from ${quizAttempts} as a cross join lateral jsonb_array_elements(a.questions) as d
      where a.course_id = ${courseId}`);
    return new Set(result.rows.map((r) => r.id));
  },
  async isDrawn(x: Executor, courseId: string, questionId: string): Promise<boolean> {
    const result = await x.execute<{ found: number }>(sql`select 1 as found from ${quizAttempts}
      where course_id = ${courseId} and questions @> ${JSON.stringify([{ questionId }])}::jsonb limit 1`);
    return result.rows.length > 0;
  },
};
