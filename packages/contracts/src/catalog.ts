import { z } from 'zod';
import { PageInfo } from './admin.ts';
import { MediaFileDto } from './media.ts';

/** A URL-safe slug: lower-case letters, digits and single dashes. */
export const Slug = z
  .string()
  .trim()
  .min(2)
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'Use lower-case letters, digits and dashes' });

export const CourseLevels = ['beginner', 'intermediate', 'advanced'] as const;
export const CourseLevel = z.enum(CourseLevels);
export const CourseStatuses = ['draft', 'in_review', 'published', 'archived'] as const;
export const CourseStatus = z.enum(CourseStatuses);
export type CourseStatus = z.infer<typeof CourseStatus>;
export const LessonTypes = ['video', 'text', 'pdf', 'resources', 'quiz'] as const;
export const LessonType = z.enum(LessonTypes);
/** ISO 4217 code of a currency the academy sells in. */
export const Currency = z.enum(['PKR', 'USD']);
/** Money is integer minor units (paisa, cents) with its currency. */
export const MinorUnits = z.int().min(0).max(100_000_000);
const Title = z.string().trim().min(3).max(120);
const Line = z.string().trim().min(1).max(200);

export const CategoryDto = z.object({
  id: z.uuid(),
  name: z.string(),
  slug: z.string(),
  description: z.string().nullable(),
  icon: z.string().nullable(),
  colour: z.string().nullable(),
  position: z.number(),
  active: z.boolean(),
  /** Published courses in the category, kept current on every status change. */
  courseCount: z.number(),
});
export type CategoryDto = z.infer<typeof CategoryDto>;
export const CategoryList = z.object({ items: z.array(CategoryDto) });
export const CategoryBody = z.object({
  name: z.string().trim().min(2).max(80),
  slug: Slug.optional(),
  description: z.string().trim().max(500).nullable().optional(),
  icon: z.string().trim().max(40).nullable().optional(),
  colour: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .nullable()
    .optional(),
  position: z.int().min(0).max(10_000).optional(),
  active: z.boolean().optional(),
});

export const InstructorRef = z.object({
  id: z.uuid(),
  name: z.string(),
  slug: z.string(),
  avatarUrl: z.string().nullable(),
});

/** A course as a card in the catalog. */
export const CourseSummary = z.object({
  id: z.uuid(),
  slug: z.string(),
  title: z.string(),
  subtitle: z.string().nullable(),
  thumbnailUrl: z.string().nullable(),
  level: CourseLevel,
  language: z.string(),
  priceMinor: z.number(),
  currency: Currency,
  isFree: z.boolean(),
  category: z.object({ slug: z.string(), name: z.string() }).nullable(),
  instructors: z.array(InstructorRef),
  ratingAvg: z.number().nullable(),
  ratingCount: z.number(),
  enrollmentCount: z.number(),
  lessonCount: z.number(),
  durationMinutes: z.number(),
  publishedAt: z.string().nullable(),
});
export type CourseSummary = z.infer<typeof CourseSummary>;

export const LessonOutline = z.object({
  id: z.uuid(),
  title: z.string(),
  type: LessonType,
  durationSeconds: z.number().nullable(),
  isPreview: z.boolean(),
  position: z.number(),
});
export const SectionOutline = z.object({
  id: z.uuid(),
  title: z.string(),
  position: z.number(),
  lessons: z.array(LessonOutline),
});
export const IntroVideo = z.object({ kind: z.enum(['upload', 'youtube', 'vimeo']), url: z.string() });

/** The public course page: the card, the sanitized description and the curriculum outline (no lesson content). */
export const CourseDetail = CourseSummary.extend({
  descriptionHtml: z.string(),
  whatYouWillLearn: z.array(z.string()),
  requirements: z.array(z.string()),
  introVideo: IntroVideo.nullable(),
  sections: z.array(SectionOutline),
  updatedAt: z.string(),
});
export type CourseDetail = z.infer<typeof CourseDetail>;

export const CatalogSorts = ['newest', 'popular', 'rating', 'price_asc', 'price_desc', 'relevance'] as const;
export const CatalogQuery = z.object({
  q: z.string().trim().max(100).optional(),
  category: Slug.optional(),
  level: CourseLevel.optional(),
  price: z.enum(['free', 'paid']).optional(),
  minRating: z.coerce.number().min(0).max(5).optional(),
  language: z.string().trim().min(2).max(10).optional(),
  instructor: Slug.optional(),
  sort: z.enum(CatalogSorts).optional(),
  page: z.coerce.number().int().min(1).max(1_000).default(1),
  limit: z.coerce.number().int().min(1).max(60).default(12),
  /**
   * Keyset pagination for deep pages: the `nextCursor` of the previous answer, used with the same
   * filters, sort and limit (anything else is 400 `invalid_cursor`). When given, `page` is ignored.
   */
  cursor: z.string().min(1).max(1_000).optional(),
});
export type CatalogQuery = z.infer<typeof CatalogQuery>;

/**
 * The catalog query of a URL, the same on the server and in the browser (so both build the same cache
 * key): empty parameters (`?category=`) are ignored, and a query that still does not parse falls back
 * to the unfiltered first page.
 */
export function parseCatalogQuery(params: URLSearchParams): CatalogQuery {
  // Pages are numbered; the keyset cursor belongs to API clients, so a page URL never carries one.
  const given = Object.fromEntries([...params].filter(([k, v]) => v.trim() !== '' && k !== 'cursor'));
  const parsed = CatalogQuery.safeParse(given);
  return parsed.success ? parsed.data : CatalogQuery.parse({});
}

/** Course slugs that are pages of their own under `/courses/`. */
export const RESERVED_COURSE_SLUGS = ['categories'] as const;
export const CatalogPage = z.object({
  items: z.array(CourseSummary),
  pageInfo: PageInfo,
  /** Opaque: pass as `cursor` for the rows after this page; null on the last page. */
  nextCursor: z.string().nullable().optional(),
});
export type CatalogPage = z.infer<typeof CatalogPage>;

// ── Instructor studio ────────────────────────────────────────────────────────────────────────────

export const CourseBody = z.object({
  title: Title,
  slug: Slug.optional(),
  subtitle: z.string().trim().max(200).nullable().optional(),
  /** Rich text; sanitized on the server (allowlist), never trusted. */
  descriptionHtml: z.string().max(100_000).optional(),
  categoryId: z.uuid().nullable().optional(),
  level: CourseLevel.optional(),
  language: z.string().trim().min(2).max(10).optional(),
  durationMinutes: z.int().min(0).max(100_000).optional(),
  priceMinor: MinorUnits.optional(),
  currency: Currency.optional(),
  whatYouWillLearn: z.array(Line).max(20).optional(),
  requirements: z.array(Line).max(20).optional(),
  introVideoUrl: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .nullable()
    .optional(),
});
export type CourseBody = z.infer<typeof CourseBody>;
export const CoursePatch = CourseBody.partial().strict();

/** A course as its instructors and admins see it in the studio. */
export const StudioCourse = CourseDetail.extend({
  status: CourseStatus,
  categoryId: z.uuid().nullable(),
  createdAt: z.string(),
  /** The intro video link as saved (`introVideo` shows an uploaded file instead when there is one). */
  introVideoUrl: z.string().nullable().optional(),
  /** The uploaded intro video, if any. */
  introVideoFile: MediaFileDto.nullable().optional(),
  /** When an admin featured it on the home page; null when not featured. */
  featuredAt: z.string().nullable().optional(),
});
export type StudioCourse = z.infer<typeof StudioCourse>;
/** The home page's featured courses: published ones an admin featured, newest featured first (up to 6). */
export const FeaturedCourseList = z.object({ items: z.array(CourseSummary) });
export type FeaturedCourseList = z.infer<typeof FeaturedCourseList>;
export const StudioCourseList = z.object({
  items: z.array(StudioCourse.omit({ sections: true, descriptionHtml: true })),
});

export const SectionBody = z.object({ title: Title });
export const ReorderBody = z.object({ ids: z.array(z.uuid()).min(1).max(500) });

export const LessonBody = z.object({
  title: Title,
  type: LessonType,
  /** Text lessons: rich text, sanitized on the server. */
  contentHtml: z.string().max(200_000).nullable().optional(),
  /** Video lessons given as a link (YouTube, Vimeo or a direct https URL). */
  videoUrl: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .nullable()
    .optional(),
  durationSeconds: z.int().min(0).max(86_400).nullable().optional(),
  isPreview: z.boolean().optional(),
  /** Marks the lesson as required for completion (default true). */
  isRequired: z.boolean().optional(),
  /** Absolute release date, or... */
  releaseAt: z.iso.datetime({ offset: true }).nullable().optional(),
  /** ...days after the student's enrollment (drip). */
  dripDays: z.int().min(0).max(3650).nullable().optional(),
});
export type LessonBody = z.infer<typeof LessonBody>;
export const LessonPatch = LessonBody.partial().strict();

export const StudioLesson = LessonOutline.extend({
  sectionId: z.uuid(),
  contentHtml: z.string().nullable(),
  videoUrl: z.string().nullable(),
  isRequired: z.boolean(),
  releaseAt: z.string().nullable(),
  dripDays: z.number().nullable(),
});

export const CourseAuditEntry = z.object({
  id: z.uuid(),
  actor: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  action: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  createdAt: z.string(),
});
export const CourseAuditList = z.object({ items: z.array(CourseAuditEntry) });

// ── Added with the server's catalog module ───────────────────────────────────────────────────────

export type CategoryList = z.infer<typeof CategoryList>;
export type CategoryBody = z.infer<typeof CategoryBody>;
/** PATCH /api/admin/categories/:id: any field of CategoryBody; unknown fields are refused. */
export const CategoryPatch = CategoryBody.partial().strict();
export type CategoryPatch = z.infer<typeof CategoryPatch>;
export type InstructorRef = z.infer<typeof InstructorRef>;
export type CoursePatch = z.infer<typeof CoursePatch>;
export type StudioCourseList = z.infer<typeof StudioCourseList>;
export type SectionBody = z.infer<typeof SectionBody>;
export type ReorderBody = z.infer<typeof ReorderBody>;
export type LessonPatch = z.infer<typeof LessonPatch>;
export type StudioLesson = z.infer<typeof StudioLesson>;
export type CourseAuditEntry = z.infer<typeof CourseAuditEntry>;
export type CourseAuditList = z.infer<typeof CourseAuditList>;
export type SectionOutline = z.infer<typeof SectionOutline>;
export type LessonOutline = z.infer<typeof LessonOutline>;

/** An instructor's public page header: the card plus their headline and bio. */
export const InstructorProfile = InstructorRef.extend({
  headline: z.string().nullable(),
  /** Rich text, sanitized on the server with the course descriptions' allowlist: safe to render as HTML. */
  bio: z.string().nullable(),
});
export type InstructorProfile = z.infer<typeof InstructorProfile>;
/** GET /api/instructors/:slug: the profile and the instructor's published courses. */
export const InstructorPage = z.object({ instructor: InstructorProfile, courses: z.array(CourseSummary) });
export type InstructorPage = z.infer<typeof InstructorPage>;

/** POST /api/studio/courses/:id/sections/reorder answers the course's outline in its new order. */
export const SectionOutlineList = z.object({ items: z.array(SectionOutline) });

/** GET /api/studio/courses/:id/audit: newest first. */
export const CourseAuditQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
/** CourseAuditList with its page information (the field is optional so older clients still parse). */
export const CourseAuditPage = CourseAuditList.extend({ pageInfo: PageInfo.optional() });

/** GET /api/admin/courses: every course, filtered by status (the review queue is `status=in_review`). */
export const AdminCourseQuery = z.object({
  status: CourseStatus.optional(),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type AdminCourseQuery = z.infer<typeof AdminCourseQuery>;
export const AdminCourseList = StudioCourseList.extend({ pageInfo: PageInfo });
export type AdminCourseList = z.infer<typeof AdminCourseList>;
/** POST /api/admin/courses/:id/reject: the reason goes to the course's audit trail. */
export const RejectCourseBody = z.object({ reason: z.string().trim().min(3).max(1000) }).strict();
export type RejectCourseBody = z.infer<typeof RejectCourseBody>;

/** GET/PATCH /api/admin/settings. */
export const SiteSettings = z.object({
  /** When true, "submit" puts a course in the review queue; when false it is published at once. */
  coursePublishingRequiresApproval: z.boolean(),
});
export type SiteSettings = z.infer<typeof SiteSettings>;
export const SiteSettingsPatch = SiteSettings.partial().strict();
export type SiteSettingsPatch = z.infer<typeof SiteSettingsPatch>;
