import type { ModeratedReview, MyReview, RatingSummary, ReviewDto } from '@9tangle/contracts';
import { reviewHtmlToText } from './review-text.ts';
import type { ModeratedRow, ReviewListRow } from './reviews.repo.ts';

// The address identity serves avatars at (see identity.mappers.ts).
const avatarUrl = (key: string | null) => (key ? `/api/files/avatars/${key}` : null);

/** A review as anyone may see it: the reviewer's name and avatar, never their address. */
export function toReviewDto(r: ReviewListRow): ReviewDto {
  return {
    id: r.id,
    rating: r.rating,
    bodyHtml: r.bodyHtml,
    author: { name: r.authorName, avatarUrl: avatarUrl(r.authorAvatarKey) },
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    reply:
      r.replyHtml && r.repliedAt
        ? {
            html: r.replyHtml,
            text: reviewHtmlToText(r.replyHtml),
            repliedAt: r.repliedAt.toISOString(),
            authorName: r.replierName,
          }
        : null,
  };
}

export function toMyReview(r: ReviewListRow): MyReview {
  return {
    ...toReviewDto(r),
    body: reviewHtmlToText(r.bodyHtml),
    hiddenAt: r.hiddenAt?.toISOString() ?? null,
  };
}

/** A review in the studio, or (with the reviewer's address) in the admin's moderation list. */
export function toModeratedReview(
  r: ReviewListRow,
  course: ModeratedReview['course'],
  authorEmail?: string,
): ModeratedReview {
  return {
    ...toReviewDto(r),
    course,
    hidden: r.hiddenAt ? { at: r.hiddenAt.toISOString(), reason: r.hiddenReason } : null,
    ...(authorEmail === undefined ? {} : { authorEmail }),
  };
}

/** A row of the admin's list (it carries its course). */
export const toAdminReview = (r: ModeratedRow) =>
  toModeratedReview(r, { id: r.courseId, slug: r.courseSlug, title: r.courseTitle }, r.authorEmail);

/** The summary of a histogram: the average to two decimals, as `recomputeRating` stores it. */
export function toSummary(histogram: RatingSummary['histogram']): RatingSummary {
  const stars = [1, 2, 3, 4, 5] as const;
  const count = stars.reduce((n, s) => n + histogram[s], 0);
  const total = stars.reduce((n, s) => n + s * histogram[s], 0);
  // Integer arithmetic until the last step: x.xx5 rounds up exactly as PostgreSQL's round() does.
  return { average: count === 0 ? null : Math.round((total * 100) / count) / 100, count, histogram };
}
