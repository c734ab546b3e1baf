import { z } from 'zod';
import { PageInfo } from './admin.ts';
import { Slug } from './catalog.ts';

// Contracts of the studio slice: the instructor's students, a course's instructors, the instructor's
// public profile.

// ── My students ──────────────────────────────────────────────────────────────────────────────────

/** Whether a student can open the course now: revoked (refund, admin), expired, or active. */
export const AccessStates = ['active', 'expired', 'revoked'] as const;
export const AccessState = z.enum(AccessStates);
export type AccessState = z.infer<typeof AccessState>;

export const StudentSorts = ['enrolled', 'progress', 'last_active'] as const;

/** GET /api/studio/courses/:id/students. */
export const CourseStudentsQuery = z.object({
  /**
   * Part of the student's name; an instructor may also give a whole email address (matched exactly),
   * an admin any part of one.
   */
  q: z.string().trim().max(100).optional(),
  /** `enrolled`: when access was granted; `progress`: percent complete; `last_active`: last lesson opened. */
  sort: z.enum(StudentSorts).default('enrolled'),
  order: z.enum(['asc', 'desc']).default('desc'),
  access: AccessState.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type CourseStudentsQuery = z.infer<typeof CourseStudentsQuery>;

/** GET /api/studio/students: the same, across every course the caller teaches (an admin: all). */
export const StudentsQuery = CourseStudentsQuery.extend({
  /** Only this course's students (one of the caller's courses). */
  courseId: z.uuid().optional(),
});
export type StudentsQuery = z.infer<typeof StudentsQuery>;

/** One student in one course: a student enrolled in two of my courses is two rows. */
export const StudentRow = z.object({
  enrollmentId: z.uuid(),
  student: z.object({
    id: z.uuid(),
    name: z.string(),
    avatarUrl: z.string().nullable(),
    /** Only admins see students' addresses (ADR 019); null for instructors. */
    email: z.string().nullable(),
  }),
  course: z.object({ id: z.uuid(), slug: z.string(), title: z.string() }),
  /** 0–100, as the player counts it (required lessons). */
  progressPercent: z.number(),
  completedLessons: z.number(),
  /** The course's lessons now. */
  totalLessons: z.number(),
  enrolledAt: z.string(),
  /** When the student last opened a lesson; null if never. */
  lastActiveAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  access: AccessState,
});
export type StudentRow = z.infer<typeof StudentRow>;
export const StudentList = z.object({ items: z.array(StudentRow), pageInfo: PageInfo });
export type StudentList = z.infer<typeof StudentList>;

// ── A course's instructors ───────────────────────────────────────────────────────────────────────

export const CourseInstructor = z.object({
  id: z.uuid(),
  name: z.string(),
  /** Shown to the course's other instructors and admins: the address they added them by. */
  email: z.string(),
  avatarUrl: z.string().nullable(),
  /** The public profile, `/instructors/:slug`. */
  slug: z.string(),
  /** Display order on the course page, from 0. */
  position: z.number(),
});
export type CourseInstructor = z.infer<typeof CourseInstructor>;
export const CourseInstructorList = z.object({ items: z.array(CourseInstructor) });
export type CourseInstructorList = z.infer<typeof CourseInstructorList>;

/** POST /api/studio/courses/:id/instructors: an existing instructor's account address. */
export const AddInstructorBody = z.object({ email: z.email().trim().toLowerCase().max(254) }).strict();
export type AddInstructorBody = z.infer<typeof AddInstructorBody>;

/** POST /api/studio/courses/:id/instructors/reorder: every instructor's id, once, in the new order. */
export const ReorderInstructorsBody = z.object({ ids: z.array(z.uuid()).min(1).max(50) }).strict();
export type ReorderInstructorsBody = z.infer<typeof ReorderInstructorsBody>;

// ── The instructor's own profile ─────────────────────────────────────────────────────────────────

/** GET/PATCH /api/studio/profile. */
export const StudioProfile = z.object({
  /** The public address, `/instructors/:slug`; a suggestion from the name until the profile exists. */
  slug: z.string(),
  headline: z.string().nullable(),
  /** Sanitized rich text. */
  bio: z.string().nullable(),
  name: z.string(),
  avatarUrl: z.string().nullable(),
  /** False until the profile is saved or the instructor's first course creates it. */
  exists: z.boolean(),
  /** Whether `/instructors/:slug` is live: a profile shows once one of its courses is published. */
  isPublic: z.boolean(),
});
export type StudioProfile = z.infer<typeof StudioProfile>;

export const StudioProfilePatch = z
  .object({
    slug: Slug.optional(),
    headline: z.string().trim().max(120).nullable().optional(),
    /** Rich text; sanitized on the server (allowlist). */
    bio: z.string().max(20_000).nullable().optional(),
  })
  .strict();
export type StudioProfilePatch = z.infer<typeof StudioProfilePatch>;

/** What "submit" does for the signed-in instructor: publish at once, or queue the course for review. */
export const StudioPublishing = z.object({
  /** True for admins, and for everyone while the site does not require approval. */
  submitPublishes: z.boolean(),
});
export type StudioPublishing = z.infer<typeof StudioPublishing>;
