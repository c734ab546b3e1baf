import type { Executor } from '../../db/client.ts';
import type { EnrollmentRow } from '../../db/schema/index.ts';
import { conflict, forbidden, notFound } from '../../http/errors.ts';
import type { CurrentUser } from '../identity/identity.types.ts';
import { courseContentRepo } from './course-content.repo.ts';
import { enrollmentsRepo } from './enrollments.repo.ts';
import type { LearningDeps } from './learning.deps.ts';
import { accessState } from './learning.policy.ts';
import { createPlayerReads } from './player-reads.ts';

export type EnrollmentSource = EnrollmentRow['source'];

/**
 * Access to courses. `grantAccess` and `revokeAccess` are idempotent: the commerce fulfilment calls
 * them however many times a payment notification arrives, inside its own transaction.
 */
export function createEnrollmentService(d: LearningDeps) {
  const { database, clock } = d;
  const reads = createPlayerReads(d);
  const listActive = enrollmentsRepo.listActiveStatement(database.db);
  return {
    /** Give a user access to a course (new, or again after a revoke); a repeat changes nothing. */
    async grantAccess(
      x: Executor,
      userId: string,
      courseId: string,
      source: EnrollmentSource,
      opts: { sourceRef?: string; expiresAt?: Date | null } = {},
    ) {
      const r = await enrollmentsRepo.upsertActive(x, {
        userId,
        courseId,
        source,
        sourceRef: opts.sourceRef ?? null,
        expiresAt: opts.expiresAt ?? null,
        now: clock.now(),
        count: true,
      });
      if (r.granted && !r.renewed && !r.counted) await enrollmentsRepo.bumpCourseCount(x, courseId, 1);
      return r;
    },
    /** Take access away (refund, chargeback, admin); a repeat changes nothing. */
    async revokeAccess(x: Executor, userId: string, courseId: string, reason: string): Promise<boolean> {
      const revoked = await enrollmentsRepo.revoke(x, userId, courseId, reason, clock.now());
      if (revoked) await enrollmentsRepo.bumpCourseCount(x, courseId, -1);
      return revoked;
    },
    /** Enroll in a free, published course at once. Paid courses go through checkout. */
    async enrollFree(user: CurrentUser, slug: string) {
      const course = await courseContentRepo.courseBySlug(database.db, slug);
      if (course?.status !== 'published') throw notFound('course');
      if (user.impersonatorId)
        throw forbidden('forbidden', 'An admin viewing as this user cannot enroll them');
      const existing = await enrollmentsRepo.find(database.db, user.id, course.id);
      if (existing && accessState(existing, clock.now()) === 'active')
        return { enrollment: existing, created: false };
      if (course.priceMinor > 0) throw conflict('payment_required', 'This course is paid: buy it to enroll.');
      const r = await database.db.transaction((tx) => this.grantAccess(tx, user.id, course.id, 'free'));
      await d.onEnrollmentChange();
      return { enrollment: r.row, created: r.granted };
    },
    /** The student's courses, most recently used first, each with where to continue. */
    async myCourses(user: CurrentUser) {
      const now = clock.now();
      const rows = (await listActive.execute({ userId: user.id })).filter(
        (e) => accessState(e, now) === 'active',
      );
      const ids = rows.map((e) => e.courseId);
      const [summaries, first] = await Promise.all([d.courseSummaries(ids), reads.firstLessons(ids)]);
      const byId = new Map(summaries.map((s) => [s.id, s]));
      return rows.flatMap((e) => {
        const course = byId.get(e.courseId);
        const continueLessonId = e.lastLessonId ?? first.get(e.courseId) ?? null;
        return course ? [{ course, enrollment: e, continueLessonId }] : [];
      });
    },
  };
}
export type EnrollmentService = ReturnType<typeof createEnrollmentService>;
