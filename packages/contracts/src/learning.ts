import { z } from 'zod';
import { CourseSummary, LessonType } from './catalog.ts';
import { LessonFile, LessonResource } from './media.ts';

export const EnrollmentSource = z.enum(['free', 'purchase', 'admin', 'gift']);
export const EnrollmentDto = z.object({
  courseId: z.uuid(),
  source: EnrollmentSource,
  status: z.enum(['active', 'revoked']),
  grantedAt: z.string(),
  expiresAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  completedLessons: z.number(),
  progressPercent: z.number(),
  lastLessonId: z.uuid().nullable(),
  lastAccessedAt: z.string().nullable(),
});
export type EnrollmentDto = z.infer<typeof EnrollmentDto>;

/** A course on the student's dashboard: the card, the enrollment and where to continue. */
export const MyCourse = z.object({
  course: CourseSummary,
  enrollment: EnrollmentDto,
  /** The lesson "Continue" opens: the last one opened, else the first not completed. */
  continueLessonId: z.uuid().nullable(),
});
export const MyCourseList = z.object({ items: z.array(MyCourse) });
export type MyCourseList = z.infer<typeof MyCourseList>;

/** A lesson in the player's outline. A locked lesson shows its title and when it opens, never content. */
export const PlayerLesson = z.object({
  id: z.uuid(),
  title: z.string(),
  type: LessonType,
  durationSeconds: z.number().nullable(),
  isPreview: z.boolean(),
  isRequired: z.boolean(),
  position: z.number(),
  locked: z.boolean(),
  /** When a locked lesson opens (release date or drip), else null. */
  availableAt: z.string().nullable(),
  completed: z.boolean(),
  positionSeconds: z.number(),
});
export const PlayerCourse = z.object({
  course: z.object({ id: z.uuid(), slug: z.string(), title: z.string() }),
  enrollment: EnrollmentDto,
  sections: z.array(
    z.object({ id: z.uuid(), title: z.string(), position: z.number(), lessons: z.array(PlayerLesson) }),
  ),
  continueLessonId: z.uuid().nullable(),
});
export type PlayerCourse = z.infer<typeof PlayerCourse>;

export const LessonContent = z.object({
  id: z.uuid(),
  courseId: z.uuid(),
  title: z.string(),
  type: LessonType,
  /** Sanitized on the server when it was saved. */
  contentHtml: z.string().nullable(),
  videoUrl: z.string().nullable(),
  durationSeconds: z.number().nullable(),
  progress: z.object({ completed: z.boolean(), positionSeconds: z.number(), watchedPercent: z.number() }),
  prevLessonId: z.uuid().nullable(),
  nextLessonId: z.uuid().nullable(),
  /** A video or PDF lesson's uploaded file (a video lesson plays it instead of `videoUrl`). */
  file: LessonFile.nullable().optional(),
  /** The lesson's downloadable resources, in order. */
  resources: z.array(LessonResource).optional(),
});
export type LessonContent = z.infer<typeof LessonContent>;

export const ProgressBody = z
  .object({
    positionSeconds: z.int().min(0).max(86_400),
    /** How much of the video has been watched; at 90 % the lesson completes by itself. */
    watchedPercent: z.int().min(0).max(100),
  })
  .strict();
export const ProgressResult = z.object({
  lessonCompleted: z.boolean(),
  courseCompleted: z.boolean(),
  progressPercent: z.number(),
  completedLessons: z.number(),
});
export type ProgressResult = z.infer<typeof ProgressResult>;
