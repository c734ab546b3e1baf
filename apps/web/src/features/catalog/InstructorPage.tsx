import type { InstructorPage as InstructorPageData } from '@9tangle/contracts';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageMeta } from '../../components/PageMeta.tsx';
import { Alert } from '../../components/ui/Alert.tsx';
import { Avatar } from '../../components/ui/Avatar.tsx';
import { Breadcrumbs } from '../../components/ui/Breadcrumbs.tsx';
import { htmlToText, truncateText } from '../../lib/html-text.ts';
import { breadcrumbJsonLd, type Crumb } from '../../lib/json-ld.ts';
import { CANONICAL_ORIGIN } from '../../lib/render-head.ts';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { CourseGrid } from './CourseGrid.tsx';
import { useInstructor } from './catalog-queries.ts';

/** `/instructors/:slug`: who teaches, and their published courses. */
export function InstructorPage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const { slug = '' } = useParams();
  const instructor = useInstructor(slug);

  if (instructor.isPending) return <p className="text-slate-700">{t('common.loading')}</p>;
  if (instructor.isError) return <Alert tone="error">{errorMessage(instructor.error)}</Alert>;
  if (!instructor.data) return <NotFoundPage />;
  return <InstructorView data={instructor.data} />;
}

function InstructorView({ data: { instructor, courses } }: { data: InstructorPageData }) {
  const { t } = useTranslation();
  const path = `/instructors/${instructor.slug}`;
  const crumbs: Crumb[] = [
    { name: t('layout.home'), path: '/' },
    { name: t('catalog.title'), path: '/courses' },
    { name: instructor.name, path },
  ];
  const description =
    instructor.headline ||
    truncateText(htmlToText(instructor.bio ?? '')) ||
    t('instructor.metaDescription', { name: instructor.name });
  const person = {
    '@context': 'https://schema.org',
    '@type': 'Person',
    name: instructor.name,
    url: `${CANONICAL_ORIGIN}${path}`,
    ...(instructor.headline ? { jobTitle: instructor.headline } : {}),
  };

  return (
    <>
      <PageMeta
        title={instructor.name}
        description={description}
        canonicalPath={path}
        image={instructor.avatarUrl}
        jsonLd={[person, breadcrumbJsonLd(crumbs)]}
      />
      <Breadcrumbs crumbs={crumbs} />
      <div className="mt-6 flex flex-col gap-6 rounded-2xl border border-slate-200 bg-white p-6 shadow-sm sm:flex-row sm:items-start sm:p-8">
        <Avatar user={instructor} size="lg" />
        <div className="min-w-0">
          <p className="text-sm font-semibold uppercase tracking-wide text-indigo-700">
            {t('instructor.eyebrow')}
          </p>
          <h1 className="mt-1 text-3xl font-bold tracking-tight text-slate-900">{instructor.name}</h1>
          {instructor.headline ? <p className="mt-2 text-lg text-slate-700">{instructor.headline}</p> : null}
          {instructor.bio ? (
            <div
              className="prose mt-4 text-slate-800"
              // biome-ignore lint/security/noDangerouslySetInnerHtml: the server sanitizes the bio with the same allowlist as course descriptions
              dangerouslySetInnerHTML={{ __html: instructor.bio }}
            />
          ) : null}
        </div>
      </div>
      <section aria-labelledby="instructor-courses" className="mt-10">
        <h2 id="instructor-courses" className="text-2xl font-bold tracking-tight text-slate-900">
          {t('instructor.courses', { count: courses.length })}
        </h2>
        <div className="mt-6">
          {courses.length === 0 ? (
            <p className="rounded-xl border border-slate-200 bg-white p-6 text-slate-700">
              {t('instructor.noCourses')}
            </p>
          ) : (
            <CourseGrid courses={courses} headingLevel="h3" />
          )}
        </div>
      </section>
    </>
  );
}
