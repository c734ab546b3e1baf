import {
  AddInstructorBody,
  CourseInstructorList,
  ReorderInstructorsBody,
  StudioProfile,
  StudioProfilePatch,
} from '@9tangle/contracts';
import type { preHandlerHookHandler } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { currentUser } from '../../../http/auth.ts';
import type { CourseInstructorsService } from './course-instructors.service.ts';
import type { InstructorProfileService } from './instructor-profile.service.ts';

const Id = z.object({ id: z.uuid() });

/**
 * `/api/studio/courses/:id/instructors` (a course's instructors: list, add by email, remove, reorder)
 * and `/api/studio/profile` (the caller's public instructor profile).
 */
export const courseInstructorsRoutes =
  (d: {
    instructors: CourseInstructorsService;
    profiles: InstructorProfileService;
    requireInstructor: preHandlerHookHandler;
  }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['studio'];
    const preHandler = d.requireInstructor;

    app.get(
      '/studio/courses/:id/instructors',
      { preHandler, schema: { tags, params: Id, response: { 200: CourseInstructorList } } },
      (req) => d.instructors.list(currentUser(req), req.params.id),
    );
    app.post(
      '/studio/courses/:id/instructors',
      {
        preHandler,
        schema: { tags, params: Id, body: AddInstructorBody, response: { 201: CourseInstructorList } },
      },
      async (req, reply) =>
        reply.code(201).send(await d.instructors.add(currentUser(req), req.params.id, req.body.email)),
    );
    app.post(
      '/studio/courses/:id/instructors/reorder',
      {
        preHandler,
        schema: { tags, params: Id, body: ReorderInstructorsBody, response: { 200: CourseInstructorList } },
      },
      (req) => d.instructors.reorder(currentUser(req), req.params.id, req.body.ids),
    );
    app.delete(
      '/studio/courses/:id/instructors/:userId',
      {
        preHandler,
        schema: {
          tags,
          params: z.object({ id: z.uuid(), userId: z.uuid() }),
          response: { 200: CourseInstructorList },
        },
      },
      (req) => d.instructors.remove(currentUser(req), req.params.id, req.params.userId),
    );

    app.get('/studio/profile', { preHandler, schema: { tags, response: { 200: StudioProfile } } }, (req) =>
      d.profiles.get(currentUser(req)),
    );
    app.patch(
      '/studio/profile',
      { preHandler, schema: { tags, body: StudioProfilePatch, response: { 200: StudioProfile } } },
      (req) => d.profiles.update(currentUser(req), req.body),
    );
  };
