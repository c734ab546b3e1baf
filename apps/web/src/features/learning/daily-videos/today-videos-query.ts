import { useQuery } from '@tanstack/react-query';
import { getTodayVideos } from '../../../api/media.ts';

export const todayVideosQueryKey = ['daily-videos', 'today'] as const;

/** Today's daily videos of the student's courses, by course id (private: fetched in the browser). */
export function useTodayVideos() {
  return useQuery({
    queryKey: todayVideosQueryKey,
    queryFn: getTodayVideos,
    staleTime: 5 * 60_000,
    select: (list) => new Map(list.items.map((item) => [item.courseId, item.videos])),
  });
}
