import type { CourseBody, StudioCourse, StudioPublishing } from '@9tangle/contracts';
import { apiRequest } from './client.ts';
import type { CourseAuditList, CoursePatch, StudioCourseList } from './types.ts';
import { type UploadOptions, uploadFile } from './upload.ts';

const coursePath = (id: string) => `/api/studio/courses/${encodeURIComponent(id)}`;

export function listStudioCourses(): Promise<StudioCourseList> {
  return apiRequest('/api/studio/courses');
}

export function createStudioCourse(body: CourseBody): Promise<StudioCourse> {
  return apiRequest('/api/studio/courses', { method: 'POST', body });
}

export function getStudioCourse(id: string): Promise<StudioCourse> {
  return apiRequest(coursePath(id));
}

export function updateStudioCourse(id: string, body: CoursePatch): Promise<StudioCourse> {
  return apiRequest(coursePath(id), { method: 'PATCH', body });
}

/** What "submit" does for the signed-in instructor (publish at once, or queue for review). */
export function getStudioPublishing(): Promise<StudioPublishing> {
  return apiRequest('/api/studio/publishing');
}

export type CourseStatusAction = 'submit' | 'archive' | 'unarchive';

/** Submit (→ in review, or published for admins), archive or unarchive. */
export function changeCourseStatus(id: string, action: CourseStatusAction): Promise<StudioCourse> {
  return apiRequest(`${coursePath(id)}/${action}`, { method: 'POST' });
}

export function listCourseAudit(id: string): Promise<CourseAuditList> {
  return apiRequest(`${coursePath(id)}/audit`);
}

export function uploadCourseThumbnail(
  id: string,
  file: File,
  options?: UploadOptions,
): Promise<StudioCourse> {
  return uploadFile(`${coursePath(id)}/thumbnail`, file, options);
}
