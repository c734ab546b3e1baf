import { randomUUID } from 'node:crypto';
import type { CourseStatus, Role } from '@9tangle/contracts';
import type { Executor } from '../db/client.ts';
import type { CategoryRow, LessonRow, SectionRow, UserRow } from '../db/schema/index.ts';
import { categoryCountDeltas } from '../modules/catalog/catalog.policy.ts';
import { categoriesRepo } from '../modules/catalog/categories.repo.ts';
import { type Course, coursesRepo } from '../modules/catalog/courses.repo.ts';
import { curriculumRepo } from '../modules/catalog/curriculum.repo.ts';
import { ensureInstructorProfile } from '../modules/catalog/instructors/instructor-profiles.ts';
import { htmlToText, sanitizeRichText } from '../modules/catalog/rich-text.ts';
import { slugify } from '../modules/catalog/slug.ts';
import { usersRepo } from '../modules/identity/users.repo.ts';

/**
 * Factories shared by the tests and the demo seed: each builds a valid row with unique values, so
 * tests never collide and the demo data follows the same rules as real data.
 */
export async function buildUser(
  x: Executor,
  o: {
    role?: Role;
    name?: string;
    email?: string;
    passwordHash?: string | null;
    verified?: boolean;
    suspended?: boolean;
  } = {},
): Promise<UserRow> {
  const id = randomUUID().slice(0, 8);
  return usersRepo.insert(x, {
    name: o.name ?? `Test ${o.role ?? 'student'} ${id}`,
    email: (o.email ?? `${o.role ?? 'student'}-${id}@example.test`).toLowerCase(),
    role: o.role ?? 'student',
    passwordHash: o.passwordHash ?? null,
    emailVerifiedAt: o.verified === false ? null : new Date(),
    suspendedAt: o.suspended ? new Date() : null,
  });
}

/** A category with a unique slug (active, position 0 unless told). */
export async function buildCategory(
  x: Executor,
  o: {
    name?: string;
    slug?: string;
    position?: number;
    active?: boolean;
    description?: string;
    icon?: string;
    colour?: string;
  } = {},
): Promise<CategoryRow> {
  const id = randomUUID().slice(0, 8);
  const name = o.name ?? `Category ${id}`;
  return categoriesRepo.insert(x, {
    name,
    slug: o.slug ?? `${slugify(name, 'category')}-${id}`,
    description: o.description ?? null,
    icon: o.icon ?? null,
    colour: o.colour ?? null,
    position: o.position ?? 0,
    active: o.active ?? true,
  });
}

/**
 * A course taught by `instructorId` (who gets an instructor profile if they have none), with a unique
 * slug. A published course counts in its category at once, as the services keep it. It has no lessons
 * until `buildLesson` adds them.
 */
export async function buildCourse(
  x: Executor,
  o: {
    instructorId: string;
    /** More instructors, after the first. */
    coInstructorIds?: string[];
    title?: string;
    slug?: string;
    subtitle?: string | null;
    descriptionHtml?: string;
    categoryId?: string | null;
    level?: 'beginner' | 'intermediate' | 'advanced';
    language?: string;
    durationMinutes?: number;
    priceMinor?: number;
    currency?: 'PKR' | 'USD';
    status?: CourseStatus;
    whatYouWillLearn?: string[];
    requirements?: string[];
    introVideoUrl?: string | null;
    ratingAvg?: number | null;
    ratingCount?: number;
    enrollmentCount?: number;
    publishedAt?: Date;
  },
): Promise<Course> {
  const id = randomUUID().slice(0, 8);
  const title = o.title ?? `Test course ${id}`;
  const status = o.status ?? 'draft';
  const descriptionHtml = sanitizeRichText(o.descriptionHtml ?? `<p>${title}: a course built for tests.</p>`);
  const instructorIds = [o.instructorId, ...(o.coInstructorIds ?? [])];
  for (const userId of instructorIds) {
    const user = await usersRepo.findById(x, userId);
    if (!user) throw new Error(`buildCourse: no user ${userId}`);
    await ensureInstructorProfile(x, user, new Date());
  }
  const course = await coursesRepo.insert(x, {
    title,
    slug: o.slug ?? `${slugify(title)}-${id}`,
    subtitle: o.subtitle ?? null,
    descriptionHtml,
    descriptionText: htmlToText(descriptionHtml),
    categoryId: o.categoryId ?? null,
    level: o.level ?? 'beginner',
    language: o.language ?? 'en',
    durationMinutes: o.durationMinutes ?? 60,
    priceMinor: o.priceMinor ?? 0,
    currency: o.currency ?? 'PKR',
    status,
    whatYouWillLearn: o.whatYouWillLearn ?? [],
    requirements: o.requirements ?? [],
    introVideoUrl: o.introVideoUrl ?? null,
    ratingAvg: o.ratingAvg === undefined || o.ratingAvg === null ? null : o.ratingAvg.toFixed(2),
    ratingCount: o.ratingCount ?? 0,
    enrollmentCount: o.enrollmentCount ?? 0,
    publishedAt: status === 'published' ? (o.publishedAt ?? new Date()) : null,
  });
  for (const [position, userId] of instructorIds.entries())
    await coursesRepo.addInstructor(x, course.id, userId, position);
  await categoriesRepo.adjustCounts(x, categoryCountDeltas({ status: 'draft', categoryId: null }, course));
  return course;
}

/** A section at the end of its course. */
export async function buildSection(
  x: Executor,
  o: { courseId: string; title?: string },
): Promise<SectionRow> {
  const position = (await curriculumRepo.sectionIdsOf(x, o.courseId)).length;
  return curriculumRepo.insertSection(x, {
    courseId: o.courseId,
    title: o.title ?? `Section ${position + 1}`,
    position,
  });
}

/** A lesson at the end of its section; the course's lesson count follows. */
export async function buildLesson(
  x: Executor,
  o: {
    sectionId: string;
    title?: string;
    type?: 'video' | 'text' | 'pdf' | 'resources' | 'quiz';
    contentHtml?: string | null;
    videoUrl?: string | null;
    durationSeconds?: number | null;
    isPreview?: boolean;
    isRequired?: boolean;
    releaseAt?: Date | null;
    dripDays?: number | null;
  },
): Promise<LessonRow> {
  const section = await curriculumRepo.findSection(x, o.sectionId);
  if (!section) throw new Error(`buildLesson: no section ${o.sectionId}`);
  const position = await curriculumRepo.countLessons(x, { sectionId: o.sectionId });
  const lesson = await curriculumRepo.insertLesson(x, {
    sectionId: o.sectionId,
    courseId: section.courseId,
    title: o.title ?? `Lesson ${position + 1}`,
    type: o.type ?? 'text',
    contentHtml:
      o.contentHtml === undefined ? '<p>Lesson text.</p>' : o.contentHtml && sanitizeRichText(o.contentHtml),
    videoUrl: o.videoUrl ?? null,
    durationSeconds: o.durationSeconds ?? 300,
    isPreview: o.isPreview ?? false,
    isRequired: o.isRequired ?? true,
    releaseAt: o.releaseAt ?? null,
    dripDays: o.dripDays ?? null,
    position,
  });
  await coursesRepo.adjustLessonCount(x, section.courseId, +1, new Date());
  return lesson;
}
