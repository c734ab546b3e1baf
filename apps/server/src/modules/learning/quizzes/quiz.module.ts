import { randomInt } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { requireRole } from '../../../http/auth.ts';
import type { QuizDeps } from './quiz.deps.ts';
import { quizRoutes } from './quiz.routes.ts';
import { createQuizAttemptsService } from './quiz-attempts.service.ts';
import { createQuizBankService } from './quiz-bank.service.ts';
import { createQuizGradebookService } from './quiz-gradebook.service.ts';
import { createQuizSettingsService } from './quiz-settings.service.ts';
import { quizStudioRoutes } from './quiz-studio.routes.ts';

/**
 * Builds the quiz services and registers their routes under `/api`: taking quizzes in the player
 * (`/learning/...`) and the studio's bank, settings and gradebook (`/studio/...`).
 */
export async function registerQuizzes(
  app: FastifyInstance,
  p: Omit<QuizDeps, 'randomInt'> & { require2faForAdmins: boolean },
) {
  const { require2faForAdmins, ...rest } = p;
  const deps: QuizDeps = { ...rest, randomInt: (n) => randomInt(n) };
  const requireInstructor = requireRole({ require2faForAdmins }, 'instructor', 'admin');
  await app.register(quizRoutes({ attempts: createQuizAttemptsService(deps) }), { prefix: '/api' });
  await app.register(
    quizStudioRoutes({
      bank: createQuizBankService(deps),
      settings: createQuizSettingsService(deps),
      gradebook: createQuizGradebookService(deps),
      requireInstructor,
    }),
    { prefix: '/api' },
  );
}
