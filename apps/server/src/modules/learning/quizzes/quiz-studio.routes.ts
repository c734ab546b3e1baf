import {
  Gradebook,
  GradebookQuery,
  QuestionBody,
  QuestionReorderBody,
  QuizSettingsBody,
  StudioAttemptDetail,
  StudioAttemptList,
  StudioAttemptQuery,
  StudioQuestion,
  StudioQuestionList,
  StudioQuizSettings,
} from '@9tangle/contracts';
import type { preHandlerHookHandler } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { currentUser } from '../../../http/auth.ts';
import type { QuizBankService } from './quiz-bank.service.ts';
import type { QuizGradebookService } from './quiz-gradebook.service.ts';
import type { QuizSettingsService } from './quiz-settings.service.ts';

const Id = z.object({ id: z.uuid() });

/**
 * The studio's quiz routes, for the course's instructors and admins (anyone else: 404): the question
 * bank, quiz settings per lesson, the gradebook (and its CSV) and attempts in detail.
 */
export const quizStudioRoutes =
  (d: {
    bank: QuizBankService;
    settings: QuizSettingsService;
    gradebook: QuizGradebookService;
    requireInstructor: preHandlerHookHandler;
  }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['studio', 'quizzes'];
    const preHandler = d.requireInstructor;

    app.get(
      '/studio/courses/:id/questions',
      { preHandler, schema: { tags, params: Id, response: { 200: StudioQuestionList } } },
      (req) => d.bank.list(currentUser(req), req.params.id),
    );
    app.post(
      '/studio/courses/:id/questions',
      { preHandler, schema: { tags, params: Id, body: QuestionBody, response: { 201: StudioQuestion } } },
      async (req, reply) =>
        reply.code(201).send(await d.bank.create(currentUser(req), req.params.id, req.body)),
    );
    app.post(
      '/studio/courses/:id/questions/reorder',
      {
        preHandler,
        schema: {
          tags,
          params: Id,
          body: QuestionReorderBody.strict(),
          response: { 200: StudioQuestionList },
        },
      },
      (req) => d.bank.reorder(currentUser(req), req.params.id, req.body),
    );
    app.get(
      '/studio/questions/:id',
      { preHandler, schema: { tags, params: Id, response: { 200: StudioQuestion } } },
      (req) => d.bank.get(currentUser(req), req.params.id),
    );
    app.put(
      '/studio/questions/:id',
      { preHandler, schema: { tags, params: Id, body: QuestionBody, response: { 200: StudioQuestion } } },
      (req) => d.bank.update(currentUser(req), req.params.id, req.body),
    );
    app.delete('/studio/questions/:id', { preHandler, schema: { tags, params: Id } }, async (req, reply) => {
      await d.bank.remove(currentUser(req), req.params.id);
      return reply.code(204).send();
    });
    app.post(
      '/studio/questions/:id/archive',
      { preHandler, schema: { tags, params: Id, response: { 200: StudioQuestion } } },
      (req) => d.bank.setArchived(currentUser(req), req.params.id, true),
    );
    app.post(
      '/studio/questions/:id/unarchive',
      { preHandler, schema: { tags, params: Id, response: { 200: StudioQuestion } } },
      (req) => d.bank.setArchived(currentUser(req), req.params.id, false),
    );

    app.get(
      '/studio/lessons/:id/quiz',
      { preHandler, schema: { tags, params: Id, response: { 200: StudioQuizSettings } } },
      (req) => d.settings.get(currentUser(req), req.params.id),
    );
    app.put(
      '/studio/lessons/:id/quiz',
      {
        preHandler,
        schema: { tags, params: Id, body: QuizSettingsBody.strict(), response: { 200: StudioQuizSettings } },
      },
      (req) => d.settings.put(currentUser(req), req.params.id, req.body),
    );

    app.get(
      '/studio/courses/:id/gradebook',
      { preHandler, schema: { tags, params: Id, querystring: GradebookQuery, response: { 200: Gradebook } } },
      (req) => d.gradebook.gradebook(currentUser(req), req.params.id, req.query),
    );
    app.get(
      '/studio/courses/:id/gradebook.csv',
      { preHandler, schema: { tags, params: Id, produces: ['text/csv'] } },
      async (req, reply) => {
        const { filename, body } = await d.gradebook.csv(currentUser(req), req.params.id);
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${filename}"`)
          .header('cache-control', 'no-store')
          .send(body);
      },
    );
    app.get(
      '/studio/courses/:id/quiz-attempts',
      {
        preHandler,
        schema: { tags, params: Id, querystring: StudioAttemptQuery, response: { 200: StudioAttemptList } },
      },
      (req) => d.gradebook.attempts(currentUser(req), req.params.id, req.query),
    );
    app.get(
      '/studio/quiz-attempts/:id',
      { preHandler, schema: { tags, params: Id, response: { 200: StudioAttemptDetail } } },
      (req) => d.gradebook.attempt(currentUser(req), req.params.id),
    );
  };
