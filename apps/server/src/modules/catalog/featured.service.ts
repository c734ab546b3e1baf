import type { FeaturedCourseList, StudioCourse } from '@9tangle/contracts';
import { conflict, notFound } from '../../http/errors.ts';
import type { CatalogDeps } from './catalog.deps.ts';
import { courseViews } from './course-views.ts';
import { coursesRepo } from './courses.repo.ts';

/** How many featured courses the home page shows. */
export const FEATURED_LIMIT = 6;

/**
 * Featured courses: an admin picks published courses for the home page, newest featured first. Only a
 * published course can be featured (409 `course_not_published`); one that is unpublished or archived
 * later keeps its mark but drops off the home page until it is published again.
 */
export function createFeaturedService(d: Pick<CatalogDeps, 'database' | 'cache' | 'clock'>) {
  const db = d.database.db;

  async function set(id: string, featured: boolean): Promise<{ before: StudioCourse; after: StudioCourse }> {
    const course = await coursesRepo.findById(db, id);
    if (!course) throw notFound('course');
    if (featured && course.status !== 'published')
      throw conflict('course_not_published', 'Only a published course can be featured');
    const before = await courseViews.studio(db, id);
    // Featuring again moves the course to the front; the status is checked again in the UPDATE, so a
    // course unpublished meanwhile is refused rather than featured.
    if (!(await coursesRepo.setFeatured(db, id, featured ? d.clock.now() : null)))
      throw conflict('course_not_published', 'Only a published course can be featured');
    await d.cache.bump();
    return { before, after: await courseViews.studio(db, id) };
  }

  return {
    feature: (id: string) => set(id, true),
    unfeature: (id: string) => set(id, false),
    /** The home page's cards, cached with the catalog. */
    list(): Promise<FeaturedCourseList> {
      return d.cache.read('featured', async () => ({
        items: await courseViews.summaries(db, await coursesRepo.listFeatured(db, FEATURED_LIMIT)),
      }));
    },
  };
}
export type FeaturedService = ReturnType<typeof createFeaturedService>;
