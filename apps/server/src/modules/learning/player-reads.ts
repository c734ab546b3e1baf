import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { enrollments } from '../../db/schema/index.ts';
import type { CatalogCache } from '../catalog/catalog-cache.ts';
import { courseContentRepo } from './course-content.repo.ts';
import { lessonFilesRepo } from './media/lesson-files.repo.ts';
import { lessonMedia } from './media/lesson-files.service.ts';

type Outline = Awaited<ReturnType<typeof courseContentRepo.outline>>;
type PlayerCourse = NonNullable<Awaited<ReturnType<typeof courseContentRepo.courseBySlug>>>;
export interface LessonProgressMark {
  positionSeconds: number;
  watchedPercent: number;
  completedAt: string | null;
}
export interface ProgressMark {
  lessonId: string;
  positionSeconds: number;
  completedAt: string | null;
}

/**
 * The reads of the player's hot path, in as few round trips as they can be (docs/performance.md): the
 * course and its outline from the catalog's versioned cache (any catalog write makes them stale), the
 * enrollment with the student's progress in one prepared statement, the "course viewed" event and the
 * enrollment's last access in one statement.
 */
export function createPlayerReads(d: { database: Database; catalogCache: CatalogCache }) {
  const db = d.database.db;
  const enrollmentWithProgress = db
    .select({
      enrollment: enrollments,
      progress: sql<ProgressMark[]>`coalesce((
        select json_agg(json_build_object('lessonId', p.lesson_id, 'positionSeconds', p.position_seconds, 'completedAt', p.completed_at))
        from lesson_progress p where p.user_id = "enrollments"."user_id" and p.course_id = "enrollments"."course_id"
      ), '[]'::json)`,
    })
    .from(enrollments)
    .where(
      and(
        eq(enrollments.userId, sql.placeholder('userId')),
        eq(enrollments.courseId, sql.placeholder('courseId')),
      ),
    )
    .limit(1)
    .prepare('player_enrollment_with_progress');

  const enrollmentWithLessonProgress = db
    .select({
      enrollment: enrollments,
      progress: sql<LessonProgressMark | null>`(
        select json_build_object('positionSeconds', p.position_seconds, 'watchedPercent', p.watched_percent, 'completedAt', p.completed_at)
        from lesson_progress p where p.user_id = "enrollments"."user_id" and p.lesson_id = ${sql.placeholder('lessonId')}
      )`,
    })
    .from(enrollments)
    .where(
      and(
        eq(enrollments.userId, sql.placeholder('userId')),
        eq(enrollments.courseId, sql.placeholder('courseId')),
      ),
    )
    .limit(1)
    .prepare('player_enrollment_with_lesson_progress');

  return {
    /**
     * A lesson with what the player shows around it — its course's status, its neighbours in reading
     * order, its file and resources — cached with the catalog (lesson and file edits bump its version).
     */
    async lesson(lessonId: string) {
      const found = await d.catalogCache.read(`player-lesson:${lessonId}`, async () => {
        const lesson = await courseContentRepo.lesson(db, lessonId);
        if (!lesson) return null;
        const course = await courseContentRepo.courseById(db, lesson.courseId);
        if (!course) return null;
        const outline = await courseContentRepo.outline(db, course.id);
        const files = await lessonFilesRepo.ofLesson(db, lesson.id, lesson.mediaFileId);
        const i = outline.findIndex((l) => l.id === lesson.id);
        const {
          id,
          courseId,
          title,
          type,
          contentHtml,
          videoUrl,
          durationSeconds,
          isPreview,
          releaseAt,
          dripDays,
        } = lesson;
        return {
          lesson: {
            id,
            courseId,
            title,
            type,
            contentHtml,
            videoUrl,
            durationSeconds,
            isPreview,
            releaseAt,
            dripDays,
          },
          course: { id: course.id, status: course.status },
          prevLessonId: outline[i - 1]?.id ?? null,
          nextLessonId: outline[i + 1]?.id ?? null,
          media: lessonMedia(lesson, files),
        };
      });
      if (found?.lesson.releaseAt) found.lesson.releaseAt = new Date(found.lesson.releaseAt);
      return found;
    },
    async enrollmentWithLessonProgress(userId: string, courseId: string, lessonId: string) {
      const [row] = await enrollmentWithLessonProgress.execute({ userId, courseId, lessonId });
      return row;
    },
    /** The course by slug with its outline (reading order, no content), or null. */
    async course(slug: string): Promise<{ course: PlayerCourse; outline: Outline } | null> {
      const found = await d.catalogCache.read(`player:${slug}`, async () => {
        const course = await courseContentRepo.courseBySlug(db, slug);
        return course ? { course, outline: await courseContentRepo.outline(db, course.id) } : null;
      });
      if (!found) return null;
      // Through the cache dates arrive as text: release rules compare Dates.
      for (const l of found.outline) if (l.releaseAt) l.releaseAt = new Date(l.releaseAt);
      return found;
    },
    async enrollmentWithProgress(userId: string, courseId: string) {
      const [row] = await enrollmentWithProgress.execute({ userId, courseId });
      return row;
    },
    /** Record a "course viewed" event and the enrollment's last access, in one statement. */
    async recordView(userId: string, courseId: string, enrollmentId: string, now: Date): Promise<void> {
      await db.execute(sql`
        with viewed as (
          insert into course_events (user_id, course_id, type, created_at)
          values (${userId}, ${courseId}, 'course_viewed', ${now})
        )
        update enrollments set last_accessed_at = ${now} where id = ${enrollmentId}`);
    },
    /** The first lesson (reading order) of each course, cached with the catalog. */
    async firstLessons(courseIds: string[]): Promise<Map<string, string>> {
      const ids = await d.catalogCache.readMany<string | null>(
        courseIds.map((id) => `first-lesson:${id}`),
        async (keys) => {
          const first = await courseContentRepo.firstLessons(
            db,
            keys.map((k) => k.slice('first-lesson:'.length)),
          );
          return new Map(keys.map((k) => [k, first.get(k.slice('first-lesson:'.length)) ?? null]));
        },
      );
      return new Map(courseIds.flatMap((id, i) => (ids[i] ? [[id, ids[i] as string] as const] : [])));
    },
  };
}
export type PlayerReads = ReturnType<typeof createPlayerReads>;
