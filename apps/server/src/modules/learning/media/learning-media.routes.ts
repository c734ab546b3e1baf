import { CourseDailyVideos, TodayVideoList } from '@9tangle/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../../config.ts';
import { currentUser, requireUser, requireVerified } from '../../../http/auth.ts';
import { sendFile } from '../../../http/send-file.ts';
import type { DailyVideosService } from './daily-videos.service.ts';
import type { LessonFilesService } from './lesson-files.service.ts';

/** Stored course files (checked on every request) and the daily videos of enrolled students. */
export const learningMediaRoutes =
  (d: {
    files: LessonFilesService;
    dailyVideos: DailyVideosService;
    rateLimit: Config['rateLimit'];
  }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['learning'];
    // GET and HEAD declared together: Fastify's own HEAD route would read the whole file to discard it.
    app.route({
      method: ['GET', 'HEAD'],
      url: '/files/media/:id',
      // A video plays as many range requests; it gets a budget of its own, ten times the API's, so
      // watching a lesson never uses up the allowance of the rest of the app (and vice versa).
      config: {
        rateLimit: {
          max: (req) => 10 * (req.user ? d.rateLimit.apiUserMax : d.rateLimit.apiMax),
          timeWindow: d.rateLimit.apiWindowMs,
        },
      },
      // Never compressed: a byte range is of the stored bytes, and videos and PDFs do not shrink.
      compress: false,
      schema: {
        tags,
        params: z.object({ id: z.uuid() }),
        querystring: z.object({ download: z.enum(['1', 'true']).optional() }),
      },
      handler: async (req, reply) => {
        const file = await d.files.open(req.user, req.params.id, { download: !!req.query.download });
        return sendFile(req, reply, file);
      },
    });

    app.get(
      '/learning/courses/:slug/daily-videos',
      {
        preHandler: requireVerified,
        schema: {
          tags,
          params: z.object({ slug: z.string().min(1).max(120) }),
          response: { 200: CourseDailyVideos },
        },
      },
      (req) => d.dailyVideos.ofCourse(currentUser(req), req.params.slug),
    );

    app.get(
      '/learning/daily-videos/today',
      { preHandler: requireUser, schema: { tags, response: { 200: TodayVideoList } } },
      (req) => d.dailyVideos.todayForStudent(currentUser(req)),
    );
  };
