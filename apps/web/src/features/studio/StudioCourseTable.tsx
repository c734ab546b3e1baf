import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { StudioCourseSummary } from '../../api/types.ts';
import { cn, focusRing } from '../../components/ui/cn.ts';
import { formatDateTime } from '../../lib/format-date.ts';
import { formatCoursePrice } from '../catalog/course-labels.ts';
import { CourseStatusBadge } from './CourseStatusBadge.tsx';

const COLUMNS = ['title', 'status', 'price', 'lessons', 'updated'] as const;

/** The instructor's courses; the title opens the editor. Scrolls sideways on narrow screens. */
export function StudioCourseTable({ items }: { items: StudioCourseSummary[] }) {
  const { t, i18n } = useTranslation();
  if (items.length === 0) {
    return (
      <div className="rounded-2xl border border-dashed border-slate-300 bg-white px-6 py-12 text-center">
        <h2 className="text-lg font-semibold text-slate-900">{t('studio.empty.title')}</h2>
        <p className="mt-2 text-slate-700">{t('studio.empty.body')}</p>
      </div>
    );
  }
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className="w-full min-w-[40rem] text-start text-sm">
        <caption className="sr-only">{t('studio.tableCaption')}</caption>
        <thead className="bg-slate-50 text-slate-700">
          <tr>
            {COLUMNS.map((column) => (
              <th key={column} scope="col" className="px-4 py-3 text-start font-semibold">
                {t(`studio.columns.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {items.map((course) => (
            <tr key={course.id} className="hover:bg-slate-50">
              <th scope="row" className="px-4 py-3 text-start font-medium">
                <Link
                  to={`/studio/courses/${course.id}`}
                  className={cn('rounded text-indigo-700 underline-offset-4 hover:underline', focusRing)}
                >
                  {course.title}
                </Link>
              </th>
              <td className="px-4 py-3">
                <CourseStatusBadge status={course.status} />
              </td>
              <td className="whitespace-nowrap px-4 py-3 text-slate-800">
                {formatCoursePrice(course, t, i18n.language)}
              </td>
              <td className="px-4 py-3 tabular-nums text-slate-800">{course.lessonCount}</td>
              <td className="whitespace-nowrap px-4 py-3 text-slate-700">
                {formatDateTime(course.updatedAt, i18n.language)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
