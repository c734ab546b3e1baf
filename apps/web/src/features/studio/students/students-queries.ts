import type { StudentsQuery } from '@9tangle/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { listCourseStudents, listMyStudents } from '../../../api/studio-people.ts';

/** What the students list asks for; the rest of `StudentsQuery` keeps the server's defaults. */
export type StudentFilters = Pick<StudentsQuery, 'sort' | 'order' | 'page'> &
  Partial<Pick<StudentsQuery, 'q' | 'access' | 'courseId'>>;

export const PAGE_SIZE = 20;

export const studentsKey = ['studio', 'students'] as const;

/** One course's students (`courseId` set) or every student of the instructor's courses. */
export function useStudents(filters: StudentFilters, scope: { courseId?: string } = {}) {
  const query = { ...filters, limit: PAGE_SIZE };
  return useQuery({
    queryKey: [...studentsKey, scope.courseId ?? 'all', query],
    queryFn: () => (scope.courseId ? listCourseStudents(scope.courseId, query) : listMyStudents(query)),
    placeholderData: keepPreviousData,
  });
}
