import type { CatalogPage, CatalogQuery, CourseDetail, InstructorPage } from '@9tangle/contracts';
import { ApiError, apiRequest } from './client.ts';
import type { CategoryList } from './types.ts';

// One order for every URL, so the same filters always make the same (shareable, cacheable) address.
const PARAM_ORDER: ReadonlyArray<keyof CatalogQuery> = [
  'q',
  'category',
  'level',
  'price',
  'minRating',
  'language',
  'instructor',
  'sort',
  'page',
  'limit',
];

/** `?q=…&level=…` for a parsed catalog query; unset values are left out. */
export function catalogSearchParams(query: Partial<CatalogQuery>): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of PARAM_ORDER) {
    const value = query[name];
    if (value === undefined || value === '') continue;
    params.set(name, String(value));
  }
  return params;
}

/** Null when the server answers 404, so "not found" is cached like any other answer. */
async function orNullWhenNotFound<T>(request: Promise<T>): Promise<T | null> {
  try {
    return await request;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export function listCategories(): Promise<CategoryList> {
  return apiRequest('/api/categories');
}

export function listCourses(query: CatalogQuery): Promise<CatalogPage> {
  return apiRequest(`/api/courses?${catalogSearchParams(query).toString()}`);
}

export function getCourse(slug: string): Promise<CourseDetail | null> {
  return orNullWhenNotFound(apiRequest<CourseDetail>(`/api/courses/${encodeURIComponent(slug)}`));
}

export function getInstructor(slug: string): Promise<InstructorPage | null> {
  return orNullWhenNotFound(apiRequest<InstructorPage>(`/api/instructors/${encodeURIComponent(slug)}`));
}
