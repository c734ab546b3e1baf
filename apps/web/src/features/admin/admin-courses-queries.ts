import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  decideCourse,
  getSiteSettings,
  type ReviewDecision,
  rejectCourse,
  updateSiteSettings,
} from '../../api/admin-courses.ts';

export const adminCoursesKey = ['admin', 'courses'] as const;
export const siteSettingsKey = ['admin', 'settings'] as const;

/** Publish, unpublish, feature or reject (with a reason); the lists refetch, and the studio's copies too. */
export function useReviewDecision() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (
      v: { id: string; decision: ReviewDecision } | { id: string; decision: 'reject'; reason: string },
    ) => (v.decision === 'reject' ? rejectCourse(v.id, v.reason) : decideCourse(v.id, v.decision)),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: adminCoursesKey }),
        queryClient.invalidateQueries({ queryKey: ['studio'] }),
        queryClient.invalidateQueries({ queryKey: ['featured-courses'] }),
      ]),
  });
}

export function useSiteSettings() {
  return useQuery({ queryKey: siteSettingsKey, queryFn: getSiteSettings });
}

export function useUpdateSiteSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateSiteSettings,
    onSuccess: (settings) => queryClient.setQueryData(siteSettingsKey, settings),
  });
}
