import type { CatalogQuery } from '@9tangle/contracts';
import { catalogSearchParams } from '../../api/catalog.ts';

const DEFAULT_LIMIT = 12;

/** The filters a visitor can set; changing any of them starts again at page 1. */
export type CatalogFilters = Omit<CatalogQuery, 'page' | 'limit'>;
export type CatalogChange = { [K in keyof CatalogQuery]?: CatalogQuery[K] | undefined };

/**
 * The `/courses` URL for the current query with `changes` applied. Defaults are left out (page 1, the
 * default page size) so every state has one short, shareable URL.
 */
export function catalogHref(query: CatalogQuery, changes: CatalogChange = {}): string {
  const next: CatalogChange = { ...query, page: 1, ...changes };
  if (next.page === 1) next.page = undefined;
  if (next.limit === DEFAULT_LIMIT) next.limit = undefined;
  if (next.q !== undefined && next.q.trim() === '') next.q = undefined;
  // Relevance ranks by the search term; without one it means nothing.
  if (next.q === undefined && next.sort === 'relevance') next.sort = undefined;
  const search = catalogSearchParams(next).toString();
  return search ? `/courses?${search}` : '/courses';
}

/** Search engines index one URL per category: everything but `category` is left out. */
export function catalogCanonicalPath(query: CatalogQuery): string {
  return query.category ? `/courses?category=${encodeURIComponent(query.category)}` : '/courses';
}

/** Whether the visitor narrowed the catalog (search or any filter). */
export function hasFilters(query: CatalogQuery): boolean {
  return Boolean(
    query.q ||
      query.category ||
      query.level ||
      query.price ||
      query.minRating ||
      query.language ||
      query.instructor,
  );
}
