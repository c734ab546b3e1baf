import type { EnrollmentRow } from '../../db/schema/index.ts';
import { AppError, forbidden, notFound } from '../../http/errors.ts';
import type { CurrentUser } from '../identity/identity.types.ts';
import { courseContentRepo } from './course-content.repo.ts';
import { enrollmentsRepo } from './enrollments.repo.ts';
import type { LearningDeps } from './learning.deps.ts';
import { AUTO_COMPLETE_PERCENT, accessState, availableAt, progressPercent } from './learning.policy.ts';
import { lessonFilesRepo } from './media/lesson-files.repo.ts';
import { lessonMedia } from './media/lesson-files.service.ts';

/**
 * The lesson player: the course outline with the student's state, a lesson's content (only when
 * enrolled and released, or a free preview), progress with resume position and auto-completion.
 */
export function createPlayerService(d: LearningDeps) {
  const { database, clock } = d;

  /** The student's live enrollment in a course: 404 when there is none, 403 when it expired. */
  async function liveEnrollment(user: CurrentUser, courseId: string): Promise<EnrollmentRow> {
    const e = await enrollmentsRepo.find(database.db, user.id, courseId);
    const state = e ? accessState(e, clock.now()) : 'revoked';
    if (!e || state === 'revoked') throw notFound('course');
    if (state === 'expired') throw forbidden('enrollment_expired', 'Your access to this course has ended.');
    return e;
  }

  /** Recount completed required lessons and store the course progress (and completion, once). */
  async function recompute(user: CurrentUser, enrollment: EnrollmentRow) {
    const outline = await courseContentRepo.outline(database.db, enrollment.courseId);
    const required = outline.filter((l) => l.isRequired).map((l) => l.id);
    const done = await courseContentRepo.countCompleted(database.db, user.id, required);
    const pct = progressPercent(done, required.length);
    // A quiz lesson is complete only once an attempt passed (see `complete` and `recordQuizPassed`), so
    // "every required lesson complete" already means "every required quiz passed".
    const courseCompleted = required.length > 0 && done === required.length;
    await enrollmentsRepo.setProgress(database.db, enrollment.id, {
      completedLessons: done,
      progressPercent: pct,
      ...(courseCompleted ? { completedAt: clock.now() } : {}),
    });
    // Idempotent on the other side (a certificate is issued once), so it is safe to call on every
    // completed recount: a failure here is retried by the next one.
    if (courseCompleted && d.onCourseCompleted) await d.onCourseCompleted(user.id, enrollment.courseId);
    return { courseCompleted, progressPercent: pct, completedLessons: done };
  }

  return {
    async course(user: CurrentUser, slug: string) {
      const course = await courseContentRepo.courseBySlug(database.db, slug);
      if (!course) throw notFound('course');
      const enrollment = await liveEnrollment(user, course.id);
      const now = clock.now();
      const [outline, progress] = await Promise.all([
        courseContentRepo.outline(database.db, course.id),
        courseContentRepo.progressOf(database.db, user.id, course.id),
      ]);
      await Promise.all([
        courseContentRepo.recordEvent(database.db, user.id, course.id, 'course_viewed', now),
        enrollmentsRepo.touch(database.db, enrollment.id, null, now),
      ]);
      const byLesson = new Map(progress.map((p) => [p.lessonId, p]));
      const sections = new Map<string, { id: string; title: string; position: number; lessons: unknown[] }>();
      for (const l of outline) {
        const at = availableAt(l, enrollment.grantedAt);
        const p = byLesson.get(l.id);
        const section = sections.get(l.sectionId) ?? {
          id: l.sectionId,
          title: l.sectionTitle,
          position: l.sectionPosition,
          lessons: [],
        };
        sections.set(l.sectionId, section);
        section.lessons.push({
          id: l.id,
          title: l.title,
          type: l.type,
          durationSeconds: l.durationSeconds,
          isPreview: l.isPreview,
          isRequired: l.isRequired,
          position: l.position,
          locked: at !== null && at > now,
          availableAt: at && at > now ? at.toISOString() : null,
          completed: !!p?.completedAt,
          positionSeconds: p?.positionSeconds ?? 0,
        });
      }
      const firstOpen = outline.find((l) => !byLesson.get(l.id)?.completedAt)?.id ?? outline[0]?.id ?? null;
      return {
        course: { id: course.id, slug: course.slug, title: course.title },
        enrollment: { ...enrollment, lastAccessedAt: now },
        sections: [...sections.values()],
        continueLessonId: enrollment.lastLessonId ?? firstOpen,
      };
    },

    /** A lesson's content: enrolled and released, or a free preview of a published course. */
    async lesson(user: CurrentUser | null, lessonId: string) {
      const lesson = await courseContentRepo.lesson(database.db, lessonId);
      if (!lesson) throw notFound('lesson');
      const course = await courseContentRepo.courseById(database.db, lesson.courseId);
      if (!course) throw notFound('lesson');
      const now = clock.now();
      const enrollment = user ? await enrollmentsRepo.find(database.db, user.id, course.id) : undefined;
      const enrolled = enrollment && accessState(enrollment, now) === 'active';
      const preview = lesson.isPreview && course.status === 'published';
      if (!enrolled && !preview) {
        if (enrollment && accessState(enrollment, now) === 'expired')
          throw forbidden('enrollment_expired', 'Your access to this course has ended.');
        throw notFound('lesson');
      }
      if (enrolled && !preview) {
        const at = availableAt(lesson, enrollment.grantedAt);
        if (at && at > now)
          throw new AppError('lesson_locked', 403, 'This lesson is not open yet', {
            availableAt: at.toISOString(),
          });
      }
      const [outline, files] = await Promise.all([
        courseContentRepo.outline(database.db, course.id),
        lessonFilesRepo.ofLesson(database.db, lesson.id, lesson.mediaFileId),
      ]);
      const i = outline.findIndex((l) => l.id === lesson.id);
      const progress =
        user && enrolled
          ? await courseContentRepo.progressOfLesson(database.db, user.id, lesson.id)
          : undefined;
      if (enrolled) await enrollmentsRepo.touch(database.db, enrollment.id, lesson.id, now);
      return {
        id: lesson.id,
        courseId: course.id,
        title: lesson.title,
        type: lesson.type,
        contentHtml: lesson.contentHtml,
        videoUrl: lesson.videoUrl,
        durationSeconds: lesson.durationSeconds,
        progress: {
          completed: !!progress?.completedAt,
          positionSeconds: progress?.positionSeconds ?? 0,
          watchedPercent: progress?.watchedPercent ?? 0,
        },
        prevLessonId: outline[i - 1]?.id ?? null,
        nextLessonId: outline[i + 1]?.id ?? null,
        ...lessonMedia(lesson, files),
      };
    },

    /** Save the resume position; a video watched to 90 % completes its lesson. */
    async saveProgress(
      user: CurrentUser,
      lessonId: string,
      p: { positionSeconds: number; watchedPercent: number },
    ) {
      const lesson = await courseContentRepo.lesson(database.db, lessonId);
      const auto = lesson?.type === 'video' && p.watchedPercent >= AUTO_COMPLETE_PERCENT;
      return this.mark(user, lessonId, p, auto);
    },

    /** The quiz service's call when an attempt passes: the quiz lesson is complete (idempotent). */
    async recordQuizPassed(user: CurrentUser, lessonId: string) {
      return this.mark(user, lessonId, null, true);
    },

    async complete(user: CurrentUser, lessonId: string, completed: boolean) {
      const lesson = await courseContentRepo.lesson(database.db, lessonId);
      // A quiz completes by passing it, never by a click (nor is a pass taken back by one).
      if (lesson?.type === 'quiz')
        throw new AppError('quiz_not_passed', 409, 'A quiz is completed by passing it.');
      if (completed) return this.mark(user, lessonId, null, true);
      const { enrollment } = await openLesson(user, lessonId);
      await courseContentRepo.clearCompletion(database.db, user.id, lessonId, clock.now());
      const r = await recompute(user, enrollment);
      return { lessonCompleted: false, ...r };
    },

    async mark(
      user: CurrentUser,
      lessonId: string,
      p: { positionSeconds: number; watchedPercent: number } | null,
      complete: boolean,
    ) {
      const { lesson, enrollment } = await openLesson(user, lessonId);
      const now = clock.now();
      const before = await courseContentRepo.progressOfLesson(database.db, user.id, lessonId);
      await courseContentRepo.saveProgress(database.db, {
        userId: user.id,
        lessonId,
        courseId: lesson.courseId,
        positionSeconds: p?.positionSeconds ?? before?.positionSeconds ?? 0,
        watchedPercent: p?.watchedPercent ?? before?.watchedPercent ?? 0,
        completedAt: complete && !before?.completedAt ? now : null,
        now,
      });
      // Where the student last worked is where "Continue" takes them.
      await enrollmentsRepo.touch(database.db, enrollment.id, lessonId, now);
      const r = await recompute(user, enrollment);
      return { lessonCompleted: complete || !!before?.completedAt, ...r };
    },
  };

  /** A lesson the student may record progress on: enrolled, active and released. */
  async function openLesson(user: CurrentUser, lessonId: string) {
    const lesson = await courseContentRepo.lesson(database.db, lessonId);
    if (!lesson) throw notFound('lesson');
    const enrollment = await liveEnrollment(user, lesson.courseId);
    const at = availableAt(lesson, enrollment.grantedAt);
    if (at && at > clock.now())
      throw new AppError('lesson_locked', 403, 'This lesson is not open yet', {
        availableAt: at.toISOString(),
      });
    return { lesson, enrollment };
  }
}
export type PlayerService = ReturnType<typeof createPlayerService>;
