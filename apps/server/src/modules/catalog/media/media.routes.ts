import {
  ReorderBody,
  ResourcePatch,
  StudioCourse,
  StudioLessonMedia,
  UploadLimits,
} from '@9tangle/contracts';
import type { preHandlerHookHandler } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { currentUser } from '../../../http/auth.ts';
import { uploadSource } from '../../../http/uploads.ts';
import type { IntroVideoService } from './intro-video.service.ts';
import type { LessonMediaService } from './lesson-media.service.ts';

const Id = z.object({ id: z.uuid() });
// Uploads stream to storage as they arrive, with their own size limits (config) and no whole-request
// timeout; the app-wide 10 MB multipart limit does not apply to them.
const upload = { longUpload: true } as const;
const consumes = ['multipart/form-data'];

/** `/api/studio/…`: a lesson's video or PDF, its resources, and the course's intro video (editors only). */
export const mediaRoutes =
  (d: {
    lessonMedia: LessonMediaService;
    introVideo: IntroVideoService;
    requireInstructor: preHandlerHookHandler;
  }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['studio'];
    const preHandler = d.requireInstructor;
    const m = d.lessonMedia;
    const media = { 200: StudioLessonMedia };

    app.get('/studio/upload-limits', { preHandler, schema: { tags, response: { 200: UploadLimits } } }, () =>
      m.limits(),
    );
    app.get(
      '/studio/lessons/:id/media',
      { preHandler, schema: { tags, params: Id, response: media } },
      (req) => m.get(currentUser(req), req.params.id),
    );
    app.post(
      '/studio/lessons/:id/file',
      { preHandler, config: upload, schema: { tags, params: Id, consumes, response: media } },
      (req) => m.setFile(currentUser(req), req.params.id, uploadSource(req)),
    );
    app.delete(
      '/studio/lessons/:id/file',
      { preHandler, schema: { tags, params: Id, response: media } },
      (req) => m.removeFile(currentUser(req), req.params.id),
    );
    app.post(
      '/studio/lessons/:id/resources',
      {
        preHandler,
        config: upload,
        schema: { tags, params: Id, consumes, response: { 201: StudioLessonMedia } },
      },
      async (req, reply) =>
        reply.code(201).send(await m.addResource(currentUser(req), req.params.id, uploadSource(req))),
    );
    app.post(
      '/studio/lessons/:id/resources/reorder',
      { preHandler, schema: { tags, params: Id, body: ReorderBody.strict(), response: media } },
      (req) => m.reorderResources(currentUser(req), req.params.id, req.body.ids),
    );
    app.patch(
      '/studio/resources/:id',
      { preHandler, schema: { tags, params: Id, body: ResourcePatch, response: media } },
      (req) => m.renameResource(currentUser(req), req.params.id, req.body.title),
    );
    app.delete(
      '/studio/resources/:id',
      { preHandler, schema: { tags, params: Id, response: media } },
      (req) => m.deleteResource(currentUser(req), req.params.id),
    );

    app.post(
      '/studio/courses/:id/intro-video',
      { preHandler, config: upload, schema: { tags, params: Id, consumes, response: { 200: StudioCourse } } },
      (req) => d.introVideo.set(currentUser(req), req.params.id, uploadSource(req)),
    );
    app.delete(
      '/studio/courses/:id/intro-video',
      { preHandler, schema: { tags, params: Id, response: { 200: StudioCourse } } },
      (req) => d.introVideo.remove(currentUser(req), req.params.id),
    );
  };
