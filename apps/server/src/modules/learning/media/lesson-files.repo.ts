import { and, asc, desc, eq, gt, isNull, lte, or, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import {
  courseDailyVideos,
  courseInstructors,
  courses,
  enrollments,
  lessons,
  type MediaFileRow,
  mediaFiles,
} from '../../../db/schema/index.ts';

/**
 * What the player and the file route read of course files and daily videos: read-only views of
 * catalog tables, as `course-content.repo.ts` has them. Writes stay in the catalog module.
 */
export const lessonFilesRepo = {
  /**
   * A stored file with every fact its access rule needs, for one asker, in one query: its course's
   * status, its lesson's release rule, the asker's enrollment and whether they teach the course.
   */
  async forServing(x: Executor, fileId: string, userId: string | null) {
    const [row] = await x
      .select({
        file: mediaFiles,
        courseStatus: courses.status,
        lesson: {
          id: lessons.id,
          isPreview: lessons.isPreview,
          releaseAt: lessons.releaseAt,
          dripDays: lessons.dripDays,
          mediaFileId: lessons.mediaFileId,
        },
        enrollment: {
          id: enrollments.id,
          status: enrollments.status,
          grantedAt: enrollments.grantedAt,
          expiresAt: enrollments.expiresAt,
        },
        isInstructor: sql<boolean>`exists (select 1 from ${courseInstructors}
          where ${courseInstructors.courseId} = ${mediaFiles.courseId}
          and ${courseInstructors.userId} = ${userId})`,
      })
      .from(mediaFiles)
      .innerJoin(courses, eq(courses.id, mediaFiles.courseId))
      .leftJoin(lessons, eq(lessons.id, mediaFiles.lessonId))
      .leftJoin(
        enrollments,
        and(eq(enrollments.courseId, mediaFiles.courseId), eq(enrollments.userId, sql`${userId}::uuid`)),
      )
      .where(eq(mediaFiles.id, fileId))
      .limit(1);
    return row;
  },

  /** The lesson's own file (if `mediaFileId` is set) and its resources, in order, in one query. */
  async ofLesson(x: Executor, lessonId: string, mediaFileId: string | null): Promise<MediaFileRow[]> {
    return x
      .select()
      .from(mediaFiles)
      .where(
        and(
          eq(mediaFiles.lessonId, lessonId),
          mediaFileId
            ? or(eq(mediaFiles.kind, 'resource'), eq(mediaFiles.id, mediaFileId))
            : eq(mediaFiles.kind, 'resource'),
        ),
      )
      .orderBy(asc(mediaFiles.position), asc(mediaFiles.createdAt));
  },

  /** A course's daily videos up to `today` (never later ones), latest first. */
  async dailyVideosUpTo(x: Executor, courseId: string, today: string, limit: number) {
    return x
      .select()
      .from(courseDailyVideos)
      .where(and(eq(courseDailyVideos.courseId, courseId), lte(courseDailyVideos.day, today)))
      .orderBy(desc(courseDailyVideos.day), desc(courseDailyVideos.createdAt), asc(courseDailyVideos.title))
      .limit(limit);
  },

  /** Today's videos of every course the student is actively enrolled in (and not expired), in one query. */
  async todayForStudent(x: Executor, userId: string, today: string, now: Date) {
    return x
      .select({
        courseId: courses.id,
        courseSlug: courses.slug,
        id: courseDailyVideos.id,
        title: courseDailyVideos.title,
      })
      .from(enrollments)
      .innerJoin(courses, eq(courses.id, enrollments.courseId))
      .innerJoin(
        courseDailyVideos,
        and(eq(courseDailyVideos.courseId, enrollments.courseId), eq(courseDailyVideos.day, today)),
      )
      .where(
        and(
          eq(enrollments.userId, userId),
          eq(enrollments.status, 'active'),
          or(isNull(enrollments.expiresAt), gt(enrollments.expiresAt, now)),
        ),
      )
      .orderBy(asc(courses.id), asc(courseDailyVideos.createdAt), asc(courseDailyVideos.title));
  },
};
