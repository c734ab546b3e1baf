import type { FastifyInstance, preHandlerHookHandler } from 'fastify';
import { createEnrollmentService } from './enrollment.service.ts';
import type { LearningDeps } from './learning.deps.ts';
import { learningRoutes } from './learning.routes.ts';
import { createPlayerService } from './player.service.ts';
import { studentsRoutes } from './students/students.routes.ts';
import { createStudentsService } from './students/students.service.ts';

/** Builds the learning services and registers their routes under `/api`; returns the enrollment service for commerce. */
export async function registerLearning(
  app: FastifyInstance,
  deps: LearningDeps & {
    /** The studio's guard (instructors and admins), for the instructor's students routes. */
    requireInstructor: preHandlerHookHandler;
  },
) {
  const enrollments = createEnrollmentService(deps);
  const player = createPlayerService(deps);
  await app.register(learningRoutes({ enrollments, player }), { prefix: '/api' });
  await app.register(
    studentsRoutes({ students: createStudentsService(deps), requireInstructor: deps.requireInstructor }),
    { prefix: '/api' },
  );
  return { enrollments, player };
}
