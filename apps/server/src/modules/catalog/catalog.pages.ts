import { type CatalogQuery, parseCatalogQuery } from '@9tangle/contracts';
import type { PageLoader } from '../../http/web.ts';
import type { CatalogService } from './catalog.service.ts';
import type { FeaturedService } from './featured.service.ts';

/** The query a catalog URL asks for (shared with the web app, so both build the same key). */
export const catalogQueryOf: (query: URLSearchParams) => CatalogQuery = parseCatalogQuery;

/**
 * The pages anyone sees the same (for a language): home, the catalog, categories, a course page and an
 * instructor page. Signed out, they are cached publicly with an ETag (ADR 020); the player under
 * `/courses/:slug/learn` and everything else is not.
 */
export function isPublicCatalogPage(path: string): boolean {
  if (path === '/' || path === '/courses' || path === '/courses/' || path === '/courses/categories')
    return true;
  return /^\/(courses|instructors)\/[^/]+$/.test(path);
}

/**
 * The data of the public catalog pages, answered on the server under the query keys the web app uses,
 * so a search engine (or a reader without JavaScript) gets the whole page in the HTML.
 */
export function catalogPageLoaders(d: { catalog: CatalogService; featured?: FeaturedService }): PageLoader[] {
  /** The one segment after `prefix` (`/courses/:slug`), or null for any other path. */
  const one = (path: string, prefix: string) => {
    if (!path.startsWith(prefix)) return null;
    const rest = path.slice(prefix.length);
    if (!rest || rest.includes('/')) return null;
    try {
      return decodeURIComponent(rest);
    } catch {
      return null; // malformed escapes: no such page
    }
  };
  return [
    async ({ path }) => {
      if (path !== '/' || !d.featured) return null;
      return [{ key: ['featured-courses'], data: await d.featured.list() }];
    },
    async ({ path, query }) => {
      if (path !== '/courses' && path !== '/courses/') return null;
      const q = catalogQueryOf(query);
      const [categories, page] = await Promise.all([d.catalog.listCategories(), d.catalog.search(q)]);
      return [
        { key: ['categories'], data: categories },
        { key: ['catalog', q], data: page },
      ];
    },
    async ({ path }) => {
      if (path !== '/courses/categories') return null;
      return [{ key: ['categories'], data: await d.catalog.listCategories() }];
    },
    async ({ path }) => {
      const slug = path === '/courses/categories' ? null : one(path, '/courses/');
      if (slug === null) return null;
      // The categories too: placeholder thumbnails take their category's colour on the first paint.
      const [course, categories] = await Promise.all([d.catalog.getCourse(slug), d.catalog.listCategories()]);
      return [
        { key: ['course', slug], data: course },
        { key: ['categories'], data: categories },
      ];
    },
    async ({ path }) => {
      const slug = one(path, '/instructors/');
      if (slug === null) return null;
      const [instructor, categories] = await Promise.all([
        d.catalog.getInstructor(slug),
        d.catalog.listCategories(),
      ]);
      return [
        { key: ['instructor', slug], data: instructor },
        { key: ['categories'], data: categories },
      ];
    },
  ];
}
