import type { StudioCourse } from '@9tangle/contracts';
import { conflict } from '../../http/errors.ts';
import { auditRepo } from './audit.repo.ts';
import { type Actor, type CatalogDeps, loadEditableCourse } from './catalog.deps.ts';
import { type CourseAction, categoryCountDeltas, needsLessonsFor, nextStatus } from './catalog.policy.ts';
import { categoriesRepo } from './categories.repo.ts';
import { courseViews } from './course-views.ts';
import { coursesRepo } from './courses.repo.ts';
import { instructorsRepo } from './instructors/instructors.repo.ts';
import type { SettingsService } from './settings.service.ts';

const DONE: Record<CourseAction, string> = {
  submit: 'submitted',
  publish: 'published',
  reject: 'rejected',
  unpublish: 'unpublished',
  archive: 'archived',
  unarchive: 'unarchived',
};

/**
 * A course's life: draft → (in review →) published, back to draft, archived and back. Every move locks
 * the course, checks the transition (`catalog.policy.ts`), keeps category counts right and writes the
 * audit row in one transaction; the public catalog sees the change as soon as it commits.
 */
export function createCourseWorkflowService(
  d: Pick<CatalogDeps, 'database' | 'clock' | 'cache' | 'mail' | 'publicUrl'> & {
    settings: Pick<SettingsService, 'approvalRequired'>;
  },
) {
  const db = d.database.db;
  return {
    /** Whether `submit` publishes at once for this actor (admins, or no approval required) or queues for review. */
    async submitPublishes(actor: Actor): Promise<boolean> {
      return actor.role === 'admin' || !(await d.settings.approvalRequired());
    },

    /** Apply `action` to the course; `reason` (a rejection's) goes to the audit trail. */
    async apply(actor: Actor, id: string, action: CourseAction, reason?: string): Promise<StudioCourse> {
      const approvalRequired = action === 'submit' ? await d.settings.approvalRequired() : false;
      const mailIds = await db.transaction(async (tx) => {
        const { course } = await loadEditableCourse(tx, actor, id, { lock: true });
        const to = nextStatus(course.status, action, { role: actor.role, approvalRequired });
        if (!to)
          throw conflict(
            'invalid_course_status',
            `A course that is ${course.status.replace('_', ' ')} cannot be ${DONE[action]}.`,
          );
        if (needsLessonsFor(to) && course.lessonCount === 0)
          throw conflict('course_has_no_lessons', 'Add at least one lesson before publishing the course.');
        const now = d.clock.now();
        const updated = await coursesRepo.update(tx, id, {
          status: to,
          updatedAt: now,
          ...(to === 'published' ? { publishedAt: now } : {}),
        });
        await categoriesRepo.adjustCounts(tx, categoryCountDeltas(course, updated));
        await auditRepo.record(
          tx,
          {
            courseId: id,
            actorId: actor.id,
            action: `course.${DONE[action]}`,
            before: { status: course.status },
            after: { status: to, ...(reason ? { reason } : {}) },
          },
          now,
        );
        // The instructors learn why their course came back, in the same transaction as the change.
        if (action !== 'reject' || !reason) return [];
        const url = new URL(`/studio/courses/${id}`, d.publicUrl).toString();
        const ids: string[] = [];
        for (const person of await instructorsRepo.listForCourse(tx, id))
          ids.push(
            await d.mail.write(tx, person.email, 'courseRejected', {
              name: person.name,
              course: course.title,
              reason,
              url,
            }),
          );
        return ids;
      });
      await d.mail.dispatch(...mailIds);
      await d.cache.bump();
      return courseViews.studio(db, id);
    },
  };
}
export type CourseWorkflowService = ReturnType<typeof createCourseWorkflowService>;
