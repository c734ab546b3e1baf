import {
  type CategoryDto,
  type CourseAuditEntry,
  type CourseDetail,
  type CourseSummary,
  type InstructorRef,
  mediaFileUrl,
  type SectionOutline,
  type StudioCourse,
  type StudioLesson,
} from '@9tangle/contracts';
import type { CategoryRow, LessonRow, MediaFileRow, SectionRow } from '../../db/schema/index.ts';
import type { Course, CourseWithCategory } from './courses.repo.ts';
import type { LessonOutlineRow } from './curriculum.repo.ts';
import type { InstructorRefRow } from './instructors/instructors.repo.ts';
import { toMediaFileDto } from './media/media.mappers.ts';

/** Row → DTO. Nothing here reads the database; lesson content appears only in `toStudioLesson`. */

export const avatarUrl = (key: string | null) => (key ? `/api/files/avatars/${key}` : null);
export const thumbnailUrl = (key: string | null) => (key ? `/api/files/thumbnails/${key}` : null);

export function toCategoryDto(c: CategoryRow): CategoryDto {
  return {
    id: c.id,
    name: c.name,
    slug: c.slug,
    description: c.description,
    icon: c.icon,
    colour: c.colour,
    position: c.position,
    active: c.active,
    courseCount: c.courseCount,
  };
}

export function toInstructorRef(r: Omit<InstructorRefRow, 'courseId'>): InstructorRef {
  return { id: r.id, name: r.name, slug: r.slug, avatarUrl: avatarUrl(r.avatarKey) };
}

/** Group instructor rows by course. */
export function instructorsByCourse(rows: InstructorRefRow[]): Map<string, InstructorRef[]> {
  const map = new Map<string, InstructorRef[]>();
  for (const r of rows) {
    const list = map.get(r.courseId) ?? [];
    list.push(toInstructorRef(r));
    map.set(r.courseId, list);
  }
  return map;
}

export function toCourseSummary(c: CourseWithCategory, instructors: InstructorRef[]): CourseSummary {
  return {
    id: c.id,
    slug: c.slug,
    title: c.title,
    subtitle: c.subtitle,
    thumbnailUrl: thumbnailUrl(c.thumbnailKey),
    level: c.level,
    language: c.language,
    priceMinor: c.priceMinor,
    currency: c.currency as CourseSummary['currency'],
    isFree: c.priceMinor === 0,
    category: c.categorySlug && c.categoryName ? { slug: c.categorySlug, name: c.categoryName } : null,
    instructors,
    ratingAvg: c.ratingAvg === null ? null : Number(c.ratingAvg),
    ratingCount: c.ratingCount,
    enrollmentCount: c.enrollmentCount,
    lessonCount: c.lessonCount,
    durationMinutes: c.durationMinutes,
    publishedAt: c.publishedAt?.toISOString() ?? null,
  };
}

/** YouTube and Vimeo links play in their players; anything else is a direct video file. */
export function introVideoOf(url: string | null): CourseDetail['introVideo'] {
  if (!url) return null;
  let host = '';
  try {
    host = new URL(url).hostname.replace(/^www\.|^m\./, '');
  } catch {
    return null;
  }
  if (host === 'youtube.com' || host === 'youtu.be' || host === 'youtube-nocookie.com')
    return { kind: 'youtube', url };
  if (host === 'vimeo.com' || host === 'player.vimeo.com') return { kind: 'vimeo', url };
  return { kind: 'upload', url };
}

/** Sections with their lessons' outline (titles, types, durations, preview flags). */
export function toOutline(sections: SectionRow[], lessons: LessonOutlineRow[]): SectionOutline[] {
  const bySection = new Map<string, SectionOutline['lessons']>();
  for (const l of lessons) {
    const list = bySection.get(l.sectionId) ?? [];
    list.push({
      id: l.id,
      title: l.title,
      type: l.type,
      durationSeconds: l.durationSeconds,
      isPreview: l.isPreview,
      position: l.position,
    });
    bySection.set(l.sectionId, list);
  }
  return sections.map((s) => ({
    id: s.id,
    title: s.title,
    position: s.position,
    lessons: (bySection.get(s.id) ?? []).sort((a, b) => a.position - b.position),
  }));
}

export function toCourseDetail(
  c: CourseWithCategory,
  instructors: InstructorRef[],
  sections: SectionOutline[],
): CourseDetail {
  return {
    ...toCourseSummary(c, instructors),
    descriptionHtml: c.descriptionHtml,
    whatYouWillLearn: c.whatYouWillLearn,
    requirements: c.requirements,
    // An uploaded intro video is shown instead of the link (it is public once the course is).
    introVideo: c.introVideoFileId
      ? { kind: 'upload', url: mediaFileUrl(c.introVideoFileId) }
      : introVideoOf(c.introVideoUrl),
    sections,
    updatedAt: c.updatedAt.toISOString(),
  };
}

export function toStudioCourse(
  c: CourseWithCategory,
  instructors: InstructorRef[],
  sections: SectionOutline[],
  introVideoFile?: MediaFileRow | null,
): StudioCourse {
  return {
    ...toCourseDetail(c, instructors, sections),
    status: c.status,
    categoryId: c.categoryId,
    createdAt: c.createdAt.toISOString(),
    introVideoUrl: c.introVideoUrl,
    featuredAt: c.featuredAt ? c.featuredAt.toISOString() : null,
    ...(introVideoFile !== undefined
      ? { introVideoFile: introVideoFile ? toMediaFileDto(introVideoFile) : null }
      : {}),
  };
}

export function toStudioLesson(l: LessonRow): StudioLesson {
  return {
    id: l.id,
    sectionId: l.sectionId,
    title: l.title,
    type: l.type,
    durationSeconds: l.durationSeconds,
    isPreview: l.isPreview,
    position: l.position,
    contentHtml: l.contentHtml,
    videoUrl: l.videoUrl,
    isRequired: l.isRequired,
    releaseAt: l.releaseAt?.toISOString() ?? null,
    dripDays: l.dripDays,
  };
}

export function toAuditEntry(a: {
  id: string;
  action: string;
  before: unknown;
  after: unknown;
  createdAt: Date;
  actorId: string | null;
  actorName: string | null;
}): CourseAuditEntry {
  return {
    id: a.id,
    actor: a.actorId && a.actorName !== null ? { id: a.actorId, name: a.actorName } : null,
    action: a.action,
    before: a.before ?? null,
    after: a.after ?? null,
    createdAt: a.createdAt.toISOString(),
  };
}

/** The fields of a course its audit trail snapshots (what an instructor can change). */
export function auditedFields(c: Course) {
  return {
    title: c.title,
    slug: c.slug,
    subtitle: c.subtitle,
    descriptionHtml: c.descriptionHtml,
    categoryId: c.categoryId,
    level: c.level,
    language: c.language,
    durationMinutes: c.durationMinutes,
    priceMinor: c.priceMinor,
    currency: c.currency,
    whatYouWillLearn: c.whatYouWillLearn,
    requirements: c.requirements,
    introVideoUrl: c.introVideoUrl,
    thumbnailKey: c.thumbnailKey,
    status: c.status,
  };
}
