import type { ModerationQuery, ReviewBody, ReviewListQuery, ReviewPatch } from '@9tangle/contracts';
import type { Database, Tx } from '../../../db/client.ts';
import { type AppError, conflict, forbidden, notFound } from '../../../http/errors.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { CurrentUser } from '../../identity/identity.types.ts';
import type { AuditRecord, CertificateDeps } from '../certificates/certificates.service.ts';
import { courseContentRepo } from '../course-content.repo.ts';
import { enrollmentsRepo } from '../enrollments.repo.ts';
import type { LearningDeps } from '../learning.deps.ts';
import { accessState } from '../learning.policy.ts';
import { reviewTextToHtml } from './review-text.ts';
import { toAdminReview, toModeratedReview, toMyReview, toReviewDto, toSummary } from './reviews.mappers.ts';
import { canReplyToReviews, canWriteReview } from './reviews.policy.ts';
import { reviewsRepo } from './reviews.repo.ts';

export interface ReviewDeps {
  database: Database;
  clock: Clock;
  /** Course cards (from the catalog): who teaches a course. */
  courseSummaries: LearningDeps['courseSummaries'];
  /** Tell the catalog its cached figures (ratings) moved; called after the commit. */
  onRatingsChange: () => Promise<void>;
  recordAudit: CertificateDeps['recordAudit'];
}

const pageInfo = (q: { page: number; limit: number }, total: number) => ({
  page: q.page,
  limit: q.limit,
  total,
  pages: Math.ceil(total / q.limit),
});

/**
 * Course reviews: one per enrolled student and course, editable; the public list with its summary;
 * instructors' replies; admins hiding and showing. Every change that moves the figures recounts the
 * course's `rating_avg`/`rating_count` from the visible reviews in the same transaction, under a lock
 * on the course row (see `reviewsRepo.lockCourse`), then invalidates the catalog cache.
 */
export function createReviewsService(d: ReviewDeps) {
  const { database, clock } = d;
  const db = database.db;

  async function publishedCourse(slug: string) {
    const course = await courseContentRepo.courseBySlug(db, slug);
    if (course?.status !== 'published') throw notFound('course');
    return course;
  }
  async function access(user: CurrentUser, courseId: string) {
    const e = await enrollmentsRepo.find(db, user.id, courseId);
    return e ? accessState(e, clock.now()) : 'none';
  }
  async function requireWriter(user: CurrentUser, courseId: string) {
    if (user.impersonatorId)
      throw forbidden('forbidden', 'An admin viewing as this user cannot review for them');
    if (!canWriteReview(await access(user, courseId)))
      throw forbidden('enrollment_required', 'Only students enrolled in this course can review it.');
  }
  async function ownReview(courseId: string, userId: string) {
    const own = await reviewsRepo.findOwn(db, courseId, userId);
    const row = own ? await reviewsRepo.moderatedById(db, own.id) : undefined;
    return row ? toMyReview(row) : null;
  }
  /** The course `user` answers reviews of (its instructors, admins), or 404. */
  async function answerableCourse(user: CurrentUser, courseId: string) {
    const [course] = await d.courseSummaries([courseId]);
    if (
      !course ||
      !canReplyToReviews(
        user,
        course.instructors.map((i) => i.id),
      )
    )
      throw notFound('course');
    return { id: course.id, slug: course.slug, title: course.title };
  }
  /** Run a change to a course's reviews and recount its figures, all in one transaction under the lock. */
  async function changeRatings<T>(courseId: string, change: (tx: Tx) => Promise<T>) {
    const result = await db.transaction(async (tx) => {
      await reviewsRepo.lockCourse(tx, courseId);
      const r = await change(tx);
      await reviewsRepo.recomputeRating(tx, courseId);
      return r;
    });
    await d.onRatingsChange();
    return result;
  }

  return {
    /** Visible reviews of a published course, newest first, with the summary; null for no such course. */
    async publicList(slug: string, q: ReviewListQuery) {
      const course = await courseContentRepo.courseBySlug(db, slug);
      if (course?.status !== 'published') return null;
      const [histogram, rows] = await Promise.all([
        reviewsRepo.histogram(db, course.id),
        reviewsRepo.publicPage(db, course.id, q),
      ]);
      const summary = toSummary(histogram);
      const total = q.rating ? histogram[q.rating as 1 | 2 | 3 | 4 | 5] : summary.count;
      return { summary, items: rows.map(toReviewDto), pageInfo: pageInfo(q, total) };
    },

    /** The student's review of a course and whether they may write or edit one. */
    async mine(user: CurrentUser, slug: string) {
      const course = await publishedCourse(slug);
      const [review, state] = await Promise.all([ownReview(course.id, user.id), access(user, course.id)]);
      return { review, canReview: canWriteReview(state) };
    },

    /** Review a course once (409 the second time); an active enrollment is needed (403 otherwise). */
    async create(user: CurrentUser, slug: string, body: ReviewBody) {
      const course = await publishedCourse(slug);
      await requireWriter(user, course.id);
      const now = clock.now();
      await changeRatings(course.id, async (tx) => {
        const row = await reviewsRepo.insertOnce(tx, {
          courseId: course.id,
          userId: user.id,
          rating: body.rating,
          bodyHtml: reviewTextToHtml(body.body),
          createdAt: now,
          updatedAt: now,
        });
        if (!row) throw conflict('review_exists', 'You have reviewed this course already: edit your review.');
      });
      return (await ownReview(course.id, user.id)) as NonNullable<Awaited<ReturnType<typeof ownReview>>>;
    },

    /** Change the stars or the text of one's own review. A hidden review stays hidden. */
    async update(user: CurrentUser, slug: string, patch: ReviewPatch) {
      const course = await publishedCourse(slug);
      await requireWriter(user, course.id);
      await changeRatings(course.id, async (tx) => {
        const own = await reviewsRepo.findOwn(tx, course.id, user.id);
        if (!own) throw notFound('review');
        await reviewsRepo.update(tx, own.id, {
          ...(patch.rating === undefined ? {} : { rating: patch.rating }),
          ...(patch.body === undefined ? {} : { bodyHtml: reviewTextToHtml(patch.body) }),
          updatedAt: clock.now(),
        });
      });
      return (await ownReview(course.id, user.id)) as NonNullable<Awaited<ReturnType<typeof ownReview>>>;
    },

    /** Delete one's own review (allowed whatever the enrollment's state). */
    async remove(user: CurrentUser, slug: string) {
      const course = await courseContentRepo.courseBySlug(db, slug);
      if (!course) throw notFound('course');
      await changeRatings(course.id, async (tx) => {
        const own = await reviewsRepo.findOwn(tx, course.id, user.id);
        if (!own) throw notFound('review');
        await reviewsRepo.remove(tx, own.id);
      });
    },

    /** Every review of a course the user teaches (hidden ones marked), with the visible summary. */
    async studioList(user: CurrentUser, courseId: string, q: ReviewListQuery) {
      const course = await answerableCourse(user, courseId);
      const [histogram, page] = await Promise.all([
        reviewsRepo.histogram(db, course.id),
        reviewsRepo.studioPage(db, course.id, q),
      ]);
      return {
        summary: toSummary(histogram),
        items: page.items.map((r) => toModeratedReview(r, course)),
        pageInfo: pageInfo(q, page.total),
      };
    },

    /** Write or change the public reply to a review of one's course (`body` null removes it). */
    async reply(user: CurrentUser, reviewId: string, body: string | null) {
      const review = await reviewsRepo.byId(db, reviewId);
      if (!review) throw notFound('review');
      const course = await answerableCourse(user, review.courseId);
      await reviewsRepo.update(db, review.id, {
        replyHtml: body === null ? null : reviewTextToHtml(body),
        repliedBy: body === null ? null : user.id,
        repliedAt: body === null ? null : clock.now(),
      });
      const row = await reviewsRepo.moderatedById(db, review.id);
      if (!row) throw notFound('review');
      return toModeratedReview(row, course);
    },

    /** Every review on the site for moderation, newest first. */
    async moderationList(q: ModerationQuery) {
      const { items, total } = await reviewsRepo.moderationPage(db, q);
      return { items: items.map(toAdminReview), pageInfo: pageInfo(q, total) };
    },

    /** Hide a review (off the page and the average) or show it again, with a reason for the record. */
    async setHidden(admin: CurrentUser, reviewId: string, hidden: boolean, reason: string) {
      const review = await reviewsRepo.byId(db, reviewId);
      if (!review) throw notFound('review');
      await changeRatings(review.courseId, async (tx) => {
        const changed = await reviewsRepo.setHidden(
          tx,
          review.id,
          hidden ? { at: clock.now(), by: admin.id, reason } : null,
        );
        if (!changed) throw hiddenConflict(hidden);
        const entry: AuditRecord = {
          courseId: review.courseId,
          actorId: admin.id,
          action: hidden ? 'review.hidden' : 'review.unhidden',
          after: { reviewId: review.id, rating: review.rating, reason },
        };
        await d.recordAudit(tx, entry);
      });
      const row = await reviewsRepo.moderatedById(db, review.id);
      if (!row) throw notFound('review');
      return toAdminReview(row);
    },
  };
}

function hiddenConflict(hidden: boolean): AppError {
  return hidden
    ? conflict('review_hidden', 'This review is hidden already.')
    : conflict('review_not_hidden', 'This review is not hidden.');
}

export type ReviewsService = ReturnType<typeof createReviewsService>;
