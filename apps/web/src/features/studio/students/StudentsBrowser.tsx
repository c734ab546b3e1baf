import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/Alert.tsx';
import { Pagination } from '../../../components/ui/Pagination.tsx';
import { useErrorMessage } from '../../../lib/use-error-message.ts';
import { StudentFiltersForm } from './StudentFiltersForm.tsx';
import { StudentsTable } from './StudentsTable.tsx';
import { type StudentFilters, useStudents } from './students-queries.ts';

type StudentsBrowserProps = {
  /** One course's students; without it, every student of the instructor's courses. */
  courseId?: string;
  caption: string;
  /** Extra filter controls, given the filters and a setter. */
  extraFilters?: (filters: StudentFilters, onChange: (next: StudentFilters) => void) => ReactNode;
};

const START: StudentFilters = { sort: 'enrolled', order: 'desc', page: 1 };

/** The students list with its filters and pages, for a course's tab or the all-courses page. */
export function StudentsBrowser({ courseId, caption, extraFilters }: StudentsBrowserProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [filters, setFilters] = useState<StudentFilters>(START);
  const students = useStudents(filters, courseId ? { courseId } : {});
  const filtered = Boolean(filters.q || filters.access || filters.courseId);

  return (
    <div className="space-y-5">
      <StudentFiltersForm filters={filters} onChange={setFilters}>
        {extraFilters?.(filters, setFilters)}
      </StudentFiltersForm>
      {students.isPending ? <p className="text-slate-700">{t('common.loading')}</p> : null}
      {students.isError ? <Alert tone="error">{errorMessage(students.error)}</Alert> : null}
      {students.data && students.data.items.length === 0 ? (
        <p className="rounded-xl border border-slate-200 bg-white p-6 text-slate-700">
          {t(filtered ? 'studioPeople.noMatch' : 'studioPeople.empty')}
        </p>
      ) : null}
      {students.data && students.data.items.length > 0 ? (
        <>
          <StudentsTable items={students.data.items} showCourse={!courseId} caption={caption} />
          <Pagination
            page={students.data.pageInfo.page}
            pages={students.data.pageInfo.pages}
            total={students.data.pageInfo.total}
            onPage={(page) => setFilters({ ...filters, page })}
            summary={t('studioPeople.pageSummary', {
              page: students.data.pageInfo.page,
              pages: Math.max(1, students.data.pageInfo.pages),
              count: students.data.pageInfo.total,
            })}
          />
        </>
      ) : null}
    </div>
  );
}
