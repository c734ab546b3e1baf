import type { CourseDailyVideos, DailyVideoDto, TodayVideoList } from '@9tangle/contracts';
import type { Database } from '../../../db/client.ts';
import type { DailyVideoRow } from '../../../db/schema/index.ts';
import { forbidden, notFound } from '../../../http/errors.ts';
import { type Clock, calendarDay } from '../../../platform/clock.ts';
import type { CurrentUser } from '../../identity/identity.types.ts';
import { courseContentRepo } from '../course-content.repo.ts';
import { enrollmentsRepo } from '../enrollments.repo.ts';
import { accessState } from '../learning.policy.ts';
import { lessonFilesRepo } from './lesson-files.repo.ts';

const EARLIER_LIMIT = 100;

const toDto = (v: DailyVideoRow): DailyVideoDto => ({
  id: v.id,
  day: v.day,
  title: v.title,
  url: v.url,
  note: v.note,
  createdAt: v.createdAt.toISOString(),
  updatedAt: v.updatedAt.toISOString(),
});

/**
 * The daily videos as enrolled students see them: today's (the academy's calendar day, in
 * `SITE_TIME_ZONE`) and the earlier ones; a video dated later is never shown before its day.
 */
export function createDailyVideosService(d: { database: Database; clock: Clock; siteTimeZone: string }) {
  const db = d.database.db;
  const today = () => calendarDay(d.clock.now(), d.siteTimeZone);
  return {
    /** A course's videos for an actively enrolled student (404 otherwise; 403 once access expired). */
    async ofCourse(user: CurrentUser, slug: string): Promise<CourseDailyVideos> {
      const course = await courseContentRepo.courseBySlug(db, slug);
      if (!course) throw notFound('course');
      const enrollment = await enrollmentsRepo.find(db, user.id, course.id);
      const state = enrollment ? accessState(enrollment, d.clock.now()) : 'revoked';
      if (state === 'revoked') throw notFound('course');
      if (state === 'expired') throw forbidden('enrollment_expired', 'Your access to this course has ended.');
      const day = today();
      const rows = await lessonFilesRepo.dailyVideosUpTo(db, course.id, day, EARLIER_LIMIT + 50);
      // Today's in the order they were added (the first one first); the earlier ones latest first.
      const todays = rows.filter((r) => r.day === day).reverse();
      return {
        course: { id: course.id, slug: course.slug, title: course.title },
        today: day,
        timeZone: d.siteTimeZone,
        todays: todays.map(toDto),
        earlier: rows
          .filter((r) => r.day < day)
          .slice(0, EARLIER_LIMIT)
          .map(toDto),
      };
    },

    /** Today's videos of all the student's active courses (for the dashboard), in one query. */
    async todayForStudent(user: CurrentUser): Promise<TodayVideoList> {
      const day = today();
      const rows = await lessonFilesRepo.todayForStudent(db, user.id, day, d.clock.now());
      const byCourse = new Map<string, TodayVideoList['items'][number]>();
      for (const r of rows) {
        const item = byCourse.get(r.courseId) ?? {
          courseId: r.courseId,
          courseSlug: r.courseSlug,
          videos: [],
        };
        item.videos.push({ id: r.id, title: r.title });
        byCourse.set(r.courseId, item);
      }
      return { today: day, items: [...byCourse.values()] };
    },
  };
}
export type DailyVideosService = ReturnType<typeof createDailyVideosService>;
