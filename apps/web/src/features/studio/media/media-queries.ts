import type { StudioLessonMedia } from '@9tangle/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  deleteResource,
  getLessonMedia,
  removeLessonFile,
  renameResource,
  reorderResources,
  uploadLessonFile,
  uploadResource,
} from '../../../api/media.ts';
import type { UploadOptions } from '../../../api/upload.ts';
import { courseAuditKey } from '../studio-queries.ts';

export const lessonMediaKey = (lessonId: string) => ['studio', 'lesson-media', lessonId] as const;

export function useLessonMedia(lessonId: string) {
  return useQuery({ queryKey: lessonMediaKey(lessonId), queryFn: () => getLessonMedia(lessonId) });
}

/**
 * The lesson's files after a change: every media call answers the lesson's whole list, which
 * replaces the cached one; the course history gains an entry.
 */
function useMediaMutation<V>(courseId: string, lessonId: string, call: (v: V) => Promise<StudioLessonMedia>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: async (media) => {
      queryClient.setQueryData(lessonMediaKey(lessonId), media);
      await queryClient.invalidateQueries({ queryKey: courseAuditKey(courseId) });
    },
  });
}

/** Upload functions for `FileUpload`, storing the answer in the cache. */
export function useMediaUploads(courseId: string, lessonId: string) {
  const queryClient = useQueryClient();
  const after = async (media: StudioLessonMedia) => {
    queryClient.setQueryData(lessonMediaKey(lessonId), media);
    await queryClient.invalidateQueries({ queryKey: courseAuditKey(courseId) });
  };
  return {
    uploadFile: async (file: File, options: UploadOptions) =>
      after(await uploadLessonFile(lessonId, file, options)),
    uploadResource: async (file: File, options: UploadOptions) =>
      after(await uploadResource(lessonId, file, options)),
  };
}

export function useRemoveLessonFile(courseId: string, lessonId: string) {
  return useMediaMutation(courseId, lessonId, () => removeLessonFile(lessonId));
}

export function useRenameResource(courseId: string, lessonId: string) {
  return useMediaMutation(courseId, lessonId, (v: { id: string; title: string }) =>
    renameResource(v.id, v.title),
  );
}

export function useReorderResources(courseId: string, lessonId: string) {
  const queryClient = useQueryClient();
  const key = lessonMediaKey(lessonId);
  return useMutation({
    mutationFn: (ids: string[]) => reorderResources(lessonId, ids),
    // The list moves at once, and goes back if the server refuses.
    onMutate: async (ids) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<StudioLessonMedia>(key);
      if (previous) {
        const byId = new Map(previous.resources.map((r) => [r.id, r]));
        const resources = ids.flatMap((id, position) => {
          const r = byId.get(id);
          return r ? [{ ...r, position }] : [];
        });
        queryClient.setQueryData(key, { ...previous, resources });
      }
      return { previous };
    },
    onError: (_error, _ids, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
    },
    onSuccess: async (media) => {
      queryClient.setQueryData(key, media);
      await queryClient.invalidateQueries({ queryKey: courseAuditKey(courseId) });
    },
  });
}

export function useDeleteResource(courseId: string, lessonId: string) {
  return useMediaMutation(courseId, lessonId, (id: string) => deleteResource(id));
}
