import { CatalogQuery } from '@9tangle/contracts';
import type { PageLoader } from '../../http/web.ts';
import type { CatalogService } from './catalog.service.ts';

/** The query a catalog URL asks for; a query string that does not parse falls back to the defaults. */
export function catalogQueryOf(query: URLSearchParams): CatalogQuery {
  const parsed = CatalogQuery.safeParse(Object.fromEntries(query));
  return parsed.success ? parsed.data : CatalogQuery.parse({});
}

/**
 * The data of the public catalog pages, answered on the server under the query keys the web app uses,
 * so a search engine (or a reader without JavaScript) gets the whole page in the HTML.
 */
export function catalogPageLoaders(d: { catalog: CatalogService }): PageLoader[] {
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
      return [{ key: ['course', slug], data: await d.catalog.getCourse(slug) }];
    },
    async ({ path }) => {
      const slug = one(path, '/instructors/');
      if (slug === null) return null;
      return [{ key: ['instructor', slug], data: await d.catalog.getInstructor(slug) }];
    },
  ];
}
