import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, tsvector, updatedAt } from './columns.ts';
import { users } from './identity.ts';

export const courseLevelEnum = pgEnum('course_level', ['beginner', 'intermediate', 'advanced']);
export const courseStatusEnum = pgEnum('course_status', ['draft', 'in_review', 'published', 'archived']);
export const lessonTypeEnum = pgEnum('lesson_type', ['video', 'text', 'pdf', 'resources', 'quiz']);

export const categories = pgTable(
  'categories',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    slug: text('slug').notNull(),
    description: text('description'),
    icon: text('icon'),
    colour: text('colour'),
    position: integer('position').notNull().default(0),
    active: boolean('active').notNull().default(true),
    /** Published courses in the category: moved by the service in the transaction that changes a course. */
    courseCount: integer('course_count').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('categories_slug_key').on(t.slug),
    index('categories_active_position_idx').on(t.active, t.position),
  ],
);

/** The public face of an instructor (`/instructors/:slug`), made with their first course. */
export const instructorProfiles = pgTable(
  'instructor_profiles',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    slug: text('slug').notNull(),
    headline: text('headline'),
    bio: text('bio'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('instructor_profiles_slug_key').on(t.slug)],
);

export const courses = pgTable(
  'courses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    subtitle: text('subtitle'),
    /** Sanitized on the way in (allowlist); safe to render as HTML. */
    descriptionHtml: text('description_html').notNull().default(''),
    /** The description without markup, filled by the service: feeds the search column and meta tags. */
    descriptionText: text('description_text').notNull().default(''),
    categoryId: uuid('category_id').references(() => categories.id, { onDelete: 'restrict' }),
    level: courseLevelEnum('level').notNull().default('beginner'),
    language: text('language').notNull().default('en'),
    durationMinutes: integer('duration_minutes').notNull().default(0),
    priceMinor: integer('price_minor').notNull().default(0),
    currency: text('currency').notNull().default('PKR'),
    status: courseStatusEnum('status').notNull().default('draft'),
    whatYouWillLearn: jsonb('what_you_will_learn').$type<string[]>().notNull().default([]),
    requirements: jsonb('requirements').$type<string[]>().notNull().default([]),
    introVideoUrl: text('intro_video_url'),
    /** An uploaded intro video (a `media_files` row of kind `intro_video`), used instead of the link when set. */
    introVideoFileId: uuid('intro_video_file_id').references((): AnyPgColumn => mediaFiles.id, {
      onDelete: 'set null',
    }),
    thumbnailKey: text('thumbnail_key'),
    ratingAvg: numeric('rating_avg', { precision: 3, scale: 2 }),
    ratingCount: integer('rating_count').notNull().default(0),
    enrollmentCount: integer('enrollment_count').notNull().default(0),
    /** Lessons in the course: moved by the service in the transaction that adds or removes one. */
    lessonCount: integer('lesson_count').notNull().default(0),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** Set when an admin features the course on the home page (newest first); null when not featured. */
    featuredAt: timestamp('featured_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    /** Weighted document for `websearch_to_tsquery('simple', q)`: title A, subtitle B, description C. */
    search: tsvector('search')
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(to_tsvector('simple', coalesce("title", '')), 'A') || setweight(to_tsvector('simple', coalesce("subtitle", '')), 'B') || setweight(to_tsvector('simple', coalesce("description_text", '')), 'C')`,
      ),
  },
  (t) => [
    uniqueIndex('courses_slug_key').on(t.slug),
    index('courses_status_published_idx').on(t.status, t.publishedAt.desc()),
    index('courses_status_popular_idx').on(t.status, t.enrollmentCount.desc()),
    index('courses_status_rating_idx').on(t.status, t.ratingAvg.desc().nullsLast()),
    index('courses_status_price_idx').on(t.status, t.priceMinor),
    index('courses_category_idx').on(t.categoryId),
    index('courses_search_idx').using('gin', t.search),
    check('courses_currency_check', sql`${t.currency} in ('PKR', 'USD')`),
    check('courses_price_check', sql`${t.priceMinor} >= 0`),
  ],
);

/** One or more instructors per course, in display order. */
export const courseInstructors = pgTable(
  'course_instructors',
  {
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.courseId, t.userId] }), index('course_instructors_user_idx').on(t.userId)],
);

// Positions are kept dense (0..n-1) by the service inside one transaction; a unique (parent, position)
// constraint would fight every reorder, so they are only indexed.
export const courseSections = pgTable(
  'course_sections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('course_sections_course_idx').on(t.courseId, t.position)],
);

export const lessons = pgTable(
  'lessons',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sectionId: uuid('section_id')
      .notNull()
      .references(() => courseSections.id, { onDelete: 'cascade' }),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    type: lessonTypeEnum('type').notNull(),
    /** Sanitized rich text; only enrolled students (and the preview) ever receive it. */
    contentHtml: text('content_html'),
    videoUrl: text('video_url'),
    /** The lesson's own uploaded video or PDF (a `media_files` row); a video lesson has it or a link. */
    mediaFileId: uuid('media_file_id').references((): AnyPgColumn => mediaFiles.id, { onDelete: 'set null' }),
    durationSeconds: integer('duration_seconds'),
    isPreview: boolean('is_preview').notNull().default(false),
    isRequired: boolean('is_required').notNull().default(true),
    releaseAt: timestamp('release_at', { withTimezone: true }),
    dripDays: integer('drip_days'),
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('lessons_section_idx').on(t.sectionId, t.position),
    index('lessons_course_idx').on(t.courseId),
  ],
);

export const mediaKindEnum = pgEnum('media_kind', ['video', 'pdf', 'resource', 'intro_video']);

/**
 * An uploaded course file: a lesson's video or PDF, a downloadable resource of a lesson, or the course's
 * intro video. The bytes live in storage under `storage_key` (a server-made random name); the type was
 * read from the bytes. Lesson files reach only enrolled students (or a free preview's visitors).
 */
export const mediaFiles = pgTable(
  'media_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    /** The lesson a video, PDF or resource belongs to; null for the intro video. */
    lessonId: uuid('lesson_id').references(() => lessons.id, { onDelete: 'cascade' }),
    kind: mediaKindEnum('kind').notNull(),
    storageKey: text('storage_key').notNull(),
    /** The uploader's file name, cleaned for display and `Content-Disposition`; never used as a path. */
    fileName: text('file_name').notNull(),
    /** A resource's title as the instructor gave it (defaults to the file name). */
    title: text('title'),
    mime: text('mime').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    position: integer('position').notNull().default(0),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('media_files_storage_key_key').on(t.storageKey),
    index('media_files_lesson_idx').on(t.lessonId, t.kind, t.position),
    index('media_files_course_idx').on(t.courseId),
  ],
);

/** The original 9tangle's daily video links: per course, a dated list; enrolled students see today's. */
export const courseDailyVideos = pgTable(
  'course_daily_videos',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    /** The calendar day it is "today's video" (in the site's time zone). */
    day: date('day', { mode: 'string' }).notNull(),
    title: text('title').notNull(),
    url: text('url').notNull(),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('course_daily_videos_course_day_idx').on(t.courseId, t.day)],
);

/** Every change to a course, its sections or lessons: who, what, before and after, when. */
export const courseAudit = pgTable(
  'course_audit',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    createdAt: createdAt(),
  },
  (t) => [index('course_audit_course_created_idx').on(t.courseId, t.createdAt)],
);

/** Site-wide switches an admin sets (`course_publishing_requires_approval`, …); absent means the default. */
export const siteSettings = pgTable('site_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: updatedAt(),
});

export type CategoryRow = typeof categories.$inferSelect;
export type CourseRow = typeof courses.$inferSelect;
export type SectionRow = typeof courseSections.$inferSelect;
export type LessonRow = typeof lessons.$inferSelect;
export type CourseAuditRow = typeof courseAudit.$inferSelect;
export type MediaFileRow = typeof mediaFiles.$inferSelect;
export type DailyVideoRow = typeof courseDailyVideos.$inferSelect;
export type InstructorProfileRow = typeof instructorProfiles.$inferSelect;
