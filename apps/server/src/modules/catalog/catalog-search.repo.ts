import type { CatalogQuery } from '@9tangle/contracts';
import { and, count, eq, gt, gte, max, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { categories, courseInstructors, courses, instructorProfiles } from '../../db/schema/index.ts';
import { type CourseWithCategory, withCategory } from './courses.repo.ts';

const published = eq(courses.status, 'published');

/**
 * The public catalog's queries: published courses only, filtered and sorted in SQL. Full-text search
 * goes through the generated `search` column and its GIN index.
 */
export const catalogSearchRepo = {
  async search(x: Executor, q: CatalogQuery): Promise<{ items: CourseWithCategory[]; total: number }> {
    const tsq = q.q ? sql`websearch_to_tsquery('simple', ${q.q})` : null;
    const where: SQL | undefined = and(
      published,
      tsq ? sql`${courses.search} @@ ${tsq}` : undefined,
      q.category ? eq(categories.slug, q.category) : undefined,
      q.level ? eq(courses.level, q.level) : undefined,
      q.price === 'free'
        ? eq(courses.priceMinor, 0)
        : q.price === 'paid'
          ? gt(courses.priceMinor, 0)
          : undefined,
      q.minRating !== undefined ? gte(courses.ratingAvg, String(q.minRating)) : undefined,
      q.language ? eq(courses.language, q.language) : undefined,
      q.instructor
        ? sql`exists (select 1 from ${courseInstructors} join ${instructorProfiles} on ${instructorProfiles.userId} = ${courseInstructors.userId} where ${courseInstructors.courseId} = ${courses.id} and ${instructorProfiles.slug} = ${q.instructor})`
        : undefined,
    );
    const [items, [total]] = await Promise.all([
      x
        .select(withCategory)
        .from(courses)
        .leftJoin(categories, eq(categories.id, courses.categoryId))
        .where(where)
        .orderBy(...orderOf(q, tsq))
        .limit(q.limit)
        .offset((q.page - 1) * q.limit),
      x
        .select({ n: count() })
        .from(courses)
        .leftJoin(categories, eq(categories.id, courses.categoryId))
        .where(where),
    ]);
    return { items, total: total?.n ?? 0 };
  },

  /** An instructor's published courses, newest first. */
  async publishedByInstructor(x: Executor, userId: string): Promise<CourseWithCategory[]> {
    return x
      .select(withCategory)
      .from(courses)
      .innerJoin(courseInstructors, eq(courseInstructors.courseId, courses.id))
      .leftJoin(categories, eq(categories.id, courses.categoryId))
      .where(and(published, eq(courseInstructors.userId, userId)))
      .orderBy(sql`${courses.publishedAt} desc nulls last`, sql`${courses.id} desc`)
      .limit(200);
  },

  /** What the sitemap lists: published courses, and instructors with at least one, with last changes. */
  async sitemap(x: Executor) {
    const [courseRows, instructorRows] = await Promise.all([
      x
        .select({ slug: courses.slug, updatedAt: courses.updatedAt })
        .from(courses)
        .where(published)
        .orderBy(sql`${courses.publishedAt} desc nulls last`)
        .limit(45_000),
      x
        .select({ slug: instructorProfiles.slug, updatedAt: max(courses.updatedAt) })
        .from(instructorProfiles)
        .innerJoin(courseInstructors, eq(courseInstructors.userId, instructorProfiles.userId))
        .innerJoin(courses, eq(courses.id, courseInstructors.courseId))
        .where(published)
        .groupBy(instructorProfiles.slug)
        .limit(5_000),
    ]);
    return { courses: courseRows, instructors: instructorRows };
  },
};

/** ORDER BY for a catalog query; the `nulls last` forms match the indexes. The id keeps pages stable. */
function orderOf(q: CatalogQuery, tsq: SQL | null): SQL[] {
  const newest = sql`${courses.publishedAt} desc nulls last`;
  const tie = sql`${courses.id} desc`;
  const sort = q.sort ?? (tsq ? 'relevance' : 'newest');
  switch (sort) {
    case 'relevance':
      return tsq ? [sql`ts_rank(${courses.search}, ${tsq}) desc`, newest, tie] : [newest, tie];
    case 'popular':
      return [sql`${courses.enrollmentCount} desc nulls last`, newest, tie];
    case 'rating':
      return [sql`${courses.ratingAvg} desc nulls last`, sql`${courses.ratingCount} desc`, newest, tie];
    case 'price_asc':
      return [sql`${courses.priceMinor} asc`, newest, tie];
    case 'price_desc':
      return [sql`${courses.priceMinor} desc`, newest, tie];
    default:
      return [newest, tie];
  }
}
