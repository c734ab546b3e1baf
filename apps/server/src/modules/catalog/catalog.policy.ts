import type { CourseStatus, Role } from '@9tangle/contracts';

/** Pure rules of the catalog: who may see and change a course, and how its status may move. */

type Actor = { id: string; role: Role };

/** Admins edit every course; an instructor edits the courses they teach. Students never do. */
export function canEditCourse(
  user: Actor | null,
  _course: { status: CourseStatus },
  instructorIds: string[],
) {
  if (!user) return false;
  if (user.role === 'admin') return true;
  return user.role === 'instructor' && instructorIds.includes(user.id);
}

/** A published course is public; any other status only to those who may edit it. */
export function canViewCourse(user: Actor | null, course: { status: CourseStatus }, instructorIds: string[]) {
  return course.status === 'published' || canEditCourse(user, course, instructorIds);
}

/** What may happen to a course's status; `submit` is the instructor's, the review actions the admin's. */
export type CourseAction = 'submit' | 'publish' | 'reject' | 'unpublish' | 'archive' | 'unarchive';

const ADMIN_ONLY: ReadonlySet<CourseAction> = new Set(['publish', 'reject', 'unpublish']);

/**
 * The status a course moves to, or null when the action does not apply to its current status (or to
 * this actor). `submit` publishes at once when the site does not require approval.
 */
export function nextStatus(
  from: CourseStatus,
  action: CourseAction,
  o: { role: Role; approvalRequired: boolean },
): CourseStatus | null {
  if (ADMIN_ONLY.has(action) && o.role !== 'admin') return null;
  switch (action) {
    case 'submit':
      if (from !== 'draft') return null;
      return o.approvalRequired && o.role !== 'admin' ? 'in_review' : 'published';
    case 'publish':
      return from === 'draft' || from === 'in_review' ? 'published' : null;
    case 'reject':
      return from === 'in_review' ? 'draft' : null;
    case 'unpublish':
      return from === 'published' ? 'draft' : null;
    case 'archive':
      return from === 'archived' ? null : 'archived';
    case 'unarchive':
      return from === 'archived' ? 'draft' : null;
  }
}

/** Going live, or asking to, needs content: a course with no lesson can be neither. */
export const needsLessonsFor = (to: CourseStatus) => to === 'published' || to === 'in_review';

/**
 * How a course's change moves the published-course count of its categories: -1 for the category it
 * leaves the public catalog from, +1 for the one it enters (the same category can net to zero).
 */
export function categoryCountDeltas(
  before: { status: CourseStatus; categoryId: string | null },
  after: { status: CourseStatus; categoryId: string | null },
): Map<string, number> {
  const deltas = new Map<string, number>();
  const add = (id: string | null, n: number) => {
    if (id) deltas.set(id, (deltas.get(id) ?? 0) + n);
  };
  if (before.status === 'published') add(before.categoryId, -1);
  if (after.status === 'published') add(after.categoryId, +1);
  for (const [id, n] of deltas) if (n === 0) deltas.delete(id);
  return deltas;
}
