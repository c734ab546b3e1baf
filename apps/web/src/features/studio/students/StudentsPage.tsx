import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { PageMeta } from '../../../components/PageMeta.tsx';
import { cn } from '../../../components/ui/cn.ts';
import { inputClasses } from '../../../components/ui/Field.tsx';
import { TextLink } from '../../../components/ui/TextLink.tsx';
import { StudioGate } from '../StudioGate.tsx';
import { useStudioCourses } from '../studio-queries.ts';
import { StudentsBrowser } from './StudentsBrowser.tsx';

/** `/studio/students`: every student of every course I teach, one row per course they take. */
export function StudentsPage() {
  const { t } = useTranslation();
  return <StudioGate title={t('studioPeople.pageTitle')}>{() => <AllStudents />}</StudioGate>;
}

function AllStudents() {
  const { t } = useTranslation();
  const id = useId();
  const courses = useStudioCourses();
  return (
    <>
      <PageMeta title={t('studioPeople.pageTitle')} description={t('meta.private')} noIndex />
      <p>
        <TextLink to="/studio">{t('studio.backToStudio')}</TextLink>
      </p>
      <h1 className="mt-4 text-3xl font-bold tracking-tight text-slate-900">{t('studioPeople.pageTitle')}</h1>
      <p className="mt-2 text-slate-700">{t('studioPeople.pageSubtitle')}</p>
      <div className="mt-8">
        <StudentsBrowser
          caption={t('studioPeople.pageTitle')}
          extraFilters={(filters, onChange) => (
            <div className="w-56 space-y-1.5">
              <label htmlFor={id} className="block text-sm font-medium text-slate-800">
                {t('studioPeople.courseFilter')}
              </label>
              <select
                id={id}
                value={filters.courseId ?? ''}
                onChange={(event) =>
                  onChange({ ...filters, courseId: event.currentTarget.value || undefined, page: 1 })
                }
                className={cn(inputClasses, 'border-slate-300')}
              >
                <option value="">{t('studioPeople.allCourses')}</option>
                {(courses.data?.items ?? []).map((course) => (
                  <option key={course.id} value={course.id}>
                    {course.title}
                  </option>
                ))}
              </select>
            </div>
          )}
        />
      </div>
    </>
  );
}
