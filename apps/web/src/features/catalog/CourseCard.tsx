import type { CourseSummary } from '@9tangle/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { cn } from '../../components/ui/cn.ts';
import { RatingStars } from '../../components/ui/RatingStars.tsx';
import { formatMinutes } from '../../lib/format-duration.ts';
import { CourseThumbnail } from './CourseThumbnail.tsx';
import { formatCoursePrice, instructorNames } from './course-labels.ts';

type CourseCardProps = { course: CourseSummary; headingLevel?: 'h2' | 'h3' };

/** A course in a list. The title is the link; it covers the whole card so any click opens the course. */
export function CourseCard({ course, headingLevel: Heading = 'h3' }: CourseCardProps) {
  const { t, i18n } = useTranslation();
  const names = instructorNames(course);
  return (
    <article className="group relative flex h-full flex-col overflow-hidden rounded-2xl border border-slate-200 bg-white shadow-sm transition-shadow hover:shadow-md has-[a:focus-visible]:ring-2 has-[a:focus-visible]:ring-indigo-600">
      <CourseThumbnail
        title={course.title}
        thumbnailUrl={course.thumbnailUrl}
        categorySlug={course.category?.slug}
      />
      <div className="flex flex-1 flex-col gap-2 p-4">
        {course.category ? (
          <p className="text-xs font-semibold uppercase tracking-wide text-indigo-700">
            {course.category.name}
          </p>
        ) : null}
        <Heading className="text-lg font-semibold leading-snug text-slate-900">
          <Link
            to={`/courses/${course.slug}`}
            className={cn(
              'rounded after:absolute after:inset-0 group-hover:text-indigo-800',
              'focus-visible:outline-none',
            )}
          >
            {course.title}
          </Link>
        </Heading>
        {course.subtitle ? <p className="line-clamp-2 text-sm text-slate-700">{course.subtitle}</p> : null}
        {names ? <p className="text-sm text-slate-600">{t('catalog.byInstructors', { names })}</p> : null}
        <RatingStars value={course.ratingAvg} count={course.ratingCount} />
        <p className="text-sm text-slate-600">
          {[
            t(`catalog.levels.${course.level}`),
            t('catalog.lessonCount', { count: course.lessonCount }),
            course.durationMinutes > 0 ? formatMinutes(course.durationMinutes, t) : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
        <p className="mt-auto pt-2 text-lg font-bold text-slate-900">
          {formatCoursePrice(course, t, i18n.language)}
        </p>
      </div>
    </article>
  );
}
