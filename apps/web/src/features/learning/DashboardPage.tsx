import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageMeta } from '../../components/PageMeta.tsx';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { MyCertificates } from '../certificates/MyCertificates.tsx';
import { RequireAuth } from '../session/RequireAuth.tsx';
import { ContinueHero } from './ContinueHero.tsx';
import { useTodayVideos } from './daily-videos/today-videos-query.ts';
import { useMyCourses } from './learning-queries.ts';
import { MyCourseCard } from './MyCourseCard.tsx';

/** `/dashboard`: the student's courses (signed in; anyone else is sent to sign in and back). */
export function DashboardPage() {
  const { t } = useTranslation();
  return <RequireAuth title={t('dashboard.title')}>{() => <Dashboard />}</RequireAuth>;
}

function Dashboard() {
  const { t } = useTranslation();
  return (
    <>
      <PageMeta title={t('dashboard.title')} description={t('meta.private')} noIndex />
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t('dashboard.title')}</h1>
      <p className="mt-2 text-slate-700">{t('dashboard.subtitle')}</p>
      <div className="mt-8">
        <DashboardContent />
      </div>
      <div className="mt-12">
        <MyCertificates />
      </div>
    </>
  );
}

function DashboardContent() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  // Private data, so the server renders the loading state and the browser asks once hydrated.
  const myCourses = useMyCourses(true);
  const today = useTodayVideos();

  if (myCourses.isPending) {
    return (
      <div>
        <p role="status" className="sr-only">
          {t('common.loading')}
        </p>
        <div aria-hidden="true" className="grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
          {[0, 1, 2].map((index) => (
            <div key={index} className="h-72 animate-pulse rounded-2xl bg-slate-200" />
          ))}
        </div>
      </div>
    );
  }
  if (myCourses.isError) return <Alert tone="error">{errorMessage(myCourses.error)}</Alert>;

  const { items } = myCourses.data;
  if (items.length === 0) {
    return (
      <div className="rounded-2xl border border-dashed border-slate-300 bg-white px-6 py-12 text-center">
        <h2 className="text-xl font-semibold text-slate-900">{t('dashboard.emptyTitle')}</h2>
        <p className="mx-auto mt-2 max-w-md text-slate-700">{t('dashboard.emptyText')}</p>
        <Button asChild className="mt-6">
          <Link to="/courses">{t('dashboard.browse')}</Link>
        </Button>
      </div>
    );
  }

  // The list is most recently used first: the hero is the latest course not finished yet.
  const current = items.find((item) => item.enrollment.progressPercent < 100);
  return (
    <div className="space-y-12">
      {current ? <ContinueHero item={current} /> : null}
      <section aria-labelledby="my-courses-title">
        <h2 id="my-courses-title" className="text-2xl font-bold tracking-tight text-slate-900">
          {t('dashboard.myCourses')}
        </h2>
        <ul className="mt-4 grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
          {items.map((item) => (
            <li key={item.course.id}>
              <MyCourseCard item={item} todayVideos={today.data?.get(item.course.id)} />
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
