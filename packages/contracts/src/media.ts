// Contracts of the media slice: uploaded course files (lesson videos and PDFs, resources, intro
// videos) and the daily video links.
import { z } from 'zod';

export const MediaKinds = ['video', 'pdf', 'resource', 'intro_video'] as const;
export const MediaKind = z.enum(MediaKinds);
export type MediaKind = z.infer<typeof MediaKind>;

/**
 * Where a stored course file is served. A checked route, not a signed link: every request (each
 * range of a video too) is allowed or refused for the person asking, at that moment.
 */
export const mediaFileUrl = (id: string) => `/api/files/media/${id}`;
/** The same file as a download (`Content-Disposition: attachment`) whatever its kind. */
export const mediaDownloadUrl = (id: string) => `/api/files/media/${id}?download=1`;

/** A stored course file as its course's instructors see it in the studio. */
export const MediaFileDto = z.object({
  id: z.uuid(),
  kind: MediaKind,
  /** A resource's title (the file name until the instructor renames it). */
  title: z.string(),
  /** The uploader's file name, cleaned: what a download is saved as. */
  fileName: z.string(),
  /** The type read from the file's bytes when it was uploaded; what it is served as. */
  mime: z.string(),
  sizeBytes: z.number(),
  /** A resource's place in its lesson's list (0 first). */
  position: z.number(),
  url: z.string(),
  downloadUrl: z.string(),
  createdAt: z.string(),
});
export type MediaFileDto = z.infer<typeof MediaFileDto>;

/** The largest upload of each kind, in bytes (from the server's configuration). */
export const UploadLimits = z.object({
  videoMaxBytes: z.number(),
  pdfMaxBytes: z.number(),
  resourceMaxBytes: z.number(),
  /** Plain text resources (no magic number to check) are smaller still. */
  textMaxBytes: z.number(),
});
export type UploadLimits = z.infer<typeof UploadLimits>;

/** GET /api/studio/lessons/:id/media, and the answer of every change to a lesson's files. */
export const StudioLessonMedia = z.object({
  lessonId: z.uuid(),
  /** The lesson's own video (a video lesson) or PDF (a PDF lesson), if one was uploaded. */
  file: MediaFileDto.nullable(),
  /** Downloadable resources, in order; any type of lesson may have them. */
  resources: z.array(MediaFileDto),
  limits: UploadLimits,
});
export type StudioLessonMedia = z.infer<typeof StudioLessonMedia>;

/** PATCH /api/studio/resources/:id. */
export const ResourcePatch = z.object({ title: z.string().trim().min(1).max(200) }).strict();
export type ResourcePatch = z.infer<typeof ResourcePatch>;

/** The lesson's file in the player (only ever sent to someone allowed to open the lesson). */
export const LessonFile = z.object({
  id: z.uuid(),
  fileName: z.string(),
  mime: z.string(),
  sizeBytes: z.number(),
  /** Plays or displays in the page (`inline`); range requests are supported. */
  url: z.string(),
  downloadUrl: z.string(),
});
export type LessonFile = z.infer<typeof LessonFile>;

/** A downloadable resource in the player. */
export const LessonResource = z.object({
  id: z.uuid(),
  title: z.string(),
  fileName: z.string(),
  mime: z.string(),
  sizeBytes: z.number(),
  downloadUrl: z.string(),
});
export type LessonResource = z.infer<typeof LessonResource>;

// ── Daily video links ────────────────────────────────────────────────────────────────────────────

/** A calendar day, `YYYY-MM-DD`. */
export const CalendarDay = z.iso.date();

export const DailyVideoBody = z.object({
  /** The day it is "today's video", in the academy's time zone. */
  day: CalendarDay,
  title: z.string().trim().min(1).max(200),
  /** A YouTube, Vimeo or other http(s) link. */
  url: z.url({ protocol: /^https?$/ }).max(500),
  note: z.string().trim().max(2000).nullable().optional(),
});
export type DailyVideoBody = z.infer<typeof DailyVideoBody>;
export const DailyVideoPatch = DailyVideoBody.partial().strict();
export type DailyVideoPatch = z.infer<typeof DailyVideoPatch>;

export const DailyVideoDto = z.object({
  id: z.uuid(),
  day: z.string(),
  title: z.string(),
  url: z.string(),
  note: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type DailyVideoDto = z.infer<typeof DailyVideoDto>;

/** GET /api/studio/courses/:id/daily-videos: every one, latest day first. */
export const DailyVideoList = z.object({
  items: z.array(DailyVideoDto),
  /** Today in the academy's time zone, so the studio can mark past, today and future. */
  today: z.string(),
  timeZone: z.string(),
});
export type DailyVideoList = z.infer<typeof DailyVideoList>;

/** GET /api/learning/courses/:slug/daily-videos: today's and the earlier ones, never later ones. */
export const CourseDailyVideos = z.object({
  course: z.object({ id: z.uuid(), slug: z.string(), title: z.string() }),
  today: z.string(),
  timeZone: z.string(),
  todays: z.array(DailyVideoDto),
  /** Latest first, at most 100. */
  earlier: z.array(DailyVideoDto),
});
export type CourseDailyVideos = z.infer<typeof CourseDailyVideos>;

/** GET /api/learning/daily-videos/today: today's videos of the student's active courses. */
export const TodayVideoList = z.object({
  today: z.string(),
  items: z.array(
    z.object({
      courseId: z.uuid(),
      courseSlug: z.string(),
      videos: z.array(z.object({ id: z.uuid(), title: z.string() })),
    }),
  ),
});
export type TodayVideoList = z.infer<typeof TodayVideoList>;
