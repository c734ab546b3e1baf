// Contracts of the reviews slice.
import { z } from 'zod';
import { PageInfo, Pagination } from './admin.ts';

/** Longest review text, in characters. */
export const REVIEW_MAX_LENGTH = 2_000;
/** Longest instructor reply, in characters. */
export const REPLY_MAX_LENGTH = 2_000;

export const Rating = z.int().min(1).max(5);

/**
 * A student's review as they write it: stars and plain text (line breaks kept). The server turns the
 * text into escaped HTML paragraphs, so no markup a reviewer types ever reaches a page.
 */
export const ReviewBody = z
  .object({
    rating: Rating,
    body: z.string().trim().max(REVIEW_MAX_LENGTH).default(''),
  })
  .strict();
export type ReviewBody = z.infer<typeof ReviewBody>;
/** Editing a review: either field. */
export const ReviewPatch = z
  .object({ rating: Rating.optional(), body: z.string().trim().max(REVIEW_MAX_LENGTH).optional() })
  .strict();
export type ReviewPatch = z.infer<typeof ReviewPatch>;

/** The instructor's public answer, plain text as well. */
export const ReplyBody = z.object({ body: z.string().trim().min(1).max(REPLY_MAX_LENGTH) }).strict();
export type ReplyBody = z.infer<typeof ReplyBody>;

/** Hiding or showing a review again: why, for the record. */
export const ModerationBody = z.object({ reason: z.string().trim().min(3).max(500) }).strict();
export type ModerationBody = z.infer<typeof ModerationBody>;

export const ReviewReply = z.object({
  /** Escaped HTML made from the instructor's text. */
  html: z.string(),
  /** The text as the instructor wrote it (for editing). */
  text: z.string(),
  repliedAt: z.string(),
  /** Who answered (null once the account is gone). */
  authorName: z.string().nullable(),
});

/** A review as the public course page shows it: the reviewer's display name and avatar, never more. */
export const ReviewDto = z.object({
  id: z.uuid(),
  rating: z.number(),
  /** Escaped HTML made from the reviewer's text (paragraphs and line breaks only). */
  bodyHtml: z.string(),
  author: z.object({ name: z.string(), avatarUrl: z.string().nullable() }),
  createdAt: z.string(),
  updatedAt: z.string(),
  reply: ReviewReply.nullable(),
});
export type ReviewDto = z.infer<typeof ReviewDto>;

/** The visible reviews of a course in figures: the same numbers the course card shows. */
export const RatingSummary = z.object({
  /** Mean of the visible ratings to two decimals; null without reviews. */
  average: z.number().nullable(),
  count: z.number(),
  /** How many visible reviews gave each number of stars. */
  histogram: z.object({ 1: z.number(), 2: z.number(), 3: z.number(), 4: z.number(), 5: z.number() }),
});
export type RatingSummary = z.infer<typeof RatingSummary>;

export const ReviewListQuery = z.object({
  page: z.coerce.number().int().min(1).max(1_000).default(1),
  limit: z.coerce.number().int().min(1).max(50).default(10),
  /** Only reviews with this many stars. */
  rating: z.coerce.number().int().min(1).max(5).optional(),
});
export type ReviewListQuery = z.infer<typeof ReviewListQuery>;
/** `GET /api/courses/:slug/reviews`: newest first, with the summary of all visible reviews. */
export const ReviewPage = z.object({
  summary: RatingSummary,
  items: z.array(ReviewDto),
  pageInfo: PageInfo,
});
export type ReviewPage = z.infer<typeof ReviewPage>;

/** The student's own review of a course, with the text to edit. */
export const MyReview = ReviewDto.extend({
  body: z.string(),
  /** Set when an admin hid it: it is off the course page and out of the average. */
  hiddenAt: z.string().nullable(),
});
export type MyReview = z.infer<typeof MyReview>;
/** `GET /api/learning/courses/:slug/review`: the student's review, and whether they may write one. */
export const MyReviewState = z.object({
  review: MyReview.nullable(),
  /** True with an active enrollment (writing and editing need one). */
  canReview: z.boolean(),
});
export type MyReviewState = z.infer<typeof MyReviewState>;

/** A review in the studio or the admin's moderation list: the public view plus its state. */
export const ModeratedReview = ReviewDto.extend({
  course: z.object({ id: z.uuid(), slug: z.string(), title: z.string() }),
  hidden: z.object({ at: z.string(), reason: z.string().nullable() }).nullable(),
  /** The reviewer's address: in the admin's list only. */
  authorEmail: z.string().optional(),
});
export type ModeratedReview = z.infer<typeof ModeratedReview>;
export const StudioReviewQuery = ReviewListQuery;
/** `GET /api/studio/courses/:id/reviews`: every review of the course (hidden ones marked). */
export const StudioReviewPage = z.object({
  summary: RatingSummary,
  items: z.array(ModeratedReview),
  pageInfo: PageInfo,
});
export type StudioReviewPage = z.infer<typeof StudioReviewPage>;
export const ModerationQuery = Pagination.extend({
  status: z.enum(['visible', 'hidden']).optional(),
  rating: z.coerce.number().int().min(1).max(5).optional(),
  /** Words of the review, the course title or the reviewer's name. */
  q: z.string().trim().max(100).optional(),
});
export type ModerationQuery = z.infer<typeof ModerationQuery>;
export const ModeratedReviewList = z.object({ items: z.array(ModeratedReview), pageInfo: PageInfo });
export type ModeratedReviewList = z.infer<typeof ModeratedReviewList>;
