import { CatalogPage, CatalogQuery, CategoryList, CourseDetail, InstructorPage } from '@9tangle/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../http/errors.ts';
import type { CachingHooks } from '../../http/public-cache.ts';
import type { CatalogService } from './catalog.service.ts';
import type { ThumbnailsService } from './thumbnails.service.ts';

/** The public catalog (no sign-in): categories, courses, course pages, instructor pages, thumbnails. */
export const catalogRoutes =
  (d: {
    catalog: CatalogService;
    thumbnails: ThumbnailsService;
    /** ETag, 304 and Cache-Control for the catalog reads (`http/public-cache.ts`). */
    caching: CachingHooks;
  }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['catalog'];
    const { preHandler, onSend } = d.caching;
    app.get('/categories', { preHandler, onSend, schema: { tags, response: { 200: CategoryList } } }, () =>
      d.catalog.listCategories(),
    );

    app.get(
      '/courses',
      { preHandler, onSend, schema: { tags, querystring: CatalogQuery, response: { 200: CatalogPage } } },
      (req) => d.catalog.search(req.query),
    );

    app.get(
      '/courses/:slug',
      {
        preHandler,
        onSend,
        schema: { tags, params: z.object({ slug: z.string().max(200) }), response: { 200: CourseDetail } },
      },
      async (req) => {
        const course = await d.catalog.getCourse(req.params.slug);
        if (!course) throw notFound('course');
        return course;
      },
    );

    app.get(
      '/instructors/:slug',
      {
        preHandler,
        onSend,
        schema: { tags, params: z.object({ slug: z.string().max(200) }), response: { 200: InstructorPage } },
      },
      async (req) => {
        const page = await d.catalog.getInstructor(req.params.slug);
        if (!page) throw notFound('instructor');
        return page;
      },
    );

    app.get(
      '/files/thumbnails/:name',
      // Not counted by the API rate limit: a catalog page shows a dozen thumbnails at once, and a stored
      // file costs no more to serve than a static asset.
      { config: { rateLimit: false }, schema: { tags, params: z.object({ name: z.string().max(64) }) } },
      async (req, reply) => {
        const { data, mime } = await d.thumbnails.read(req.params.name);
        return reply
          .header('content-type', mime)
          .header('content-disposition', 'inline; filename="thumbnail"')
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "default-src 'none'; sandbox")
          .header('cache-control', 'public, max-age=31536000, immutable')
          .send(data);
      },
    );
  };
