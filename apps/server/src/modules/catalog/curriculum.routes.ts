import {
  LessonBody,
  LessonPatch,
  ReorderBody,
  SectionBody,
  SectionOutline,
  SectionOutlineList,
  StudioLesson,
} from '@9tangle/contracts';
import type { preHandlerHookHandler } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { currentUser } from '../../http/auth.ts';
import type { CurriculumService } from './curriculum.service.ts';

const Id = z.object({ id: z.uuid() });
const Section = SectionBody.strict();
const Reorder = ReorderBody.strict();

/** `/api/studio/…/sections` and `/lessons`: a course's curriculum, for its instructors and admins. */
export const curriculumRoutes =
  (d: { curriculum: CurriculumService; requireInstructor: preHandlerHookHandler }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['studio'];
    const preHandler = d.requireInstructor;
    const c = d.curriculum;

    app.post(
      '/studio/courses/:id/sections',
      { preHandler, schema: { tags, params: Id, body: Section, response: { 201: SectionOutline } } },
      async (req, reply) =>
        reply.code(201).send(await c.createSection(currentUser(req), req.params.id, req.body)),
    );
    app.post(
      '/studio/courses/:id/sections/reorder',
      { preHandler, schema: { tags, params: Id, body: Reorder, response: { 200: SectionOutlineList } } },
      async (req) => ({ items: await c.reorderSections(currentUser(req), req.params.id, req.body.ids) }),
    );
    app.patch(
      '/studio/sections/:id',
      { preHandler, schema: { tags, params: Id, body: Section, response: { 200: SectionOutline } } },
      (req) => c.updateSection(currentUser(req), req.params.id, req.body),
    );
    app.delete('/studio/sections/:id', { preHandler, schema: { tags, params: Id } }, async (req, reply) => {
      await c.deleteSection(currentUser(req), req.params.id);
      return reply.code(204).send();
    });

    app.post(
      '/studio/sections/:id/lessons',
      {
        preHandler,
        schema: { tags, params: Id, body: LessonBody.strict(), response: { 201: StudioLesson } },
      },
      async (req, reply) =>
        reply.code(201).send(await c.createLesson(currentUser(req), req.params.id, req.body)),
    );
    app.post(
      '/studio/sections/:id/lessons/reorder',
      { preHandler, schema: { tags, params: Id, body: Reorder, response: { 200: SectionOutline } } },
      (req) => c.reorderLessons(currentUser(req), req.params.id, req.body.ids),
    );
    app.get(
      '/studio/lessons/:id',
      { preHandler, schema: { tags, params: Id, response: { 200: StudioLesson } } },
      (req) => c.getLesson(currentUser(req), req.params.id),
    );
    app.patch(
      '/studio/lessons/:id',
      { preHandler, schema: { tags, params: Id, body: LessonPatch, response: { 200: StudioLesson } } },
      (req) => c.updateLesson(currentUser(req), req.params.id, req.body),
    );
    app.delete('/studio/lessons/:id', { preHandler, schema: { tags, params: Id } }, async (req, reply) => {
      await c.deleteLesson(currentUser(req), req.params.id);
      return reply.code(204).send();
    });
  };
