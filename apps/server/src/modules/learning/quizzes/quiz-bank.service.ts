import type { QuestionBody, StudioQuestion, StudioQuestionList } from '@9tangle/contracts';
import type { QuizQuestionRow } from '../../../db/schema/index.ts';
import { badRequest, conflict, notFound } from '../../../http/errors.ts';
import { sanitizeRichText } from '../../catalog/rich-text.ts';
import type { CourseActor, QuizDeps } from './quiz.deps.ts';
import { toStudioQuestion } from './quiz.mappers.ts';
import { quizRepo } from './quiz.repo.ts';
import { quizBankRepo } from './quiz-bank.repo.ts';
import { patternProblem } from './quiz-grading.ts';

/** The columns a question body becomes: rich text sanitized, the key and options as the type needs. */
function questionColumns(body: QuestionBody) {
  const promptHtml = sanitizeRichText(body.promptHtml);
  const explanation = body.explanationHtml ? sanitizeRichText(body.explanationHtml) : '';
  const issues: { path: string[]; message: string }[] = [];
  if (promptHtml === '')
    issues.push({ path: ['promptHtml'], message: 'The prompt has no content left once cleaned' });
  if (body.type === 'short_answer' && body.answer.pattern) {
    const problem = patternProblem(body.answer.pattern);
    if (problem) issues.push({ path: ['answer', 'pattern'], message: problem });
  }
  if (issues.length > 0) throw badRequest('validation_failed', 'The question is not valid', issues);
  const isChoice = body.type === 'single_choice' || body.type === 'multiple_choice';
  return {
    type: body.type,
    pool: body.pool,
    promptHtml,
    explanationHtml: explanation === '' ? null : explanation,
    options: isChoice ? body.options : [],
    answer: body.answer,
    partialCredit: body.type === 'multiple_choice' && body.partialCredit,
    points: body.points,
  };
}

function checkSameSet(current: string[], wanted: string[]): void {
  const set = new Set(wanted);
  if (set.size !== wanted.length || wanted.length !== current.length || !current.every((id) => set.has(id)))
    throw badRequest('validation_failed', 'Send every active question id of the pool exactly once', [
      { path: ['ids'], message: 'Must list each active question of the pool exactly once' },
    ]);
}

/**
 * The course's question bank, for its editors (the catalog decides who they are). A question drawn in
 * an attempt is archived rather than deleted, and keeps its type, so old attempts still show it.
 * Editing a question does not regrade attempts already submitted.
 */
export function createQuizBankService(d: Pick<QuizDeps, 'database' | 'clock' | 'editableCourse'>) {
  const db = d.database.db;

  async function editable(actor: CourseActor, questionId: string): Promise<QuizQuestionRow> {
    const q = await quizBankRepo.find(db, questionId);
    if (!q) throw notFound('question');
    await d.editableCourse(actor, q.courseId);
    return q;
  }
  const dto = async (q: QuizQuestionRow) =>
    toStudioQuestion(q, await quizBankRepo.isDrawn(db, q.courseId, q.id));

  return {
    /** Every question of the course with its key, and how many active questions each pool holds. */
    async list(actor: CourseActor, courseId: string): Promise<StudioQuestionList> {
      const course = await d.editableCourse(actor, courseId);
      const [rows, drawn, pools] = await Promise.all([
        quizBankRepo.list(db, course.id),
        quizBankRepo.drawnIds(db, course.id),
        quizRepo.poolCounts(db, course.id),
      ]);
      return { items: rows.map((q) => toStudioQuestion(q, drawn.has(q.id))), pools };
    },

    /** A new question at the end of its pool. */
    async create(actor: CourseActor, courseId: string, body: QuestionBody): Promise<StudioQuestion> {
      const course = await d.editableCourse(actor, courseId);
      const values = questionColumns(body);
      const now = d.clock.now();
      const q = await db.transaction(async (tx) =>
        quizBankRepo.insert(tx, {
          ...values,
          courseId: course.id,
          position: await quizBankRepo.nextPosition(tx, course.id, values.pool),
          createdAt: now,
          updatedAt: now,
        }),
      );
      return toStudioQuestion(q, false);
    },

    async get(actor: CourseActor, questionId: string): Promise<StudioQuestion> {
      return dto(await editable(actor, questionId));
    },

    /** Replace a question. A question already drawn in an attempt keeps its type (409 `question_in_use`). */
    async update(actor: CourseActor, questionId: string, body: QuestionBody): Promise<StudioQuestion> {
      const before = await editable(actor, questionId);
      const values = questionColumns(body);
      const drawn = await quizBankRepo.isDrawn(db, before.courseId, before.id);
      if (drawn && values.type !== before.type)
        throw conflict(
          'question_in_use',
          'Students have answered this question: its type can no longer change.',
        );
      const now = d.clock.now();
      const q = await db.transaction(async (tx) => {
        const moved = values.pool !== before.pool && !before.archivedAt;
        const position = moved
          ? await quizBankRepo.nextPosition(tx, before.courseId, values.pool)
          : before.position;
        return quizBankRepo.update(tx, before.id, { ...values, position, updatedAt: now });
      });
      return toStudioQuestion(q, drawn);
    },

    /** Delete a question no attempt has drawn; one that was drawn is archived instead (409 here). */
    async remove(actor: CourseActor, questionId: string): Promise<void> {
      const q = await editable(actor, questionId);
      if (await quizBankRepo.isDrawn(db, q.courseId, q.id))
        throw conflict('question_in_use', 'Students have answered this question: archive it instead.');
      await quizBankRepo.remove(db, q.id);
    },

    /** Archive (no new attempt draws it; old attempts still show it) or bring back at the end of its pool. */
    async setArchived(actor: CourseActor, questionId: string, archived: boolean): Promise<StudioQuestion> {
      const q = await editable(actor, questionId);
      if (!!q.archivedAt === archived) return dto(q);
      const now = d.clock.now();
      const row = await db.transaction(async (tx) =>
        quizBankRepo.update(tx, q.id, {
          archivedAt: archived ? now : null,
          ...(archived ? {} : { position: await quizBankRepo.nextPosition(tx, q.courseId, q.pool) }),
          updatedAt: now,
        }),
      );
      return dto(row);
    },

    /** Put a pool's active questions in a new order (every id once). */
    async reorder(actor: CourseActor, courseId: string, body: { pool: string; ids: string[] }) {
      const course = await d.editableCourse(actor, courseId);
      await db.transaction(async (tx) => {
        checkSameSet(await quizBankRepo.activeIdsOfPool(tx, course.id, body.pool), body.ids);
        await quizBankRepo.setPositions(tx, course.id, body.ids, d.clock.now());
      });
      return this.list(actor, courseId);
    },
  };
}
export type QuizBankService = ReturnType<typeof createQuizBankService>;
