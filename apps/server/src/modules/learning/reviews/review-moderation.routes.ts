import {
  ModeratedReview,
  ModeratedReviewList,
  ModerationBody,
  ModerationQuery,
  ReplyBody,
  StudioReviewPage,
  StudioReviewQuery,
} from '@9tangle/contracts';
import type { preHandlerHookHandler } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { currentUser } from '../../../http/auth.ts';
import type { ReviewsService } from './reviews.service.ts';

const IdParams = z.object({ id: z.uuid() });

/**
 * Reviews behind the counter: the studio's list and replies (the course's instructors and admins;
 * another instructor gets 404), and the admin's moderation list with hide and unhide.
 */
export const reviewModerationRoutes =
  (d: {
    reviews: ReviewsService;
    requireInstructor: preHandlerHookHandler;
    requireAdmin: preHandlerHookHandler;
  }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/studio/courses/:id/reviews',
      {
        preHandler: d.requireInstructor,
        schema: {
          tags: ['studio'],
          params: IdParams,
          querystring: StudioReviewQuery,
          response: { 200: StudioReviewPage },
        },
      },
      async (req) => d.reviews.studioList(currentUser(req), req.params.id, req.query),
    );
    app.put(
      '/studio/reviews/:id/reply',
      {
        preHandler: d.requireInstructor,
        schema: { tags: ['studio'], params: IdParams, body: ReplyBody, response: { 200: ModeratedReview } },
      },
      async (req) => d.reviews.reply(currentUser(req), req.params.id, req.body.body),
    );
    app.delete(
      '/studio/reviews/:id/reply',
      {
        preHandler: d.requireInstructor,
        schema: { tags: ['studio'], params: IdParams, response: { 200: ModeratedReview } },
      },
      async (req) => d.reviews.reply(currentUser(req), req.params.id, null),
    );

    app.get(
      '/admin/reviews',
      {
        preHandler: d.requireAdmin,
        schema: { tags: ['admin'], querystring: ModerationQuery, response: { 200: ModeratedReviewList } },
      },
      async (req) => d.reviews.moderationList(req.query),
    );
    for (const [action, hidden] of [
      ['hide', true],
      ['unhide', false],
    ] as const) {
      app.post(
        `/admin/reviews/:id/${action}`,
        {
          preHandler: d.requireAdmin,
          schema: {
            tags: ['admin'],
            params: IdParams,
            body: ModerationBody,
            response: { 200: ModeratedReview },
          },
        },
        async (req) => d.reviews.setHidden(currentUser(req), req.params.id, hidden, req.body.reason),
      );
    }
  };
