import { RejectBody, ReviewDetail, ReviewQueue, ReviewQueueQuery } from '@9tangle/contracts';
import type { preHandlerHookHandler } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { currentUser, requireUser } from '../../../http/auth.ts';
import { sendFile } from '../../../http/send-file.ts';
import type { ProofsService } from './proofs.service.ts';
import type { ReviewService } from './review.service.ts';

const IdParams = z.object({ id: z.uuid() });

/** `/api/admin/manual-payments`: the review queue, a proof, its file, approve and reject. */
export const reviewRoutes =
  (d: {
    review: ReviewService;
    proofs: ProofsService;
    requireAdmin: preHandlerHookHandler;
  }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['admin'];
    const preHandler = d.requireAdmin;
    const one = { 200: ReviewDetail };
    app.get(
      '/admin/manual-payments',
      { preHandler, schema: { tags, querystring: ReviewQueueQuery, response: { 200: ReviewQueue } } },
      (req) => d.review.queue(req.query),
    );
    app.get(
      '/admin/manual-payments/:id',
      { preHandler, schema: { tags, params: IdParams, response: one } },
      (req) => d.review.detail(req.params.id),
    );
    // Admins and the order's owner (who sees their own proof from the transfer page): checked in the
    // service. Outside /api/admin/, which is closed to everyone else (ADR 034).
    app.get(
      '/files/manual-proofs/:id',
      { preHandler: requireUser, compress: false, schema: { tags, params: IdParams } },
      async (req, reply) => sendFile(req, reply, await d.proofs.openFile(currentUser(req), req.params.id)),
    );
    app.post(
      '/admin/manual-payments/:id/approve',
      { preHandler, schema: { tags, params: IdParams, response: one } },
      (req) => d.review.approve(currentUser(req), req.params.id),
    );
    app.post(
      '/admin/manual-payments/:id/reject',
      { preHandler, schema: { tags, params: IdParams, body: RejectBody, response: one } },
      (req) => d.review.reject(currentUser(req), req.params.id, req.body),
    );
  };
