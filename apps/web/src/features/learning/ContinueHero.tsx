import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../components/ui/Button.tsx';
import { ProgressBar } from '../../components/ui/ProgressBar.tsx';
import { CourseThumbnail } from '../catalog/CourseThumbnail.tsx';
import { learnPath } from './learning-paths.ts';
import type { MyCourse } from './learning-queries.ts';

/** The dashboard's first block: the course the student worked on last, one click from its lesson. */
export function ContinueHero({ item }: { item: MyCourse }) {
  const { t } = useTranslation();
  const { course, enrollment, continueLessonId } = item;
  const percent = enrollment.progressPercent;
  return (
    <section
      aria-labelledby="continue-title"
      className="overflow-hidden rounded-2xl border border-indigo-200 bg-indigo-50 shadow-sm sm:grid sm:grid-cols-[16rem_1fr]"
    >
      <CourseThumbnail
        title={course.title}
        thumbnailUrl={course.thumbnailUrl}
        categorySlug={course.category?.slug}
        isEager
        className="h-full"
      />
      <div className="space-y-4 p-6 sm:p-8">
        <h2 id="continue-title" className="text-sm font-semibold uppercase tracking-wide text-indigo-800">
          {t('dashboard.continueTitle')}
        </h2>
        <h3 className="text-2xl font-bold leading-tight text-slate-900">{course.title}</h3>
        <div className="max-w-md space-y-1">
          <ProgressBar
            value={percent}
            label={t('dashboard.progressLabel', { title: course.title })}
            valueText={t('dashboard.percentComplete', { percent })}
          />
          <p className="text-sm text-slate-700">{t('dashboard.percentComplete', { percent })}</p>
        </div>
        <Button asChild size="lg">
          <Link to={learnPath(course.slug, continueLessonId)}>{t('dashboard.continueCta')}</Link>
        </Button>
      </div>
    </section>
  );
}
