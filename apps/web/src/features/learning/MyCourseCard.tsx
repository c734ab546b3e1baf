import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../components/ui/Button.tsx';
import { ProgressBar } from '../../components/ui/ProgressBar.tsx';
import { CourseThumbnail } from '../catalog/CourseThumbnail.tsx';
import { instructorNames } from '../catalog/course-labels.ts';
import { TodayVideoNote } from './daily-videos/TodayVideoNote.tsx';
import { learnPath } from './learning-paths.ts';
import type { MyCourse } from './learning-queries.ts';

type MyCourseCardProps = {
  item: MyCourse;
  /** The course's daily videos of today, when it has any. */
  todayVideos?: { id: string; title: string }[] | undefined;
};

/** A course on the dashboard: its progress, a "Completed" badge when done, today's video, and "Continue". */
export function MyCourseCard({ item, todayVideos }: MyCourseCardProps) {
  const { t } = useTranslation();
  const { course, enrollment, continueLessonId } = item;
  const percent = enrollment.progressPercent;
  const isComplete = percent >= 100;
  const names = instructorNames(course);
  return (
    <article className="flex h-full flex-col overflow-hidden rounded-2xl border border-slate-200 bg-white shadow-sm">
      <CourseThumbnail
        title={course.title}
        thumbnailUrl={course.thumbnailUrl}
        categorySlug={course.category?.slug}
      />
      <div className="flex flex-1 flex-col gap-3 p-4">
        <div className="flex items-start justify-between gap-3">
          <h3 className="text-lg font-semibold leading-snug text-slate-900">{course.title}</h3>
          {isComplete ? (
            <span className="shrink-0 rounded-full bg-emerald-100 px-2.5 py-0.5 text-xs font-semibold text-emerald-900">
              <span aria-hidden="true">✓ </span>
              {t('dashboard.completed')}
            </span>
          ) : null}
        </div>
        {names ? <p className="text-sm text-slate-600">{t('catalog.byInstructors', { names })}</p> : null}
        {todayVideos && todayVideos.length > 0 ? (
          <TodayVideoNote slug={course.slug} videos={todayVideos} />
        ) : null}
        <div className="mt-auto space-y-1 pt-2">
          <ProgressBar
            value={percent}
            label={t('dashboard.progressLabel', { title: course.title })}
            valueText={t('dashboard.percentComplete', { percent })}
          />
          <p className="text-sm text-slate-700">{t('dashboard.percentComplete', { percent })}</p>
        </div>
        <Button asChild variant={isComplete ? 'secondary' : 'primary'}>
          <Link to={learnPath(course.slug, continueLessonId)}>
            {t('dashboard.continue')}
            <span className="sr-only">: {course.title}</span>
          </Link>
        </Button>
      </div>
    </article>
  );
}
