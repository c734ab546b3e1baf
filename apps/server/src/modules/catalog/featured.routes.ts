import { FeaturedCourseList, StudioCourse } from '@9tangle/contracts';
import type { preHandlerHookHandler } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { CachingHooks } from '../../http/public-cache.ts';
import { audit } from '../operations/audit/audit-trail.ts';
import type { FeaturedService } from './featured.service.ts';

const Id = z.object({ id: z.uuid() });

/** `POST /api/admin/courses/:id/feature|unfeature` and the public `GET /api/featured-courses`. */
export const featuredRoutes =
  (d: {
    featured: FeaturedService;
    caching: CachingHooks;
    requireAdmin: preHandlerHookHandler;
  }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/featured-courses',
      {
        preHandler: d.caching.preHandler,
        onSend: d.caching.onSend,
        schema: { tags: ['catalog'], response: { 200: FeaturedCourseList } },
      },
      () => d.featured.list(),
    );
    for (const action of ['feature', 'unfeature'] as const) {
      app.post(
        `/admin/courses/:id/${action}`,
        {
          preHandler: d.requireAdmin,
          schema: { tags: ['admin'], params: Id, response: { 200: StudioCourse } },
        },
        async (req) => {
          const { before, after } = await d.featured[action](req.params.id);
          audit(req, {
            action: `course.${action}d`,
            targetType: 'course',
            targetId: after.id,
            before: { featuredAt: before.featuredAt ?? null },
            after: { featuredAt: after.featuredAt ?? null },
          });
          return after;
        },
      );
    }
  };
