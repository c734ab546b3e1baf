import type { CourseInstructorList } from '@9tangle/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  addCourseInstructor,
  listCourseInstructors,
  removeCourseInstructor,
  reorderCourseInstructors,
} from '../../../api/studio-people.ts';
import { afterCourseChange } from '../studio-queries.ts';

export const instructorsKey = (courseId: string) => ['studio', 'instructors', courseId] as const;

export function useCourseInstructors(courseId: string) {
  return useQuery({ queryKey: instructorsKey(courseId), queryFn: () => listCourseInstructors(courseId) });
}

/** Each change answers the new list; the course (its instructors) and its history refresh too. */
function useInstructorsChange<V>(courseId: string, fn: (v: V) => Promise<CourseInstructorList>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (list) => {
      queryClient.setQueryData(instructorsKey(courseId), list);
      await afterCourseChange(queryClient, courseId);
    },
  });
}

export const useAddInstructor = (courseId: string) =>
  useInstructorsChange(courseId, (email: string) => addCourseInstructor(courseId, email));
export const useRemoveInstructor = (courseId: string) =>
  useInstructorsChange(courseId, (userId: string) => removeCourseInstructor(courseId, userId));
export const useReorderInstructors = (courseId: string) =>
  useInstructorsChange(courseId, (ids: string[]) => reorderCourseInstructors(courseId, ids));
