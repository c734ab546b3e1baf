import type { CourseStudentsQuery, StudentList, StudentsQuery } from '@9tangle/contracts';
import { notFound } from '../../../http/errors.ts';
import type { CurrentUser } from '../../identity/identity.types.ts';
import type { LearningDeps } from '../learning.deps.ts';
import { type RosterViewer, studentsRepo } from './students.repo.ts';

type Row = Awaited<ReturnType<typeof studentsRepo.list>>['items'][number];
const iso = (t: Date | null) => t?.toISOString() ?? null;

/**
 * The studio's "my students": who is enrolled in the courses an instructor teaches, with their
 * progress and access. What an instructor sees of a student is decided in ADR 019: name and avatar,
 * never the email address (an admin sees it); an instructor may search by a whole address only.
 */
export function createStudentsService(d: Pick<LearningDeps, 'database' | 'clock'>) {
  const db = d.database.db;
  const viewerOf = (user: Pick<CurrentUser, 'id' | 'role'>): RosterViewer => ({
    id: user.id,
    isAdmin: user.role === 'admin',
  });

  async function list(viewer: RosterViewer, q: StudentsQuery): Promise<StudentList> {
    const { items, total } = await studentsRepo.list(db, viewer, {
      ...q,
      now: d.clock.now(),
      emailMatch: viewer.isAdmin ? 'partial' : 'exact',
    });
    return {
      items: items.map((r) => toStudentRow(r, viewer.isAdmin)),
      pageInfo: { page: q.page, limit: q.limit, total, pages: Math.ceil(total / q.limit) },
    };
  }

  return {
    /** One course's students; 404 unless the caller teaches the course (or is an admin). */
    async forCourse(user: Pick<CurrentUser, 'id' | 'role'>, courseId: string, q: CourseStudentsQuery) {
      const viewer = viewerOf(user);
      if (!(await studentsRepo.courseFor(db, viewer, courseId))) throw notFound('course');
      return list(viewer, { ...q, courseId });
    },

    /**
     * Every student of every course the caller teaches (an admin: of every course), one row per
     * enrollment. A `courseId` filter of a course they do not teach simply matches nothing.
     */
    forTeacher(user: Pick<CurrentUser, 'id' | 'role'>, q: StudentsQuery) {
      return list(viewerOf(user), q);
    },
  };
}
export type StudentsService = ReturnType<typeof createStudentsService>;

function toStudentRow(r: Row, showEmail: boolean) {
  return {
    enrollmentId: r.enrollmentId,
    student: {
      id: r.userId,
      name: r.name,
      avatarUrl: r.avatarKey ? `/api/files/avatars/${r.avatarKey}` : null,
      email: showEmail ? r.email : null,
    },
    course: { id: r.courseId, slug: r.courseSlug, title: r.courseTitle },
    progressPercent: r.progressPercent,
    completedLessons: r.completedLessons,
    totalLessons: r.totalLessons,
    enrolledAt: r.grantedAt.toISOString(),
    lastActiveAt: iso(r.lastAccessedAt),
    completedAt: iso(r.completedAt),
    expiresAt: iso(r.expiresAt),
    access: r.access,
  };
}
