import { type CourseStatus, RESERVED_COURSE_SLUGS } from '@9tangle/contracts';
import { and, asc, count, desc, eq, getTableColumns, inArray, like, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { categories, courseInstructors, courses } from '../../db/schema/index.ts';

// Every column but the generated search document, which nothing reads back.
const { search: _search, ...courseColumns } = getTableColumns(courses);

export { courseColumns };
export type Course = Omit<typeof courses.$inferSelect, 'search'>;
export type CourseWithCategory = Course & { categorySlug: string | null; categoryName: string | null };
export type CourseInsert = Omit<typeof courses.$inferInsert, 'search'>;

/** A course row with its category's slug and name (left join). */
export const withCategory = {
  ...courseColumns,
  categorySlug: categories.slug,
  categoryName: categories.name,
};

/** Queries on courses and their instructor lists. Executor first, so a service can compose them. */
export const coursesRepo = {
  async findById(x: Executor, id: string): Promise<Course | undefined> {
    const [row] = await x.select(courseColumns).from(courses).where(eq(courses.id, id)).limit(1);
    return row;
  },
  /** The course row locked for the rest of the transaction: status, counts and positions change under it. */
  async lockById(x: Executor, id: string): Promise<Course | undefined> {
    const [row] = await x.select(courseColumns).from(courses).where(eq(courses.id, id)).for('update');
    return row;
  },
  async findPublishedBySlug(x: Executor, slug: string): Promise<CourseWithCategory | undefined> {
    const [row] = await x
      .select(withCategory)
      .from(courses)
      .leftJoin(categories, eq(categories.id, courses.categoryId))
      .where(and(eq(courses.slug, slug), eq(courses.status, 'published')))
      .limit(1);
    return row;
  },
  async findWithCategory(x: Executor, id: string): Promise<CourseWithCategory | undefined> {
    const [row] = await x
      .select(withCategory)
      .from(courses)
      .leftJoin(categories, eq(categories.id, courses.categoryId))
      .where(eq(courses.id, id))
      .limit(1);
    return row;
  },
  /** Courses by id in any status (a student keeps seeing a course they enrolled in), with categories. */
  async findManyWithCategory(x: Executor, ids: string[]): Promise<CourseWithCategory[]> {
    if (ids.length === 0) return [];
    return x
      .select(withCategory)
      .from(courses)
      .leftJoin(categories, eq(categories.id, courses.categoryId))
      .where(inArray(courses.id, ids));
  },
  async instructorIds(x: Executor, courseId: string): Promise<string[]> {
    const rows = await x
      .select({ userId: courseInstructors.userId })
      .from(courseInstructors)
      .where(eq(courseInstructors.courseId, courseId))
      .orderBy(asc(courseInstructors.position));
    return rows.map((r) => r.userId);
  },
  /** Slugs equal to `base` or of the form `base-…`, to pick the next free suffix. */
  async slugsLike(x: Executor, base: string): Promise<string[]> {
    const rows = await x
      .select({ slug: courses.slug })
      .from(courses)
      .where(or(eq(courses.slug, base), like(courses.slug, `${base}-%`)));
    // Reserved slugs (pages of their own under /courses/) count as taken.
    return [...rows.map((r) => r.slug), ...RESERVED_COURSE_SLUGS];
  },
  async slugTaken(x: Executor, slug: string, exceptId?: string): Promise<boolean> {
    if ((RESERVED_COURSE_SLUGS as readonly string[]).includes(slug)) return true;
    const rows = await x
      .select({ id: courses.id })
      .from(courses)
      .where(and(eq(courses.slug, slug), exceptId ? sql`${courses.id} <> ${exceptId}` : undefined))
      .limit(1);
    return rows.length > 0;
  },
  async insert(x: Executor, values: CourseInsert): Promise<Course> {
    const [row] = await x.insert(courses).values(values).returning(courseColumns);
    return row as Course;
  },
  async update(x: Executor, id: string, values: Partial<CourseInsert>): Promise<Course> {
    const [row] = await x.update(courses).set(values).where(eq(courses.id, id)).returning(courseColumns);
    return row as Course;
  },
  async addInstructor(x: Executor, courseId: string, userId: string, position: number): Promise<void> {
    await x.insert(courseInstructors).values({ courseId, userId, position }).onConflictDoNothing();
  },
  async adjustLessonCount(x: Executor, id: string, delta: number, now: Date): Promise<void> {
    await x
      .update(courses)
      .set({ lessonCount: sql`greatest(${courses.lessonCount} + ${delta}, 0)`, updatedAt: now })
      .where(eq(courses.id, id));
  },
  /** The studio list: the user's own courses, or every course for an admin (`userId` null). */
  async listForStudio(x: Executor, userId: string | null): Promise<CourseWithCategory[]> {
    const mine = userId
      ? sql`exists (select 1 from ${courseInstructors} where ${courseInstructors.courseId} = ${courses.id} and ${courseInstructors.userId} = ${userId})`
      : undefined;
    return x
      .select(withCategory)
      .from(courses)
      .leftJoin(categories, eq(categories.id, courses.categoryId))
      .where(mine)
      .orderBy(desc(courses.updatedAt), desc(courses.id))
      .limit(500);
  },
  /** Every course for the admin, by status (the review queue) and title words; oldest submissions first. */
  async listForAdmin(x: Executor, q: { status?: CourseStatus; q?: string; page: number; limit: number }) {
    const where: SQL | undefined = and(
      q.status ? eq(courses.status, q.status) : undefined,
      q.q ? sql`${courses.search} @@ websearch_to_tsquery('simple', ${q.q})` : undefined,
    );
    const [items, [total]] = await Promise.all([
      x
        .select(withCategory)
        .from(courses)
        .leftJoin(categories, eq(categories.id, courses.categoryId))
        .where(where)
        .orderBy(
          q.status === 'in_review' ? asc(courses.updatedAt) : desc(courses.updatedAt),
          desc(courses.id),
        )
        .limit(q.limit)
        .offset((q.page - 1) * q.limit),
      x.select({ n: count() }).from(courses).where(where),
    ]);
    return { items, total: total?.n ?? 0 };
  },
  /** Feature a published course (`at`) or stop featuring it (null); false when no published course matched. */
  async setFeatured(x: Executor, id: string, at: Date | null): Promise<boolean> {
    const rows = await x
      .update(courses)
      .set({ featuredAt: at })
      .where(and(eq(courses.id, id), at ? eq(courses.status, 'published') : undefined))
      .returning({ id: courses.id });
    return rows.length > 0;
  },
  /** Published featured courses, newest featured first. */
  async listFeatured(x: Executor, limit: number): Promise<CourseWithCategory[]> {
    return x
      .select(withCategory)
      .from(courses)
      .leftJoin(categories, eq(categories.id, courses.categoryId))
      .where(and(eq(courses.status, 'published'), sql`${courses.featuredAt} is not null`))
      .orderBy(desc(courses.featuredAt), desc(courses.id))
      .limit(limit);
  },
  async countByCategory(x: Executor, categoryId: string): Promise<number> {
    const [row] = await x.select({ n: count() }).from(courses).where(eq(courses.categoryId, categoryId));
    return row?.n ?? 0;
  },
};
