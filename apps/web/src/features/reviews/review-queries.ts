import type { ReviewBody, ReviewPatch } from '@9tangle/contracts';
import {
  keepPreviousData,
  type QueryClient,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import {
  createReview,
  deleteReview,
  getMyReview,
  listCourseReviews,
  listModeration,
  listStudioReviews,
  type ModerationParams,
  moderateReview,
  type ReviewPageParams,
  saveReply,
  updateReview,
} from '../../api/reviews.ts';
import { SEEDED_STALE_TIME } from '../../lib/seed-queries.ts';
import { courseQueryKey } from '../catalog/catalog-queries.ts';

// `course-reviews` is part of the server-rendering contract: the server seeds the first page under
// `['course-reviews', slug, { page: 1 }]` (apps/server/src/modules/learning/learning.pages.ts).
export const courseReviewsKey = (slug: string, params?: ReviewPageParams) =>
  params
    ? ([
        'course-reviews',
        slug,
        params.rating ? { page: params.page, rating: params.rating } : { page: params.page },
      ] as const)
    : (['course-reviews', slug] as const);
export const myReviewKey = (slug: string) => ['my-review', slug] as const;
export const studioReviewsKey = (courseId: string) => ['studio', 'reviews', courseId] as const;
export const moderationKey = ['admin', 'reviews'] as const;

export function useCourseReviews(slug: string, params: ReviewPageParams) {
  return useQuery({
    queryKey: courseReviewsKey(slug, params),
    queryFn: () => listCourseReviews(slug, params),
    staleTime: SEEDED_STALE_TIME,
    placeholderData: keepPreviousData,
  });
}

/** The student's own review: private, so fetched in the browser only. */
export function useMyReview(slug: string, isEnabled: boolean) {
  return useQuery({ queryKey: myReviewKey(slug), queryFn: () => getMyReview(slug), enabled: isEnabled });
}

/** After a review changes: its list, the course's figures (page, cards) and the student's own copy. */
async function afterReviewChange(queryClient: QueryClient, slug: string) {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: courseReviewsKey(slug) }),
    queryClient.invalidateQueries({ queryKey: myReviewKey(slug) }),
    queryClient.invalidateQueries({ queryKey: courseQueryKey(slug) }),
    // Every catalog page: the rating filter and sort move with the average.
    queryClient.invalidateQueries({ queryKey: ['catalog'] }),
  ]);
}

export function useSaveReview(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { isNew: true; body: ReviewBody } | { isNew: false; body: ReviewPatch }) =>
      v.isNew ? createReview(slug, v.body) : updateReview(slug, v.body),
    // Not awaited: the refetched "my review" replaces the form, and the caller's own onSuccess must
    // run while the form is still there (TanStack skips callbacks of unmounted components).
    onSuccess: () => {
      void afterReviewChange(queryClient, slug);
    },
  });
}

export function useDeleteReview(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => deleteReview(slug),
    onSuccess: () => afterReviewChange(queryClient, slug),
  });
}

export function useStudioReviews(courseId: string, params: ReviewPageParams) {
  return useQuery({
    queryKey: [...studioReviewsKey(courseId), params],
    queryFn: () => listStudioReviews(courseId, params),
    placeholderData: keepPreviousData,
  });
}

export function useSaveReply(courseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { reviewId: string; body: string | null }) => saveReply(v.reviewId, v.body),
    onSuccess: async (review) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: studioReviewsKey(courseId) }),
        queryClient.invalidateQueries({ queryKey: courseReviewsKey(review.course.slug) }),
      ]);
    },
  });
}

export function useModeration(params: ModerationParams) {
  return useQuery({
    queryKey: [...moderationKey, params],
    queryFn: () => listModeration(params),
    placeholderData: keepPreviousData,
  });
}

export function useModerateReview() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; action: 'hide' | 'unhide'; reason: string }) =>
      moderateReview(v.id, v.action, v.reason),
    onSuccess: async (review) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: moderationKey }),
        afterReviewChange(queryClient, review.course.slug),
      ]);
    },
  });
}
