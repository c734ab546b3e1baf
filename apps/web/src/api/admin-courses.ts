import type { AdminCourseList, CourseStatus, SiteSettings, StudioCourse } from '@9tangle/contracts';
import { apiRequest } from './client.ts';

export type AdminCourseParams = { page: number; limit: number; status?: CourseStatus | undefined };

/** Every course for the admin; `status=in_review` is the review queue (oldest submission first). */
export function listAdminCourses(params: AdminCourseParams): Promise<AdminCourseList> {
  const query = new URLSearchParams({ page: String(params.page), limit: String(params.limit) });
  if (params.status) query.set('status', params.status);
  return apiRequest(`/api/admin/courses?${query.toString()}`);
}

/** The decisions on a course, each `POST /api/admin/courses/:id/<decision>`; featuring needs it published. */
export type ReviewDecision = 'publish' | 'unpublish' | 'feature' | 'unfeature';

export function decideCourse(id: string, decision: ReviewDecision): Promise<StudioCourse> {
  return apiRequest(`/api/admin/courses/${encodeURIComponent(id)}/${decision}`, { method: 'POST' });
}

/** Back to draft, with the reason mailed to the course's instructors. */
export function rejectCourse(id: string, reason: string): Promise<StudioCourse> {
  return apiRequest(`/api/admin/courses/${encodeURIComponent(id)}/reject`, {
    method: 'POST',
    body: { reason },
  });
}

export function getSiteSettings(): Promise<SiteSettings> {
  return apiRequest('/api/admin/settings');
}

export function updateSiteSettings(patch: Partial<SiteSettings>): Promise<SiteSettings> {
  return apiRequest('/api/admin/settings', { method: 'PATCH', body: patch });
}
