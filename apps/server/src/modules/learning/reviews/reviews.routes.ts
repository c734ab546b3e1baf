import {
  MyReview,
  MyReviewState,
  ReviewBody,
  ReviewListQuery,
  ReviewPage,
  ReviewPatch,
} from '@9tangle/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { currentUser, requireUser, requireVerified } from '../../../http/auth.ts';
import { notFound } from '../../../http/errors.ts';
import type { ReviewsService } from './reviews.service.ts';

const SlugParams = z.object({ slug: z.string().min(1).max(120) });

/**
 * A course's reviews: the public list (`/api/courses/:slug/reviews`), and the signed-in student's own
 * review under `/api/learning/courses/:slug/review` (writing needs a verified address and enrollment).
 */
export const reviewsRoutes =
  (d: { reviews: ReviewsService }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['reviews'];
    app.get(
      '/courses/:slug/reviews',
      { schema: { tags, params: SlugParams, querystring: ReviewListQuery, response: { 200: ReviewPage } } },
      async (req) => {
        const page = await d.reviews.publicList(req.params.slug, req.query);
        if (!page) throw notFound('course');
        return page;
      },
    );

    const path = '/learning/courses/:slug/review';
    app.get(
      path,
      { preHandler: requireUser, schema: { tags, params: SlugParams, response: { 200: MyReviewState } } },
      async (req) => d.reviews.mine(currentUser(req), req.params.slug),
    );
    app.post(
      path,
      {
        preHandler: requireVerified,
        schema: { tags, params: SlugParams, body: ReviewBody, response: { 201: MyReview } },
      },
      async (req, reply) =>
        reply.code(201).send(await d.reviews.create(currentUser(req), req.params.slug, req.body)),
    );
    app.patch(
      path,
      {
        preHandler: requireVerified,
        schema: { tags, params: SlugParams, body: ReviewPatch, response: { 200: MyReview } },
      },
      async (req) => d.reviews.update(currentUser(req), req.params.slug, req.body),
    );
    app.delete(
      path,
      { preHandler: requireUser, schema: { tags, params: SlugParams } },
      async (req, reply) => {
        await d.reviews.remove(currentUser(req), req.params.slug);
        return reply.code(204).send();
      },
    );
  };
