import type {
  CatalogPage,
  CatalogQuery,
  CategoryList,
  CourseDetail,
  CourseSummary,
  InstructorPage,
} from '@9tangle/contracts';
import { Slug } from '@9tangle/contracts';
import type { CatalogDeps } from './catalog.deps.ts';
import { toCategoryDto, toInstructorRef } from './catalog.mappers.ts';
import { queryFingerprint } from './catalog-cursor.ts';
import { catalogSearchRepo, resolvedSort, sortKeyCount } from './catalog-search.repo.ts';
import { categoriesRepo } from './categories.repo.ts';
import { courseViews } from './course-views.ts';
import { coursesRepo } from './courses.repo.ts';
import { instructorsRepo } from './instructors/instructors.repo.ts';

/** The key of a catalog query, the same however its fields were ordered or cased. */
function queryKey(q: CatalogQuery): string {
  const normal: Record<string, unknown> = { ...q, q: q.q?.toLowerCase() || undefined };
  return JSON.stringify(Object.fromEntries(Object.entries(normal).sort(([a], [b]) => a.localeCompare(b))));
}

/**
 * The public catalog: what anyone may read without signing in. Only published courses exist here;
 * everything is served from the versioned cache and recomputed after any catalog write.
 */
export function createCatalogService(d: Pick<CatalogDeps, 'database' | 'cache' | 'cursors'>) {
  const db = d.database.db;
  return {
    /** Active categories in display order, with their published-course counts. */
    listCategories(): Promise<CategoryList> {
      return d.cache.read('categories', async () => ({
        items: (await categoriesRepo.list(db, { activeOnly: true })).map(toCategoryDto),
      }));
    },

    /**
     * One page of published courses: full-text search, filters, sorts and page information, by page
     * number or by keyset `cursor` (400 `invalid_cursor` when it was not made for this query). Every
     * answer but the last page's carries the `nextCursor`.
     */
    search(q: CatalogQuery): Promise<CatalogPage> {
      const fingerprint = queryFingerprint(q, resolvedSort(q));
      // Checked before the cache: a forged cursor never reaches the database or takes a cache entry.
      const position = q.cursor ? d.cursors.decode(q.cursor, fingerprint, sortKeyCount(q)) : null;
      return d.cache.read(`page:${queryKey(q)}`, async () => {
        const { items, total, lastKeys } = await catalogSearchRepo.search(db, q, position?.keys ?? null);
        const page = position?.page ?? q.page;
        return {
          items: await courseViews.summaries(db, items),
          pageInfo: { page, limit: q.limit, total, pages: Math.ceil(total / q.limit) },
          nextCursor: lastKeys ? d.cursors.encode(fingerprint, { page: page + 1, keys: lastKeys }) : null,
        };
      });
    },

    /** Catalog cards for the given course ids, in that order (the student dashboard's courses). */
    /** Cards of courses by id, whatever their status (a student keeps an archived course), cached per course. */
    async summariesByIds(ids: string[]) {
      const found = await d.cache.readMany<CourseSummary | null>(
        ids.map((id) => `summary:${id}`),
        async (keys) => {
          const rows = await coursesRepo.findManyWithCategory(
            db,
            keys.map((k) => k.slice('summary:'.length)),
          );
          return new Map((await courseViews.summaries(db, rows)).map((s) => [`summary:${s.id}`, s]));
        },
      );
      return found.flatMap((s) => (s ? [s] : []));
    },

    /** The public course page, or null when there is no such published course. */
    getCourse(slug: string): Promise<CourseDetail | null> {
      if (!Slug.safeParse(slug).success) return Promise.resolve(null);
      return d.cache.read(`course:${slug}`, async () => {
        const row = await coursesRepo.findPublishedBySlug(db, slug);
        return row ? courseViews.detail(db, row) : null;
      });
    },

    /** An instructor's page, or null when there is no such instructor with a published course. */
    getInstructor(slug: string): Promise<InstructorPage | null> {
      if (!Slug.safeParse(slug).success) return Promise.resolve(null);
      return d.cache.read(`instructor:${slug}`, async () => {
        const profile = await instructorsRepo.findBySlug(db, slug);
        if (!profile) return null;
        const rows = await catalogSearchRepo.publishedByInstructor(db, profile.id);
        // Until they publish something, instructors have no public page.
        if (rows.length === 0) return null;
        return {
          instructor: { ...toInstructorRef(profile), headline: profile.headline, bio: profile.bio },
          courses: await courseViews.summaries(db, rows),
        };
      });
    },

    /** Published courses and their instructors, for the sitemap. */
    sitemapEntries() {
      return d.cache.read('sitemap', async () => {
        const s = await catalogSearchRepo.sitemap(db);
        const iso = (t: Date | string | null) => (t ? new Date(t).toISOString() : null);
        return {
          courses: s.courses.map((c) => ({ slug: c.slug, lastmod: iso(c.updatedAt) })),
          instructors: s.instructors.map((i) => ({ slug: i.slug, lastmod: iso(i.updatedAt) })),
        };
      });
    },
  };
}
export type CatalogService = ReturnType<typeof createCatalogService>;
