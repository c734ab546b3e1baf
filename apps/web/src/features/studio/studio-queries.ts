import type { CourseBody, StudioCourse } from '@9tangle/contracts';
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type CourseStatusAction,
  changeCourseStatus,
  createStudioCourse,
  getStudioCourse,
  getStudioPublishing,
  listCourseAudit,
  listStudioCourses,
  updateStudioCourse,
} from '../../api/studio.ts';
import type { CoursePatch } from '../../api/types.ts';

export const studioCoursesKey = ['studio', 'courses'] as const;
export const studioCourseKey = (id: string) => ['studio', 'course', id] as const;
export const courseAuditKey = (id: string) => ['studio', 'audit', id] as const;
export const studioLessonKey = (id: string) => ['studio', 'lesson', id] as const;

export function useStudioCourses() {
  return useQuery({ queryKey: studioCoursesKey, queryFn: listStudioCourses });
}

export function useStudioCourse(id: string) {
  return useQuery({ queryKey: studioCourseKey(id), queryFn: () => getStudioCourse(id) });
}

/** Whether "submit" publishes at once for me; the approval switch may change at any time, so kept briefly. */
export function useStudioPublishing() {
  return useQuery({ queryKey: ['studio', 'publishing'], queryFn: getStudioPublishing, staleTime: 30_000 });
}

export function useCourseAudit(id: string) {
  return useQuery({ queryKey: courseAuditKey(id), queryFn: () => listCourseAudit(id) });
}

/**
 * After any change to a course: the answer replaces the cached course (when there is one), and the
 * list and the history are refetched. The public pages' cache is left alone; it expires on its own.
 */
export async function afterCourseChange(
  queryClient: QueryClient,
  courseId: string,
  course?: StudioCourse,
): Promise<void> {
  if (course) queryClient.setQueryData(studioCourseKey(courseId), course);
  else await queryClient.invalidateQueries({ queryKey: studioCourseKey(courseId) });
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: studioCoursesKey }),
    queryClient.invalidateQueries({ queryKey: courseAuditKey(courseId) }),
  ]);
}

export function useCreateCourse() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CourseBody) => createStudioCourse(body),
    onSuccess: (course) => afterCourseChange(queryClient, course.id, course),
  });
}

export function useUpdateCourse(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: CoursePatch) => updateStudioCourse(id, patch),
    onSuccess: (course) => afterCourseChange(queryClient, id, course),
  });
}

export function useCourseStatus(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: CourseStatusAction) => changeCourseStatus(id, action),
    onSuccess: (course) => afterCourseChange(queryClient, id, course),
  });
}
