import type {
  CourseDailyVideos,
  DailyVideoBody,
  DailyVideoDto,
  DailyVideoList,
  DailyVideoPatch,
  StudioCourse,
  StudioLessonMedia,
  TodayVideoList,
  UploadLimits,
} from '@9tangle/contracts';
import { apiRequest } from './client.ts';
import { type UploadOptions, uploadFile } from './upload.ts';

const enc = encodeURIComponent;
const lessonPath = (lessonId: string) => `/api/studio/lessons/${enc(lessonId)}`;
const dailyPath = (courseId: string) => `/api/studio/courses/${enc(courseId)}/daily-videos`;

/** A lesson's uploaded video or PDF and its resources, with the upload limits. */
export function getLessonMedia(lessonId: string): Promise<StudioLessonMedia> {
  return apiRequest(`${lessonPath(lessonId)}/media`);
}

/** Upload (or replace) a video lesson's video or a PDF lesson's PDF. */
export function uploadLessonFile(lessonId: string, file: File, options?: UploadOptions) {
  return uploadFile<StudioLessonMedia>(`${lessonPath(lessonId)}/file`, file, options);
}

export function removeLessonFile(lessonId: string): Promise<StudioLessonMedia> {
  return apiRequest(`${lessonPath(lessonId)}/file`, { method: 'DELETE' });
}

export function uploadResource(lessonId: string, file: File, options?: UploadOptions) {
  return uploadFile<StudioLessonMedia>(`${lessonPath(lessonId)}/resources`, file, options);
}

export function renameResource(resourceId: string, title: string): Promise<StudioLessonMedia> {
  return apiRequest(`/api/studio/resources/${enc(resourceId)}`, { method: 'PATCH', body: { title } });
}

export function reorderResources(lessonId: string, ids: string[]): Promise<StudioLessonMedia> {
  return apiRequest(`${lessonPath(lessonId)}/resources/reorder`, { method: 'POST', body: { ids } });
}

export function deleteResource(resourceId: string): Promise<StudioLessonMedia> {
  return apiRequest(`/api/studio/resources/${enc(resourceId)}`, { method: 'DELETE' });
}

export function uploadIntroVideo(courseId: string, file: File, options?: UploadOptions) {
  return uploadFile<StudioCourse>(`/api/studio/courses/${enc(courseId)}/intro-video`, file, options);
}

export function removeIntroVideo(courseId: string): Promise<StudioCourse> {
  return apiRequest(`/api/studio/courses/${enc(courseId)}/intro-video`, { method: 'DELETE' });
}

export function listDailyVideos(courseId: string): Promise<DailyVideoList> {
  return apiRequest(dailyPath(courseId));
}

export function createDailyVideo(courseId: string, body: DailyVideoBody): Promise<DailyVideoDto> {
  return apiRequest(dailyPath(courseId), { method: 'POST', body });
}

export function updateDailyVideo(
  courseId: string,
  id: string,
  body: DailyVideoPatch,
): Promise<DailyVideoDto> {
  return apiRequest(`${dailyPath(courseId)}/${enc(id)}`, { method: 'PATCH', body });
}

export function deleteDailyVideo(courseId: string, id: string): Promise<void> {
  return apiRequest(`${dailyPath(courseId)}/${enc(id)}`, { method: 'DELETE' });
}

/** Today's and the earlier daily videos of a course the student is enrolled in. */
export function getCourseDailyVideos(slug: string): Promise<CourseDailyVideos> {
  return apiRequest(`/api/learning/courses/${enc(slug)}/daily-videos`);
}

/** Today's videos of all the student's courses (the dashboard's mention). */
export function getTodayVideos(): Promise<TodayVideoList> {
  return apiRequest('/api/learning/daily-videos/today');
}

/** The largest upload of each kind, for the studio's file pickers. */
export function getUploadLimits(): Promise<UploadLimits> {
  return apiRequest('/api/studio/upload-limits');
}
