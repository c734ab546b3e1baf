import type { EnrollmentRow, LessonRow } from '../../db/schema/index.ts';
import { AppError, forbidden, notFound } from '../../http/errors.ts';
import type { CurrentUser } from '../identity/identity.types.ts';
import { courseContentRepo } from './course-content.repo.ts';
import { enrollmentsRepo } from './enrollments.repo.ts';
import type { LearningDeps } from './learning.deps.ts';
import { AUTO_COMPLETE_PERCENT, accessState, availableAt, progressPercent } from './learning.policy.ts';
import { createPlayerReads } from './player-reads.ts';

/**
 * Opening the lesson a student is already on within this long of their last access writes nothing:
 * the player's outline has just recorded the visit (`recordView`), and a reload changes neither where
 * to continue nor, by more than this, when they were last here.
 */
export const TOUCH_AGAIN_AFTER_MS = 30_000;

function recentlyOn(e: Pick<EnrollmentRow, 'lastLessonId' | 'lastAccessedAt'>, lessonId: string, now: Date) {
  return (
    e.lastLessonId === lessonId &&
    e.lastAccessedAt !== null &&
    now.getTime() - e.lastAccessedAt.getTime() < TOUCH_AGAIN_AFTER_MS
  );
}

/**
 * The lesson player: the course outline with the student's state, a lesson's content (only when
 * enrolled and released, or a free preview), progress with resume position and auto-completion.
 */
export function createPlayerService(d: LearningDeps) {
  const { database, clock } = d;
  const reads = createPlayerReads(d);

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
      const found = await reads.course(slug);
      if (!found) throw notFound('course');
      const { course, outline } = found;
      const now = clock.now();
      const row = await reads.enrollmentWithProgress(user.id, course.id);
      const state = row ? accessState(row.enrollment, now) : 'revoked';
      if (!row || state === 'revoked') throw notFound('course');
      if (state === 'expired') throw forbidden('enrollment_expired', 'Your access to this course has ended.');
      const { enrollment, progress } = row;
      await reads.recordView(user.id, course.id, enrollment.id, now);
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
      const view = await reads.lesson(lessonId);
      if (!view) throw notFound('lesson');
      const { lesson, course } = view;
      const now = clock.now();
      const row = user ? await reads.enrollmentWithLessonProgress(user.id, course.id, lesson.id) : undefined;
      const enrollment = row?.enrollment;
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
      const progress = enrolled ? row?.progress : null;
      if (enrolled && !recentlyOn(enrollment, lesson.id, now))
        await enrollmentsRepo.touch(database.db, enrollment.id, lesson.id, now);
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
        prevLessonId: view.prevLessonId,
        nextLessonId: view.nextLessonId,
        ...view.media,
      };
    },

    /** Save the resume position; a video watched to 90 % completes its lesson. */
    async saveProgress(
      user: CurrentUser,
      lessonId: string,
      p: { positionSeconds: number; watchedPercent: number },
    ) {
      return record(user, lessonId, p, false);
    },

    /** The quiz service's call when an attempt passes: the quiz lesson is complete (idempotent). */
    async recordQuizPassed(user: CurrentUser, lessonId: string) {
      return this.mark(user, lessonId, null, true);
    },

    async complete(user: CurrentUser, lessonId: string, completed: boolean) {
      const open = await findLesson(user, lessonId);
      // A quiz completes by passing it, never by a click (nor is a pass taken back by one).
      if (open?.lesson.type === 'quiz')
        throw new AppError('quiz_not_passed', 409, 'A quiz is completed by passing it.');
      const { enrollment } = checkOpen(open);
      if (completed) return record(user, lessonId, null, true);
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
      return record(user, lessonId, p, complete);
    },
  };

  /**
   * Save the lesson's progress, "where the student last worked" (what "Continue" opens) and, when the
   * save may complete the lesson, the recounted course progress, in one statement that also checks the
   * lesson is open to the student (`openLesson`'s rules); a completed course then gets its
   * certificate. A video watched to 90 % completes its lesson.
   */
  async function record(
    user: CurrentUser,
    lessonId: string,
    p: { positionSeconds: number; watchedPercent: number } | null,
    complete: boolean,
    checkedEnrollmentId?: string,
  ): Promise<{
    lessonCompleted: boolean;
    courseCompleted: boolean;
    progressPercent: number;
    completedLessons: number;
  }> {
    const r = await courseContentRepo.recordProgress(database.db, {
      ...(checkedEnrollmentId ? { checkedEnrollmentId } : {}),
      userId: user.id,
      lessonId,
      positionSeconds: p?.positionSeconds ?? null,
      watchedPercent: p?.watchedPercent ?? null,
      complete,
      autoPercent: AUTO_COMPLETE_PERCENT,
      now: clock.now(),
    });
    // Nothing was written: say why (404, 403 expired or locked). Open by the rules after all (it just
    // opened, or an enrollment appeared in between): record on the enrollment found open.
    if (!r) {
      if (checkedEnrollmentId) throw notFound('course');
      const { enrollment } = await openLesson(user, lessonId);
      return record(user, lessonId, p, complete, enrollment.id);
    }
    // A quiz lesson is complete only once an attempt passed, so "every required lesson complete"
    // already means "every required quiz passed".
    const { courseCompleted } = r;
    // Idempotent on the other side (a certificate is issued once), so it is safe to call on every
    // completed recount: a failure here is retried by the next one.
    if (courseCompleted && d.onCourseCompleted) await d.onCourseCompleted(user.id, r.courseId);
    return {
      lessonCompleted: r.lessonCompleted,
      courseCompleted,
      progressPercent: r.progressPercent,
      completedLessons: r.completedLessons,
    };
  }

  /** The lesson and the student's enrollment in its course, read together. */
  async function findLesson(user: CurrentUser, lessonId: string) {
    return courseContentRepo.lessonWithEnrollment(database.db, lessonId, user.id);
  }

  /** A lesson the student may record progress on: enrolled, active and released. */
  async function openLesson(user: CurrentUser, lessonId: string) {
    return checkOpen(await findLesson(user, lessonId));
  }

  function checkOpen(row: { lesson: LessonRow; enrollment: EnrollmentRow | null } | undefined) {
    if (!row) throw notFound('lesson');
    const { lesson, enrollment: e } = row;
    const state = e ? accessState(e, clock.now()) : 'revoked';
    if (!e || state === 'revoked') throw notFound('course');
    if (state === 'expired') throw forbidden('enrollment_expired', 'Your access to this course has ended.');
    const at = availableAt(lesson, e.grantedAt);
    if (at && at > clock.now())
      throw new AppError('lesson_locked', 403, 'This lesson is not open yet', {
        availableAt: at.toISOString(),
      });
    return { lesson, enrollment: e };
  }
}
export type PlayerService = ReturnType<typeof createPlayerService>;
