import type { CourseDetail } from '@9tangle/contracts';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageMeta } from '../../components/PageMeta.tsx';
import { Alert } from '../../components/ui/Alert.tsx';
import { Breadcrumbs } from '../../components/ui/Breadcrumbs.tsx';
import { htmlToText, truncateText } from '../../lib/html-text.ts';
import { breadcrumbJsonLd, type Crumb } from '../../lib/json-ld.ts';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { CourseReviews } from '../reviews/CourseReviews.tsx';
import { CourseChecklist } from './CourseChecklist.tsx';
import { CourseCurriculum } from './CourseCurriculum.tsx';
import { CourseHero } from './CourseHero.tsx';
import { useCourse } from './catalog-queries.ts';
import { courseJsonLd } from './course-json-ld.ts';
import { EnrollCard } from './EnrollCard.tsx';

/** `/courses/:slug`: a published course; anything else is "not found" (404 on the server). */
export function CoursePage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const { slug = '' } = useParams();
  const course = useCourse(slug);

  if (course.isPending) return <p className="text-slate-700">{t('common.loading')}</p>;
  if (course.isError) return <Alert tone="error">{errorMessage(course.error)}</Alert>;
  if (!course.data) return <NotFoundPage />;
  return <CourseView course={course.data} />;
}

function CourseView({ course }: { course: CourseDetail }) {
  const { t } = useTranslation();
  const description = course.subtitle || truncateText(htmlToText(course.descriptionHtml)) || course.title;
  const crumbs: Crumb[] = [
    { name: t('layout.home'), path: '/' },
    { name: t('catalog.title'), path: '/courses' },
  ];
  if (course.category) {
    crumbs.push({
      name: course.category.name,
      path: `/courses?category=${encodeURIComponent(course.category.slug)}`,
    });
  }
  crumbs.push({ name: course.title, path: `/courses/${course.slug}` });

  return (
    <>
      <PageMeta
        title={course.title}
        description={description}
        canonicalPath={`/courses/${course.slug}`}
        image={course.thumbnailUrl}
        jsonLd={[courseJsonLd(course, description), breadcrumbJsonLd(crumbs)]}
      />
      <Breadcrumbs crumbs={crumbs} />
      {/* One grid for every width: on phones the price comes right after the title; on wide screens it
          sits in a sticky column beside the whole page. */}
      <div className="mt-6 grid gap-8 lg:grid-cols-[1fr_22rem]">
        <div className="min-w-0 lg:col-start-1 lg:row-start-1">
          <CourseHero course={course} />
        </div>
        <div className="lg:col-start-2 lg:row-span-2 lg:row-start-1">
          <EnrollCard course={course} />
        </div>
        <div className="min-w-0 space-y-10 lg:col-start-1 lg:row-start-2">
          <CourseChecklist title={t('course.whatYouWillLearn')} items={course.whatYouWillLearn} />
          <CourseCurriculum slug={course.slug} sections={course.sections} />
          <CourseChecklist title={t('course.requirements')} items={course.requirements} variant="bullet" />
          {course.descriptionHtml ? (
            <section aria-labelledby="description-title">
              <h2 id="description-title" className="text-2xl font-bold tracking-tight text-slate-900">
                {t('course.description')}
              </h2>
              <div
                className="prose mt-4"
                // biome-ignore lint/security/noDangerouslySetInnerHtml: the server sanitizes descriptionHtml with an allowlist; this is the one place the app renders stored HTML
                dangerouslySetInnerHTML={{ __html: course.descriptionHtml }}
              />
            </section>
          ) : null}
          <CourseReviews slug={course.slug} />
        </div>
      </div>
    </>
  );
}
