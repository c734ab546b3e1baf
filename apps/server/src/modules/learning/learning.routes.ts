import {
  EnrollmentDto,
  LessonContent,
  MyCourseList,
  PlayerCourse,
  ProgressBody,
  ProgressResult,
} from '@9tangle/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { currentUser, requireUser, requireVerified } from '../../http/auth.ts';
import type { EnrollmentService } from './enrollment.service.ts';
import { toEnrollmentDto } from './learning.deps.ts';
import type { PlayerService } from './player.service.ts';

const SlugParams = z.object({ slug: z.string().min(1).max(120) });
const IdParams = z.object({ id: z.uuid() });

/** Enrolling, the student's courses, the lesson player and progress. Learning needs a verified address. */
export const learningRoutes =
  (d: { enrollments: EnrollmentService; player: PlayerService }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['learning'];
    app.post(
      '/courses/:slug/enroll',
      {
        preHandler: requireVerified,
        schema: {
          tags,
          params: SlugParams,
          response: {
            200: z.object({ enrollment: EnrollmentDto }),
            201: z.object({ enrollment: EnrollmentDto }),
          },
        },
      },
      async (req, reply) => {
        const r = await d.enrollments.enrollFree(currentUser(req), req.params.slug);
        return reply.code(r.created ? 201 : 200).send({ enrollment: toEnrollmentDto(r.enrollment) });
      },
    );

    app.get(
      '/learning/courses',
      { preHandler: requireUser, schema: { tags, response: { 200: MyCourseList } } },
      async (req) => {
        const items = await d.enrollments.myCourses(currentUser(req));
        return { items: items.map((i) => ({ ...i, enrollment: toEnrollmentDto(i.enrollment) })) };
      },
    );

    app.get(
      '/learning/courses/:slug',
      { preHandler: requireVerified, schema: { tags, params: SlugParams, response: { 200: PlayerCourse } } },
      async (req) => {
        const r = await d.player.course(currentUser(req), req.params.slug);
        return { ...r, enrollment: toEnrollmentDto(r.enrollment) } as z.infer<typeof PlayerCourse>;
      },
    );

    // Anonymous visitors may open free previews; everything else needs a verified, enrolled student.
    app.get(
      '/learning/lessons/:id',
      { schema: { tags, params: IdParams, response: { 200: LessonContent } } },
      async (req) => {
        const user = req.user?.emailVerified ? req.user : null;
        return d.player.lesson(user, req.params.id);
      },
    );

    app.put(
      '/learning/lessons/:id/progress',
      {
        preHandler: requireVerified,
        schema: { tags, params: IdParams, body: ProgressBody, response: { 200: ProgressResult } },
      },
      async (req) => d.player.saveProgress(currentUser(req), req.params.id, req.body),
    );

    app.post(
      '/learning/lessons/:id/complete',
      { preHandler: requireVerified, schema: { tags, params: IdParams, response: { 200: ProgressResult } } },
      async (req) => d.player.complete(currentUser(req), req.params.id, true),
    );

    app.delete(
      '/learning/lessons/:id/complete',
      { preHandler: requireVerified, schema: { tags, params: IdParams, response: { 200: ProgressResult } } },
      async (req) => d.player.complete(currentUser(req), req.params.id, false),
    );
  };
