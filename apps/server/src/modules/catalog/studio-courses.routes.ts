import {
  CourseAuditPage,
  CourseAuditQuery,
  CourseBody,
  CoursePatch,
  StudioCourse,
  StudioCourseList,
  StudioPublishing,
} from '@9tangle/contracts';
import type { preHandlerHookHandler } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { currentUser } from '../../http/auth.ts';
import { readUploadedFile } from '../../http/uploads.ts';
import type { CourseWorkflowService } from './course-workflow.service.ts';
import type { StudioCoursesService } from './studio-courses.service.ts';
import { THUMBNAIL_MAX_BYTES, type ThumbnailsService } from './thumbnails.service.ts';

const Id = z.object({ id: z.uuid() });
// Unknown fields are refused, not dropped: status, counts, ratings and instructors never come from a body.
const CreateBody = CourseBody.strict();

/** `/api/studio/courses/*`: an instructor's own courses (an admin's: all), their status and audit trail. */
export const studioCoursesRoutes =
  (d: {
    courses: StudioCoursesService;
    workflow: CourseWorkflowService;
    thumbnails: ThumbnailsService;
    requireInstructor: preHandlerHookHandler;
  }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['studio'];
    const preHandler = d.requireInstructor;

    app.get('/studio/courses', { preHandler, schema: { tags, response: { 200: StudioCourseList } } }, (req) =>
      d.courses.list(currentUser(req)),
    );

    // The studio names its button after what it will do ("Publish" or "Submit for review").
    app.get(
      '/studio/publishing',
      { preHandler, schema: { tags, response: { 200: StudioPublishing } } },
      async (req) => ({ submitPublishes: await d.workflow.submitPublishes(currentUser(req)) }),
    );

    app.post(
      '/studio/courses',
      { preHandler, schema: { tags, body: CreateBody, response: { 201: StudioCourse } } },
      async (req, reply) => reply.code(201).send(await d.courses.create(currentUser(req), req.body)),
    );

    app.get(
      '/studio/courses/:id',
      { preHandler, schema: { tags, params: Id, response: { 200: StudioCourse } } },
      (req) => d.courses.get(currentUser(req), req.params.id),
    );

    app.patch(
      '/studio/courses/:id',
      { preHandler, schema: { tags, params: Id, body: CoursePatch, response: { 200: StudioCourse } } },
      (req) => d.courses.update(currentUser(req), req.params.id, req.body),
    );

    for (const action of ['submit', 'archive', 'unarchive'] as const) {
      app.post(
        `/studio/courses/:id/${action}`,
        { preHandler, schema: { tags, params: Id, response: { 200: StudioCourse } } },
        (req) => d.workflow.apply(currentUser(req), req.params.id, action),
      );
    }

    app.get(
      '/studio/courses/:id/audit',
      {
        preHandler,
        schema: { tags, params: Id, querystring: CourseAuditQuery, response: { 200: CourseAuditPage } },
      },
      (req) => d.courses.audit(currentUser(req), req.params.id, req.query),
    );

    app.post(
      '/studio/courses/:id/thumbnail',
      {
        preHandler,
        schema: { tags, params: Id, consumes: ['multipart/form-data'], response: { 200: StudioCourse } },
      },
      async (req) => {
        await d.thumbnails.assertEditable(currentUser(req), req.params.id);
        const data = await readUploadedFile(req, THUMBNAIL_MAX_BYTES);
        return d.thumbnails.set(currentUser(req), req.params.id, data);
      },
    );
  };
