import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageMeta } from '../../components/PageMeta.tsx';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { StudioCourseTable } from './StudioCourseTable.tsx';
import { StudioGate } from './StudioGate.tsx';
import { StudioPeopleLinks } from './StudioPeopleLinks.tsx';
import { useStudioCourses } from './studio-queries.ts';

/** `/studio`: the courses this instructor teaches (all courses for an admin), and "New course". */
export function StudioPage() {
  const { t } = useTranslation();
  return <StudioGate title={t('studio.title')}>{() => <StudioHome />}</StudioGate>;
}

function StudioHome() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const courses = useStudioCourses();
  return (
    <>
      <PageMeta title={t('studio.title')} description={t('meta.private')} noIndex />
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t('studio.title')}</h1>
          <p className="mt-2 text-slate-700">{t('studio.subtitle')}</p>
        </div>
        <Button asChild>
          <Link to="/studio/courses/new">{t('studio.newCourse')}</Link>
        </Button>
      </div>
      <StudioPeopleLinks />
      <div className="mt-8">
        {courses.isPending ? <p className="text-slate-700">{t('common.loading')}</p> : null}
        {courses.isError ? <Alert tone="error">{errorMessage(courses.error)}</Alert> : null}
        {courses.data ? <StudioCourseTable items={courses.data.items} /> : null}
      </div>
    </>
  );
}
