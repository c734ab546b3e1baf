import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { CachingHooks } from '../../http/public-cache.ts';
import type { CatalogService } from './catalog.service.ts';

const xmlEscape = (s: string) =>
  s.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c,
  );

/** Paths search engines should leave alone: private areas and the API. */
const DISALLOW = ['/admin', '/studio', '/dashboard', '/profile', '/api/', '/checkout', '/cart'];

/**
 * `/sitemap.xml` (the public pages: home, catalog, categories, every published course and instructor)
 * and `/robots.txt`. Registered as routes, so they win over the page renderer's catch-all.
 */
export const seoRoutes =
  (d: { catalog: CatalogService; publicUrl: URL; caching: CachingHooks }): FastifyPluginAsyncZod =>
  async (app) => {
    const abs = (path: string) => new URL(path, d.publicUrl).toString();
    const opts = { schema: { hide: true }, preHandler: d.caching.preHandler, onSend: d.caching.onSend };

    app.get('/sitemap.xml', opts, async (_req, reply) => {
      const { courses, instructors } = await d.catalog.sitemapEntries();
      const urls: { loc: string; lastmod: string | null }[] = [
        { loc: abs('/'), lastmod: null },
        { loc: abs('/courses'), lastmod: null },
        { loc: abs('/courses/categories'), lastmod: null },
        ...courses.map((c) => ({ loc: abs(`/courses/${c.slug}`), lastmod: c.lastmod })),
        ...instructors.map((i) => ({ loc: abs(`/instructors/${i.slug}`), lastmod: i.lastmod })),
      ];
      const body = urls
        .map(
          (u) =>
            `  <url><loc>${xmlEscape(u.loc)}</loc>${u.lastmod ? `<lastmod>${u.lastmod}</lastmod>` : ''}</url>`,
        )
        .join('\n');
      return reply
        .header('content-type', 'application/xml; charset=utf-8')
        .send(
          `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`,
        );
    });

    app.get('/robots.txt', opts, async (_req, reply) => {
      const lines = [
        'User-agent: *',
        'Allow: /',
        ...DISALLOW.map((p) => `Disallow: ${p}`),
        '',
        `Sitemap: ${abs('/sitemap.xml')}`,
      ];
      return reply.header('content-type', 'text/plain; charset=utf-8').send(`${lines.join('\n')}\n`);
    });
  };
