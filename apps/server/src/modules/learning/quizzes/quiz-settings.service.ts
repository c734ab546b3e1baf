import type { QuizSettingsBody, StudioQuizSettings } from '@9tangle/contracts';
import { badRequest, conflict, notFound } from '../../../http/errors.ts';
import { courseContentRepo } from '../course-content.repo.ts';
import type { CourseActor, QuizDeps } from './quiz.deps.ts';
import { DEFAULT_QUIZ_RULES, type QuizRules } from './quiz.policy.ts';
import { quizRepo } from './quiz.repo.ts';

type PoolCount = { pool: string; count: number };
/** Active questions in a pool, or in the whole bank for null. */
const availableIn = (pools: PoolCount[], pool: string | null) =>
  pool === null ? pools.reduce((s, p) => s + p.count, 0) : (pools.find((p) => p.pool === pool)?.count ?? 0);

/**
 * A quiz lesson's settings, for the course's editors. Saving checks them against the bank: a named
 * pool must hold questions and the question count may not exceed them. Questions archived later can
 * make a pool smaller than the count; an attempt then draws every question left (see `attemptSize`),
 * and the editor shows the shortfall.
 */
export function createQuizSettingsService(d: Pick<QuizDeps, 'database' | 'clock' | 'editableCourse'>) {
  const db = d.database.db;

  async function quizLesson(actor: CourseActor, lessonId: string) {
    const lesson = await courseContentRepo.lesson(db, lessonId);
    if (!lesson) throw notFound('lesson');
    await d.editableCourse(actor, lesson.courseId);
    if (lesson.type !== 'quiz') throw conflict('lesson_not_quiz', 'Only a quiz lesson has quiz settings.');
    return lesson;
  }

  function describe(
    lesson: { id: string; courseId: string },
    rules: QuizRules,
    o: { configured: boolean; pools: PoolCount[] },
  ): StudioQuizSettings {
    const {
      pool,
      questionCount,
      passPercent,
      attemptLimit,
      timeLimitSeconds,
      shuffleQuestions,
      shuffleOptions,
      showCorrectAnswers,
    } = rules;
    return {
      lessonId: lesson.id,
      courseId: lesson.courseId,
      pool,
      questionCount,
      passPercent,
      attemptLimit,
      timeLimitSeconds,
      shuffleQuestions,
      shuffleOptions,
      showCorrectAnswers,
      configured: o.configured,
      available: availableIn(o.pools, pool),
      pools: o.pools,
    };
  }

  return {
    /** The settings (the defaults until saved once), with what the bank holds for them. */
    async get(actor: CourseActor, lessonId: string): Promise<StudioQuizSettings> {
      const lesson = await quizLesson(actor, lessonId);
      const [row, pools] = await Promise.all([
        quizRepo.settingsOf(db, lessonId),
        quizRepo.poolCounts(db, lesson.courseId),
      ]);
      return describe(lesson, row ?? DEFAULT_QUIZ_RULES, { configured: !!row, pools });
    },

    /** Save the settings; they apply to attempts started from now on. */
    async put(actor: CourseActor, lessonId: string, body: QuizSettingsBody): Promise<StudioQuizSettings> {
      const lesson = await quizLesson(actor, lessonId);
      const pools = await quizRepo.poolCounts(db, lesson.courseId);
      const available = availableIn(pools, body.pool);
      if (body.pool !== null && available === 0)
        throw badRequest('validation_failed', 'That pool has no questions', [
          { path: ['pool'], message: 'No active question is in this pool' },
        ]);
      if (body.questionCount !== null && body.questionCount > available)
        throw badRequest('validation_failed', 'More questions asked than the pool holds', [
          { path: ['questionCount'], message: `The pool holds ${available} active question(s)` },
        ]);
      const now = d.clock.now();
      const row = await quizRepo.upsertSettings(db, {
        ...body,
        lessonId: lesson.id,
        courseId: lesson.courseId,
        createdAt: now,
        updatedAt: now,
      });
      return describe(lesson, row, { configured: true, pools });
    },
  };
}
export type QuizSettingsService = ReturnType<typeof createQuizSettingsService>;
