import type { StudentRow } from '@9tangle/contracts';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../../components/ui/Avatar.tsx';
import { ProgressBar } from '../../../components/ui/ProgressBar.tsx';
import { TextLink } from '../../../components/ui/TextLink.tsx';
import { formatDate } from '../../../lib/format-date.ts';
import { AccessBadge } from './AccessBadge.tsx';

type StudentsTableProps = { items: StudentRow[]; showCourse: boolean; caption: string };

/** One row per enrollment: the student, their progress, when they joined and were last active, access. */
export function StudentsTable({ items, showCourse, caption }: StudentsTableProps) {
  const { t, i18n } = useTranslation();
  const date = (iso: string | null) => (iso ? formatDate(iso, i18n.language) : t('studioPeople.never'));
  const columns = [
    'student',
    ...(showCourse ? ['course'] : []),
    'progress',
    'enrolled',
    'lastActive',
    'access',
  ];
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className="w-full min-w-[44rem] text-start text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-slate-700">
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col" className="px-4 py-3 text-start font-semibold">
                {t(`studioPeople.columns.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {items.map((row) => (
            <tr key={row.enrollmentId} className="hover:bg-slate-50">
              <th scope="row" className="px-4 py-3 text-start font-medium text-slate-900">
                <span className="flex items-center gap-3">
                  <Avatar user={row.student} size="sm" />
                  <span className="min-w-0">
                    <span className="block truncate">{row.student.name}</span>
                    {row.student.email ? (
                      <span className="block truncate text-xs font-normal text-slate-600" dir="ltr">
                        {row.student.email}
                      </span>
                    ) : null}
                  </span>
                </span>
              </th>
              {showCourse ? (
                <td className="px-4 py-3">
                  <TextLink to={`/studio/courses/${row.course.id}?tab=students`}>{row.course.title}</TextLink>
                </td>
              ) : null}
              <td className="w-56 px-4 py-3">
                <ProgressBar
                  value={row.progressPercent}
                  label={t('studioPeople.progressOf', { name: row.student.name })}
                  valueText={t('studioPeople.percent', { percent: row.progressPercent })}
                />
                <span className="mt-1 block text-xs text-slate-700">
                  {t('studioPeople.lessonsDone', {
                    percent: row.progressPercent,
                    done: row.completedLessons,
                    total: row.totalLessons,
                  })}
                  {row.completedAt
                    ? ` · ${t('studioPeople.completedOn', { date: date(row.completedAt) })}`
                    : ''}
                </span>
              </td>
              <td className="whitespace-nowrap px-4 py-3 text-slate-700">{date(row.enrolledAt)}</td>
              <td className="whitespace-nowrap px-4 py-3 text-slate-700">{date(row.lastActiveAt)}</td>
              <td className="px-4 py-3">
                <AccessBadge access={row.access} />
                {row.access === 'active' && row.expiresAt ? (
                  <span className="mt-1 block text-xs text-slate-600">
                    {t('studioPeople.expiresOn', { date: date(row.expiresAt) })}
                  </span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
