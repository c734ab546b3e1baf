import type { LessonBody, StudioCourse } from '@9tangle/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createLesson,
  createSection,
  deleteLesson,
  deleteSection,
  getLesson,
  renameSection,
  reorderLessons,
  reorderSections,
  updateLesson,
} from '../../../api/curriculum.ts';
import type { LessonPatch } from '../../../api/types.ts';
import { afterCourseChange, studioCourseKey, studioLessonKey } from '../studio-queries.ts';
import { byPosition } from './reorder.ts';

type Sections = StudioCourse['sections'];

/**
 * A curriculum change: the course outline is refetched afterwards (it holds the sections, lessons,
 * counts and durations). Reordering also updates the outline at once, and puts it back on failure.
 */
function useCurriculumMutation<V, R>(
  courseId: string,
  mutationFn: (variables: V) => Promise<R>,
  optimistic?: (sections: Sections, variables: V) => Sections,
) {
  const queryClient = useQueryClient();
  const key = studioCourseKey(courseId);
  return useMutation({
    mutationFn,
    onMutate: async (variables: V) => {
      if (!optimistic) return { previous: undefined };
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<StudioCourse>(key);
      if (previous)
        queryClient.setQueryData(key, { ...previous, sections: optimistic(previous.sections, variables) });
      return { previous };
    },
    onError: (_error, _variables, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
    },
    onSettled: () => afterCourseChange(queryClient, courseId),
  });
}

function withPositions<T extends { id: string; position: number }>(items: readonly T[], ids: string[]): T[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  return ids.flatMap((id, position) => {
    const item = byId.get(id);
    return item ? [{ ...item, position }] : [];
  });
}

export function useAddSection(courseId: string) {
  return useCurriculumMutation(courseId, (title: string) => createSection(courseId, title));
}

export function useRenameSection(courseId: string) {
  return useCurriculumMutation(courseId, (v: { sectionId: string; title: string }) =>
    renameSection(v.sectionId, v.title),
  );
}

export function useDeleteSection(courseId: string) {
  return useCurriculumMutation(courseId, (sectionId: string) => deleteSection(sectionId));
}

export function useReorderSections(courseId: string) {
  return useCurriculumMutation(
    courseId,
    (ids: string[]) => reorderSections(courseId, ids),
    (sections, ids) => withPositions(byPosition(sections), ids),
  );
}

export function useAddLesson(courseId: string) {
  return useCurriculumMutation(courseId, (v: { sectionId: string; body: LessonBody }) =>
    createLesson(v.sectionId, v.body),
  );
}

export function useDeleteLesson(courseId: string) {
  return useCurriculumMutation(courseId, (lessonId: string) => deleteLesson(lessonId));
}

export function useReorderLessons(courseId: string) {
  return useCurriculumMutation(
    courseId,
    (v: { sectionId: string; ids: string[] }) => reorderLessons(v.sectionId, v.ids),
    (sections, v) =>
      sections.map((section) =>
        section.id === v.sectionId ? { ...section, lessons: withPositions(section.lessons, v.ids) } : section,
      ),
  );
}

export function useLesson(lessonId: string) {
  return useQuery({ queryKey: studioLessonKey(lessonId), queryFn: () => getLesson(lessonId) });
}

export function useUpdateLesson(courseId: string, lessonId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: LessonPatch) => updateLesson(lessonId, patch),
    onSuccess: async (lesson) => {
      queryClient.setQueryData(studioLessonKey(lessonId), lesson);
      await afterCourseChange(queryClient, courseId);
    },
  });
}
