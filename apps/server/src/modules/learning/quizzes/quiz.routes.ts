import {
  QuizAttemptView,
  QuizIntro,
  SaveAnswersBody,
  SaveAnswersResult,
  SubmitAttemptBody,
} from '@9tangle/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { currentUser, requireVerified } from '../../../http/auth.ts';
import type { QuizAttemptsService } from './quiz-attempts.service.ts';

const IdParams = z.object({ id: z.uuid() });

/**
 * Taking a quiz in the player: the intro, starting (or resuming) an attempt, saving answers, submitting
 * and the results. A verified, enrolled student only; nothing here carries an answer key before the
 * attempt is submitted.
 */
export const quizRoutes =
  (d: { attempts: QuizAttemptsService }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['quizzes'];
    const preHandler = requireVerified;

    app.get(
      '/learning/lessons/:id/quiz',
      { preHandler, schema: { tags, params: IdParams, response: { 200: QuizIntro } } },
      (req) => d.attempts.intro(currentUser(req), req.params.id),
    );
    app.post(
      '/learning/lessons/:id/quiz/attempts',
      {
        preHandler,
        schema: { tags, params: IdParams, response: { 200: QuizAttemptView, 201: QuizAttemptView } },
      },
      async (req, reply) => {
        const r = await d.attempts.start(currentUser(req), req.params.id);
        return reply.code(r.created ? 201 : 200).send(r.attempt);
      },
    );
    app.get(
      '/learning/quiz-attempts/:id',
      { preHandler, schema: { tags, params: IdParams, response: { 200: QuizAttemptView } } },
      (req) => d.attempts.attempt(currentUser(req), req.params.id),
    );
    app.put(
      '/learning/quiz-attempts/:id/answers',
      {
        preHandler,
        schema: { tags, params: IdParams, body: SaveAnswersBody, response: { 200: SaveAnswersResult } },
      },
      (req) => d.attempts.saveAnswers(currentUser(req), req.params.id, req.body.answers),
    );
    app.post(
      '/learning/quiz-attempts/:id/submit',
      {
        preHandler,
        schema: { tags, params: IdParams, body: SubmitAttemptBody, response: { 200: QuizAttemptView } },
      },
      (req) => d.attempts.submit(currentUser(req), req.params.id, req.body.answers),
    );
  };
