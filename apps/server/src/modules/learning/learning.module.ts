import type { FastifyInstance } from 'fastify';
import { createEnrollmentService } from './enrollment.service.ts';
import type { LearningDeps } from './learning.deps.ts';
import { learningRoutes } from './learning.routes.ts';
import { createPlayerService } from './player.service.ts';

/** Builds the learning services and registers their routes under `/api`; returns the enrollment service for commerce. */
export async function registerLearning(app: FastifyInstance, deps: LearningDeps) {
  const enrollments = createEnrollmentService(deps);
  const player = createPlayerService(deps);
  await app.register(learningRoutes({ enrollments, player }), { prefix: '/api' });
  return { enrollments, player };
}
