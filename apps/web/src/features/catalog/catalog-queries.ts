import { type CatalogQuery, parseCatalogQuery } from '@9tangle/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getCourse, getInstructor, listCategories, listCourses } from '../../api/catalog.ts';
import { SEEDED_STALE_TIME } from '../../lib/seed-queries.ts';

// These keys are part of the server-rendering contract: the server seeds answers under exactly these
// keys (apps/server/src/http/web.ts, `SeededQuery`), and a different key would refetch at hydration.
export const categoriesQueryKey = ['categories'] as const;
export const catalogQueryKey = (query: CatalogQuery) => ['catalog', query] as const;
export const courseQueryKey = (slug: string) => ['course', slug] as const;
export const instructorQueryKey = (slug: string) => ['instructor', slug] as const;

/**
 * The catalog query for a URL, parsed exactly as the server parses it (defaults included) so that both
 * build the same key. A URL that does not parse shows the unfiltered first page.
 */
export function parseCatalogSearch(searchParams: URLSearchParams): CatalogQuery {
  return parseCatalogQuery(searchParams);
}

export function useCategories() {
  return useQuery({ queryKey: categoriesQueryKey, queryFn: listCategories, staleTime: SEEDED_STALE_TIME });
}

/** The colour of a category (for placeholders), once the category list is known. */
export function useCategoryColour(slug: string | undefined): string | null {
  const { data } = useCategories();
  if (!slug) return null;
  return data?.items.find((category) => category.slug === slug)?.colour ?? null;
}

export function useCatalog(query: CatalogQuery) {
  return useQuery({
    queryKey: catalogQueryKey(query),
    queryFn: () => listCourses(query),
    staleTime: SEEDED_STALE_TIME,
    // Keep the current results on screen while the next filter's results load.
    placeholderData: keepPreviousData,
  });
}

/** `data` is null when there is no such published course. */
export function useCourse(slug: string) {
  return useQuery({
    queryKey: courseQueryKey(slug),
    queryFn: () => getCourse(slug),
    staleTime: SEEDED_STALE_TIME,
  });
}

/** `data` is null when there is no such instructor. */
export function useInstructor(slug: string) {
  return useQuery({
    queryKey: instructorQueryKey(slug),
    queryFn: () => getInstructor(slug),
    staleTime: SEEDED_STALE_TIME,
  });
}
