import type {
  CourseInstructorList,
  CourseStudentsQuery,
  StudentList,
  StudentsQuery,
  StudioProfile,
  StudioProfilePatch,
} from '@9tangle/contracts';
import { apiRequest } from './client.ts';

const coursePath = (id: string) => `/api/studio/courses/${encodeURIComponent(id)}`;

/** `?q=…&sort=…`, leaving out what is unset. */
function queryString(query: Partial<StudentsQuery>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  return params.toString();
}

export function listCourseStudents(
  courseId: string,
  query: Partial<CourseStudentsQuery>,
): Promise<StudentList> {
  return apiRequest(`${coursePath(courseId)}/students?${queryString(query)}`);
}

export function listMyStudents(query: Partial<StudentsQuery>): Promise<StudentList> {
  return apiRequest(`/api/studio/students?${queryString(query)}`);
}

export function listCourseInstructors(courseId: string): Promise<CourseInstructorList> {
  return apiRequest(`${coursePath(courseId)}/instructors`);
}

export function addCourseInstructor(courseId: string, email: string): Promise<CourseInstructorList> {
  return apiRequest(`${coursePath(courseId)}/instructors`, { method: 'POST', body: { email } });
}

export function removeCourseInstructor(courseId: string, userId: string): Promise<CourseInstructorList> {
  return apiRequest(`${coursePath(courseId)}/instructors/${encodeURIComponent(userId)}`, {
    method: 'DELETE',
  });
}

export function reorderCourseInstructors(courseId: string, ids: string[]): Promise<CourseInstructorList> {
  return apiRequest(`${coursePath(courseId)}/instructors/reorder`, { method: 'POST', body: { ids } });
}

export function getStudioProfile(): Promise<StudioProfile> {
  return apiRequest('/api/studio/profile');
}

export function updateStudioProfile(patch: StudioProfilePatch): Promise<StudioProfile> {
  return apiRequest('/api/studio/profile', { method: 'PATCH', body: patch });
}
