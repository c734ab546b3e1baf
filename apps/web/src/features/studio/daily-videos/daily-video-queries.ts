import type { DailyVideoBody, DailyVideoPatch } from '@9tangle/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createDailyVideo, deleteDailyVideo, listDailyVideos, updateDailyVideo } from '../../../api/media.ts';
import { courseAuditKey } from '../studio-queries.ts';

export const dailyVideosKey = (courseId: string) => ['studio', 'daily-videos', courseId] as const;

export function useDailyVideos(courseId: string) {
  return useQuery({ queryKey: dailyVideosKey(courseId), queryFn: () => listDailyVideos(courseId) });
}

/** After a change the list is fetched again (it is sorted by day on the server). */
function useDailyVideoMutation<V, R>(courseId: string, call: (v: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: dailyVideosKey(courseId) }),
        queryClient.invalidateQueries({ queryKey: courseAuditKey(courseId) }),
      ]);
    },
  });
}

export const useCreateDailyVideo = (courseId: string) =>
  useDailyVideoMutation(courseId, (body: DailyVideoBody) => createDailyVideo(courseId, body));
export const useUpdateDailyVideo = (courseId: string) =>
  useDailyVideoMutation(courseId, (v: { id: string; patch: DailyVideoPatch }) =>
    updateDailyVideo(courseId, v.id, v.patch),
  );
export const useDeleteDailyVideo = (courseId: string) =>
  useDailyVideoMutation(courseId, (id: string) => deleteDailyVideo(courseId, id));
