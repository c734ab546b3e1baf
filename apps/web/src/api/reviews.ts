import type {
  ModeratedReview,
  ModeratedReviewList,
  ModerationQuery,
  MyReview,
  MyReviewState,
  ReviewBody,
  ReviewPage,
  ReviewPatch,
  StudioReviewPage,
} from '@9tangle/contracts';
import { ApiError, apiRequest } from './client.ts';

const enc = encodeURIComponent;

export type ReviewPageParams = { page: number; rating?: number | undefined };

function pageQuery(params: ReviewPageParams & { limit?: number }): string {
  const query = new URLSearchParams({ page: String(params.page) });
  if (params.limit) query.set('limit', String(params.limit));
  if (params.rating) query.set('rating', String(params.rating));
  return query.toString();
}

/** A page of a published course's visible reviews with the summary; null when there is no such course. */
export async function listCourseReviews(slug: string, params: ReviewPageParams): Promise<ReviewPage | null> {
  try {
    return await apiRequest<ReviewPage>(`/api/courses/${enc(slug)}/reviews?${pageQuery(params)}`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

const mine = (slug: string) => `/api/learning/courses/${enc(slug)}/review`;

export function getMyReview(slug: string): Promise<MyReviewState> {
  return apiRequest(mine(slug));
}
export function createReview(slug: string, body: ReviewBody): Promise<MyReview> {
  return apiRequest(mine(slug), { method: 'POST', body });
}
export function updateReview(slug: string, body: ReviewPatch): Promise<MyReview> {
  return apiRequest(mine(slug), { method: 'PATCH', body });
}
export function deleteReview(slug: string): Promise<void> {
  return apiRequest(mine(slug), { method: 'DELETE' });
}

export function listStudioReviews(courseId: string, params: ReviewPageParams): Promise<StudioReviewPage> {
  return apiRequest(`/api/studio/courses/${enc(courseId)}/reviews?${pageQuery(params)}`);
}
/** Write or change the public reply to a review (`null` removes it). */
export function saveReply(reviewId: string, body: string | null): Promise<ModeratedReview> {
  const path = `/api/studio/reviews/${enc(reviewId)}/reply`;
  return body === null
    ? apiRequest(path, { method: 'DELETE' })
    : apiRequest(path, { method: 'PUT', body: { body } });
}

export type ModerationParams = Partial<Pick<ModerationQuery, 'q' | 'status' | 'rating'>> & {
  page: number;
  limit: number;
};
export function listModeration(params: ModerationParams): Promise<ModeratedReviewList> {
  const query = new URLSearchParams({ page: String(params.page), limit: String(params.limit) });
  if (params.q) query.set('q', params.q);
  if (params.status) query.set('status', params.status);
  if (params.rating) query.set('rating', String(params.rating));
  return apiRequest(`/api/admin/reviews?${query.toString()}`);
}
export function moderateReview(
  id: string,
  action: 'hide' | 'unhide',
  reason: string,
): Promise<ModeratedReview> {
  return apiRequest(`/api/admin/reviews/${enc(id)}/${action}`, { method: 'POST', body: { reason } });
}
