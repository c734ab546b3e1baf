import type { LessonBody } from '@9tangle/contracts';
import { apiRequest } from './client.ts';
import type { LessonPatch, StudioLesson } from './types.ts';

const enc = encodeURIComponent;

export function createSection(courseId: string, title: string): Promise<unknown> {
  return apiRequest(`/api/studio/courses/${enc(courseId)}/sections`, { method: 'POST', body: { title } });
}

export function renameSection(sectionId: string, title: string): Promise<unknown> {
  return apiRequest(`/api/studio/sections/${enc(sectionId)}`, { method: 'PATCH', body: { title } });
}

export function deleteSection(sectionId: string): Promise<void> {
  return apiRequest(`/api/studio/sections/${enc(sectionId)}`, { method: 'DELETE' });
}

export function reorderSections(courseId: string, ids: string[]): Promise<unknown> {
  return apiRequest(`/api/studio/courses/${enc(courseId)}/sections/reorder`, {
    method: 'POST',
    body: { ids },
  });
}

export function createLesson(sectionId: string, body: LessonBody): Promise<StudioLesson> {
  return apiRequest(`/api/studio/sections/${enc(sectionId)}/lessons`, { method: 'POST', body });
}

export function getLesson(lessonId: string): Promise<StudioLesson> {
  return apiRequest(`/api/studio/lessons/${enc(lessonId)}`);
}

export function updateLesson(lessonId: string, body: LessonPatch): Promise<StudioLesson> {
  return apiRequest(`/api/studio/lessons/${enc(lessonId)}`, { method: 'PATCH', body });
}

export function deleteLesson(lessonId: string): Promise<void> {
  return apiRequest(`/api/studio/lessons/${enc(lessonId)}`, { method: 'DELETE' });
}

export function reorderLessons(sectionId: string, ids: string[]): Promise<unknown> {
  return apiRequest(`/api/studio/sections/${enc(sectionId)}/lessons/reorder`, {
    method: 'POST',
    body: { ids },
  });
}
