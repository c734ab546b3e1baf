import type { FastifyInstance } from 'fastify';
import type { Config } from '../../../config.ts';
import type { Database } from '../../../db/client.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Storage } from '../../../platform/storage.ts';
import { createDailyVideosService } from './daily-videos.service.ts';
import { learningMediaRoutes } from './learning-media.routes.ts';
import { createLessonFilesService } from './lesson-files.service.ts';

/** Registers the file route (`/api/files/media/:id`) and the students' daily videos under `/api`. */
export async function registerLearningMedia(
  app: FastifyInstance,
  p: { config: Config; database: Database; clock: Clock; storage: Storage },
) {
  const files = createLessonFilesService(p);
  const dailyVideos = createDailyVideosService({ ...p, siteTimeZone: p.config.siteTimeZone });
  await app.register(learningMediaRoutes({ files, dailyVideos, rateLimit: p.config.rateLimit }), {
    prefix: '/api',
  });
}
