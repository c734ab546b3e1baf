import { and, asc, eq, inArray, isNotNull, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { courseEvents, courseSections, courses, lessonProgress, lessons } from '../../db/schema/index.ts';

/**
 * What the player reads of a course (read-only views of catalog tables) and the student's progress in it.
 * Writes to catalog tables stay in the catalog module.
 */
export const courseContentRepo = {
  courseBySlug: (x: Executor, slug: string) => courseWhere(x, eq(courses.slug, slug)),
  courseById: (x: Executor, id: string) => courseWhere(x, eq(courses.id, id)),
  /** Every lesson of a course in reading order (section position, then lesson position), without content. */
  async outline(x: Executor, courseId: string) {
    return x
      .select({
        id: lessons.id,
        sectionId: lessons.sectionId,
        sectionTitle: courseSections.title,
        sectionPosition: courseSections.position,
        title: lessons.title,
        type: lessons.type,
        durationSeconds: lessons.durationSeconds,
        isPreview: lessons.isPreview,
        isRequired: lessons.isRequired,
        releaseAt: lessons.releaseAt,
        dripDays: lessons.dripDays,
        position: lessons.position,
      })
      .from(lessons)
      .innerJoin(courseSections, eq(courseSections.id, lessons.sectionId))
      .where(eq(lessons.courseId, courseId))
      .orderBy(asc(courseSections.position), asc(lessons.position));
  },
  /** The first lesson (reading order) of each course, in one query. */
  async firstLessons(x: Executor, courseIds: string[]): Promise<Map<string, string>> {
    if (courseIds.length === 0) return new Map();
    const rows = await x
      .selectDistinctOn([lessons.courseId], { courseId: lessons.courseId, id: lessons.id })
      .from(lessons)
      .innerJoin(courseSections, eq(courseSections.id, lessons.sectionId))
      .where(inArray(lessons.courseId, courseIds))
      .orderBy(asc(lessons.courseId), asc(courseSections.position), asc(lessons.position));
    return new Map(rows.map((r) => [r.courseId, r.id]));
  },
  async lesson(x: Executor, id: string) {
    const [row] = await x.select().from(lessons).where(eq(lessons.id, id)).limit(1);
    return row;
  },
  async progressOf(x: Executor, userId: string, courseId: string) {
    return x
      .select()
      .from(lessonProgress)
      .where(and(eq(lessonProgress.userId, userId), eq(lessonProgress.courseId, courseId)));
  },
  async progressOfLesson(x: Executor, userId: string, lessonId: string) {
    const [row] = await x
      .select()
      .from(lessonProgress)
      .where(and(eq(lessonProgress.userId, userId), eq(lessonProgress.lessonId, lessonId)))
      .limit(1);
    return row;
  },
  /** Save a position and the furthest point watched; completion is only ever set, never cleared, here. */
  async saveProgress(
    x: Executor,
    v: {
      userId: string;
      lessonId: string;
      courseId: string;
      positionSeconds: number;
      watchedPercent: number;
      completedAt: Date | null;
      now: Date;
    },
  ) {
    await x
      .insert(lessonProgress)
      .values({ ...v, createdAt: v.now, updatedAt: v.now })
      .onConflictDoUpdate({
        target: [lessonProgress.userId, lessonProgress.lessonId],
        set: {
          positionSeconds: v.positionSeconds,
          watchedPercent: sqlGreatest(v.watchedPercent),
          ...(v.completedAt ? { completedAt: v.completedAt } : {}),
          updatedAt: v.now,
        },
      });
  },
  async clearCompletion(x: Executor, userId: string, lessonId: string, now: Date) {
    await x
      .update(lessonProgress)
      .set({ completedAt: null, updatedAt: now })
      .where(and(eq(lessonProgress.userId, userId), eq(lessonProgress.lessonId, lessonId)));
  },
  /** How many of the given (required) lessons the student has completed. */
  async countCompleted(x: Executor, userId: string, lessonIds: string[]): Promise<number> {
    if (lessonIds.length === 0) return 0;
    const rows = await x
      .select({ id: lessonProgress.lessonId })
      .from(lessonProgress)
      .where(
        and(
          eq(lessonProgress.userId, userId),
          inArray(lessonProgress.lessonId, lessonIds),
          isNotNull(lessonProgress.completedAt),
        ),
      );
    return rows.length;
  },
  async recordEvent(x: Executor, userId: string, courseId: string, type: string, now: Date) {
    await x.insert(courseEvents).values({ userId, courseId, type, createdAt: now });
  },
};

async function courseWhere(x: Executor, where: SQL) {
  const [row] = await x
    .select({
      id: courses.id,
      slug: courses.slug,
      title: courses.title,
      status: courses.status,
      priceMinor: courses.priceMinor,
    })
    .from(courses)
    .where(where)
    .limit(1);
  return row;
}

/** Keep the furthest point watched: a student scrubbing back does not lose the 90 %. */
function sqlGreatest(v: number) {
  return sql`greatest(${lessonProgress.watchedPercent}, ${v})`;
}
