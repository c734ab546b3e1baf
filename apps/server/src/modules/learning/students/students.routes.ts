import { CourseStudentsQuery, StudentList, StudentsQuery } from '@9tangle/contracts';
import type { preHandlerHookHandler } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { currentUser } from '../../../http/auth.ts';
import type { StudentsService } from './students.service.ts';

/** `/api/studio/courses/:id/students` and `/api/studio/students`: the instructor's students. */
export const studentsRoutes =
  (d: { students: StudentsService; requireInstructor: preHandlerHookHandler }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['studio'];
    const preHandler = d.requireInstructor;
    app.get(
      '/studio/courses/:id/students',
      {
        preHandler,
        schema: {
          tags,
          params: z.object({ id: z.uuid() }),
          querystring: CourseStudentsQuery,
          response: { 200: StudentList },
        },
      },
      (req) => d.students.forCourse(currentUser(req), req.params.id, req.query),
    );
    app.get(
      '/studio/students',
      { preHandler, schema: { tags, querystring: StudentsQuery, response: { 200: StudentList } } },
      (req) => d.students.forTeacher(currentUser(req), req.query),
    );
  };
