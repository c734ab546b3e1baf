import { DailyVideoBody, DailyVideoDto, DailyVideoList, DailyVideoPatch } from '@9tangle/contracts';
import type { preHandlerHookHandler } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { currentUser } from '../../../http/auth.ts';
import type { DailyVideosService } from './daily-videos.service.ts';

const CourseId = z.object({ id: z.uuid() });
const VideoId = z.object({ id: z.uuid(), videoId: z.uuid() });

/** `/api/studio/courses/:id/daily-videos`: a course's dated video links, for its editors. */
export const dailyVideosRoutes =
  (d: { dailyVideos: DailyVideosService; requireInstructor: preHandlerHookHandler }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['studio'];
    const preHandler = d.requireInstructor;
    const v = d.dailyVideos;
    app.get(
      '/studio/courses/:id/daily-videos',
      { preHandler, schema: { tags, params: CourseId, response: { 200: DailyVideoList } } },
      (req) => v.list(currentUser(req), req.params.id),
    );
    app.post(
      '/studio/courses/:id/daily-videos',
      {
        preHandler,
        schema: { tags, params: CourseId, body: DailyVideoBody.strict(), response: { 201: DailyVideoDto } },
      },
      async (req, reply) => reply.code(201).send(await v.create(currentUser(req), req.params.id, req.body)),
    );
    app.patch(
      '/studio/courses/:id/daily-videos/:videoId',
      {
        preHandler,
        schema: { tags, params: VideoId, body: DailyVideoPatch, response: { 200: DailyVideoDto } },
      },
      (req) => v.update(currentUser(req), req.params.id, req.params.videoId, req.body),
    );
    app.delete(
      '/studio/courses/:id/daily-videos/:videoId',
      { preHandler, schema: { tags, params: VideoId } },
      async (req, reply) => {
        await v.remove(currentUser(req), req.params.id, req.params.videoId);
        return reply.code(204).send();
      },
    );
  };
