import type { Executor } from '../../../db/client.ts';
import type { EnrollmentRow, LessonRow } from '../../../db/schema/index.ts';
import { AppError, forbidden, notFound } from '../../../http/errors.ts';
import type { CurrentUser } from '../../identity/identity.types.ts';
import { accessState, availableAt } from '../learning.policy.ts';
import { DEFAULT_QUIZ_RULES, type QuizRules } from './quiz.policy.ts';
import { quizAccessRepo } from './quiz-access.repo.ts';

/** The lesson and enrollment columns `quizAccessRepo` reads (its `accessColumns`). */
export type QuizLesson = Pick<LessonRow, 'id' | 'courseId' | 'type' | 'releaseAt' | 'dripDays'>;
export type QuizEnrollment = Pick<EnrollmentRow, 'id' | 'status' | 'grantedAt' | 'expiresAt'>;

export interface OpenQuiz {
  lesson: QuizLesson;
  enrollment: QuizEnrollment;
  rules: QuizRules;
}

/**
 * A quiz lesson the student may take, by the same rules as lesson content: enrolled with live access
 * (else 404, or 403 `enrollment_expired`) and released (else 403 `lesson_locked` with the opening
 * date). Free previews do not open quizzes: taking one needs an enrollment.
 */
export async function openQuizLesson(
  x: Executor,
  user: CurrentUser,
  lessonId: string,
  now: Date,
): Promise<OpenQuiz> {
  return checkQuizAccess(await quizAccessRepo.ofLesson(x, lessonId, user.id), now);
}

/** The rules of `openQuizLesson` on what `quizAccessRepo` read. */
export function checkQuizAccess(
  row: { lesson: QuizLesson; enrollment: QuizEnrollment | null; settings: QuizRules | null } | undefined,
  now: Date,
): OpenQuiz {
  const lesson = row?.lesson;
  if (lesson?.type !== 'quiz') throw notFound('quiz');
  const enrollment = row?.enrollment;
  const state = enrollment ? accessState(enrollment, now) : 'revoked';
  if (!enrollment || state === 'revoked') throw notFound('quiz');
  if (state === 'expired') throw forbidden('enrollment_expired', 'Your access to this course has ended.');
  const at = availableAt(lesson, enrollment.grantedAt);
  if (at && at > now)
    throw new AppError('lesson_locked', 403, 'This lesson is not open yet', {
      availableAt: at.toISOString(),
    });
  return { lesson, enrollment, rules: row?.settings ?? DEFAULT_QUIZ_RULES };
}
