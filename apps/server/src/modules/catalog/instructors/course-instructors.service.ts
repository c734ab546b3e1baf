import type { CourseInstructorList } from '@9tangle/contracts';
import type { Executor } from '../../../db/client.ts';
import { AppError, badRequest, conflict, notFound } from '../../../http/errors.ts';
import { auditRepo } from '../audit.repo.ts';
import { type Actor, type CatalogDeps, loadEditableCourse } from '../catalog.deps.ts';
import { avatarUrl } from '../catalog.mappers.ts';
import { coursesRepo } from '../courses.repo.ts';
import { ensureInstructorProfile } from './instructor-profiles.ts';
import { instructorsRepo } from './instructors.repo.ts';

type Row = Awaited<ReturnType<typeof instructorsRepo.listForCourse>>[number];
const toList = (rows: Row[]): CourseInstructorList => ({
  items: rows.map((r) => ({
    id: r.id,
    name: r.name,
    email: r.email,
    avatarUrl: avatarUrl(r.avatarKey),
    slug: r.slug,
    position: r.position,
  })),
});

/**
 * A course's instructors: its instructors (and admins) list, add, remove and reorder them. Every
 * change locks the course row first, so two removals at once cannot leave a course with nobody, and
 * writes the course's audit trail in the same transaction; the public catalog is refreshed after it.
 */
export function createCourseInstructorsService(
  d: Pick<CatalogDeps, 'database' | 'clock' | 'cache' | 'mail' | 'publicUrl'>,
) {
  const db = d.database.db;
  /** Runs `change` on the locked course, then refreshes the catalog and answers the new list. */
  async function change(
    actor: Actor,
    courseId: string,
    fn: (tx: Executor, rows: Row[]) => Promise<string[]>,
  ) {
    const mailIds = await db.transaction(async (tx) => {
      await loadEditableCourse(tx, actor, courseId, { lock: true });
      return fn(tx, await instructorsRepo.listForCourse(tx, courseId));
    });
    await d.mail.dispatch(...mailIds);
    await d.cache.bump();
    return toList(await instructorsRepo.listForCourse(db, courseId));
  }

  return {
    /** The course's instructors in display order; 404 to anyone who may not edit the course. */
    async list(actor: Actor, courseId: string): Promise<CourseInstructorList> {
      await loadEditableCourse(db, actor, courseId);
      return toList(await instructorsRepo.listForCourse(db, courseId));
    },

    /**
     * Add an existing instructor (or admin) by their account's address, last in the order. An address
     * of nobody, of a student or of a suspended account is one answer (422 `not_an_instructor`), so
     * the form cannot be used to learn who has an account. They get their public profile if they have
     * none, and a mail saying so.
     */
    add(actor: Actor, courseId: string, email: string): Promise<CourseInstructorList> {
      return change(actor, courseId, async (tx, rows) => {
        const target = await instructorsRepo.findTeacherByEmail(tx, email);
        if (!target)
          throw new AppError(
            'not_an_instructor',
            422,
            'No instructor account uses this email address. Ask an admin to give the person the instructor role first.',
          );
        if (rows.some((r) => r.id === target.id))
          throw conflict('already_instructor', `${target.name} already teaches this course.`);
        const now = d.clock.now();
        await ensureInstructorProfile(tx, target, now);
        await coursesRepo.addInstructor(tx, courseId, target.id, rows.length);
        await auditRepo.record(
          tx,
          {
            courseId,
            actorId: actor.id,
            action: 'course.instructor_added',
            after: { userId: target.id, name: target.name },
          },
          now,
        );
        if (target.id === actor.id) return [];
        const course = await coursesRepo.findById(tx, courseId);
        const id = await d.mail.write(tx, target.email, 'courseInstructorAdded', {
          name: target.name,
          addedBy: actor.name,
          course: course?.title ?? '',
          url: new URL(`/studio/courses/${courseId}`, d.publicUrl).toString(),
        });
        return [id];
      });
    },

    /** Take someone off the course; never its last instructor (409 `last_instructor`). */
    remove(actor: Actor, courseId: string, userId: string): Promise<CourseInstructorList> {
      return change(actor, courseId, async (tx, rows) => {
        const target = rows.find((r) => r.id === userId);
        if (!target) throw notFound('instructor');
        if (rows.length === 1)
          throw conflict(
            'last_instructor',
            'A course needs at least one instructor: add another before removing this one.',
          );
        await instructorsRepo.removeFromCourse(tx, courseId, userId);
        const rest = rows.filter((r) => r.id !== userId).map((r) => r.id);
        await instructorsRepo.setPositions(tx, courseId, rest);
        await auditRepo.record(
          tx,
          {
            courseId,
            actorId: actor.id,
            action: 'course.instructor_removed',
            before: { userId, name: target.name },
          },
          d.clock.now(),
        );
        return [];
      });
    },

    /** The display order on the course page: every instructor's id exactly once. */
    reorder(actor: Actor, courseId: string, ids: string[]): Promise<CourseInstructorList> {
      return change(actor, courseId, async (tx, rows) => {
        const current = rows.map((r) => r.id);
        const same = ids.length === current.length && new Set(ids).size === ids.length;
        if (!same || !ids.every((id) => current.includes(id)))
          throw badRequest('validation_failed', 'Send every instructor of the course exactly once', [
            { path: 'ids', message: 'Must list every instructor of the course exactly once' },
          ]);
        await instructorsRepo.setPositions(tx, courseId, ids);
        await auditRepo.record(
          tx,
          {
            courseId,
            actorId: actor.id,
            action: 'course.instructors_reordered',
            before: { ids: current },
            after: { ids },
          },
          d.clock.now(),
        );
        return [];
      });
    },
  };
}
export type CourseInstructorsService = ReturnType<typeof createCourseInstructorsService>;
