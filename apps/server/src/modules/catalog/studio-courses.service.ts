import type { AdminCourseQuery, CourseBody, CoursePatch, StudioCourse } from '@9tangle/contracts';
import { conflict } from '../../http/errors.ts';
import { auditRepo } from './audit.repo.ts';
import { type Actor, type CatalogDeps, loadEditableCourse } from './catalog.deps.ts';
import { auditedFields, toAuditEntry } from './catalog.mappers.ts';
import { categoryCountDeltas } from './catalog.policy.ts';
import { categoriesRepo } from './categories.repo.ts';
import { courseColumnsFrom, diff } from './course-fields.ts';
import { courseViews } from './course-views.ts';
import { coursesRepo } from './courses.repo.ts';
import { ensureInstructorProfile } from './instructors/instructor-profiles.ts';
import { isUniqueViolation, nextFreeSlug, slugify } from './slug.ts';

const slugTaken = () => conflict('slug_taken', 'Another course already uses this web address.');

/** The instructor studio's courses: create, read, edit and the audit trail. */
export function createStudioCoursesService(d: Pick<CatalogDeps, 'database' | 'clock' | 'cache'>) {
  const db = d.database.db;

  const view = courseViews.studio;
  return {
    /** The actor's courses (an admin's list is every course), most recently changed first. */
    async list(actor: Actor) {
      const rows = await coursesRepo.listForStudio(db, actor.role === 'admin' ? null : actor.id);
      return { items: await courseViews.studioItems(db, rows) };
    },

    /**
     * A new draft course; its creator becomes its first instructor (and gets a public profile slug
     * with their first course). The slug comes from the title, made unique with `-2`, `-3`, … unless
     * one was given, which must be free.
     */
    async create(actor: Actor, body: CourseBody): Promise<StudioCourse> {
      for (let attempt = 0; ; attempt++) {
        try {
          const id = await db.transaction(async (tx) => {
            const now = d.clock.now();
            const values = await courseColumnsFrom(tx, body);
            let slug = body.slug;
            if (slug) {
              if (await coursesRepo.slugTaken(tx, slug)) throw slugTaken();
            } else {
              const base = slugify(body.title);
              slug = nextFreeSlug(base, await coursesRepo.slugsLike(tx, base));
            }
            await ensureInstructorProfile(tx, actor, now);
            const course = await coursesRepo.insert(tx, {
              ...values,
              title: body.title,
              slug,
              status: 'draft',
              createdAt: now,
              updatedAt: now,
            });
            await coursesRepo.addInstructor(tx, course.id, actor.id, 0);
            await auditRepo.record(
              tx,
              {
                courseId: course.id,
                actorId: actor.id,
                action: 'course.created',
                after: auditedFields(course),
              },
              now,
            );
            return course.id;
          });
          await d.cache.bump();
          return view(db, id);
        } catch (err) {
          // Two courses with the same title created at once: the loser takes the next suffix.
          if (!body.slug && attempt < 3 && isUniqueViolation(err, 'courses_slug_key')) continue;
          if (isUniqueViolation(err, 'courses_slug_key')) throw slugTaken();
          throw err;
        }
      }
    },

    async get(actor: Actor, id: string): Promise<StudioCourse> {
      await loadEditableCourse(db, actor, id);
      return view(db, id);
    },

    /** Change a course's fields; counts follow a category change of a published course. */
    async update(actor: Actor, id: string, patch: CoursePatch): Promise<StudioCourse> {
      try {
        await db.transaction(async (tx) => {
          const { course } = await loadEditableCourse(tx, actor, id, { lock: true });
          const { descriptionText, ...values } = await courseColumnsFrom(tx, patch);
          if (
            values.slug &&
            values.slug !== course.slug &&
            (await coursesRepo.slugTaken(tx, values.slug, id))
          )
            throw slugTaken();
          const changes = diff(auditedFields(course), values);
          if (!changes) return;
          const now = d.clock.now();
          const updated = await coursesRepo.update(tx, id, {
            ...values,
            ...(descriptionText !== undefined ? { descriptionText } : {}),
            updatedAt: now,
          });
          await categoriesRepo.adjustCounts(tx, categoryCountDeltas(course, updated));
          await auditRepo.record(
            tx,
            { courseId: id, actorId: actor.id, action: 'course.updated', ...changes },
            now,
          );
        });
      } catch (err) {
        if (isUniqueViolation(err, 'courses_slug_key')) throw slugTaken();
        throw err;
      }
      await d.cache.bump();
      return view(db, id);
    },

    /** Every course for the admin, by status (`in_review` is the review queue, oldest first). */
    async listForAdmin(q: AdminCourseQuery) {
      const { items, total } = await coursesRepo.listForAdmin(db, q);
      return {
        items: await courseViews.studioItems(db, items),
        pageInfo: { page: q.page, limit: q.limit, total, pages: Math.ceil(total / q.limit) },
      };
    },

    /** The course's audit trail, newest first. */
    async audit(actor: Actor, id: string, page: { page: number; limit: number }) {
      await loadEditableCourse(db, actor, id);
      const { items, total } = await auditRepo.list(db, id, page);
      return {
        items: items.map(toAuditEntry),
        pageInfo: { page: page.page, limit: page.limit, total, pages: Math.ceil(total / page.limit) },
      };
    },
  };
}
export type StudioCoursesService = ReturnType<typeof createStudioCoursesService>;
