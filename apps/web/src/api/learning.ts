import type {
  EnrollmentDto,
  LessonContent,
  MyCourseList,
  PlayerCourse,
  ProgressBody,
  ProgressResult,
} from '@9tangle/contracts';
import type { z } from 'zod';
import { apiRequest, currentCsrfToken } from './client.ts';

const enc = encodeURIComponent;

export type ProgressUpdate = z.infer<typeof ProgressBody>;

/** Enrolls the signed-in, verified student in a free course (a repeat answers the same enrollment). */
export function enrollInCourse(slug: string): Promise<{ enrollment: EnrollmentDto }> {
  return apiRequest(`/api/courses/${enc(slug)}/enroll`, { method: 'POST' });
}

/** The student's courses, most recently used first. */
export function listMyCourses(): Promise<MyCourseList> {
  return apiRequest('/api/learning/courses');
}

/** The player's outline with the student's state; 404 when not enrolled. */
export function getPlayerCourse(slug: string): Promise<PlayerCourse> {
  return apiRequest(`/api/learning/courses/${enc(slug)}`);
}

/** A lesson's content: enrolled and released, or a free preview (open to anyone). */
export function getLessonContent(lessonId: string): Promise<LessonContent> {
  return apiRequest(`/api/learning/lessons/${enc(lessonId)}`);
}

export function saveLessonProgress(lessonId: string, body: ProgressUpdate): Promise<ProgressResult> {
  return apiRequest(`/api/learning/lessons/${enc(lessonId)}/progress`, { method: 'PUT', body });
}

/** Marks a lesson complete, or (with `false`) not complete again. */
export function setLessonCompleted(lessonId: string, isCompleted: boolean): Promise<ProgressResult> {
  return apiRequest(`/api/learning/lessons/${enc(lessonId)}/complete`, {
    method: isCompleted ? 'POST' : 'DELETE',
  });
}

/**
 * Saves progress while the page is going away (`pagehide`). `navigator.sendBeacon` can only POST and
 * cannot set the CSRF header, so this is a `keepalive` fetch, which outlives the page. Its answer is
 * never read: nobody is left to show it to.
 */
export function saveLessonProgressOnExit(lessonId: string, body: ProgressUpdate): void {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const token = currentCsrfToken();
  if (token) headers['x-csrf-token'] = token;
  void fetch(`/api/learning/lessons/${enc(lessonId)}/progress`, {
    method: 'PUT',
    headers,
    body: JSON.stringify(body),
    credentials: 'same-origin',
    keepalive: true,
  }).catch(() => undefined);
}
