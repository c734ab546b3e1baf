import type { CourseDetail } from '@9tangle/contracts';
import { useTranslation } from 'react-i18next';
import { RatingStars } from '../../components/ui/RatingStars.tsx';
import { TextLink } from '../../components/ui/TextLink.tsx';
import { formatDate } from '../../lib/format-date.ts';
import { languageName } from './course-labels.ts';

/** The top of the course page: title, subtitle, rating, instructors and the facts at a glance. */
export function CourseHero({ course }: { course: CourseDetail }) {
  const { t, i18n } = useTranslation();
  const facts = [
    { key: 'level', label: t('course.level'), value: t(`catalog.levels.${course.level}`) },
    { key: 'language', label: t('course.language'), value: languageName(course.language, t) },
    { key: 'updated', label: t('course.lastUpdated'), value: formatDate(course.updatedAt, i18n.language) },
    {
      key: 'learners',
      label: t('course.learners'),
      value: new Intl.NumberFormat(i18n.language).format(course.enrollmentCount),
    },
  ];

  return (
    <div>
      {course.category ? (
        <p className="text-sm font-semibold uppercase tracking-wide text-indigo-700">
          {course.category.name}
        </p>
      ) : null}
      <h1 className="mt-2 text-3xl font-extrabold tracking-tight text-slate-900 sm:text-4xl">
        {course.title}
      </h1>
      {course.subtitle ? <p className="mt-3 text-lg text-slate-700">{course.subtitle}</p> : null}
      <RatingStars value={course.ratingAvg} count={course.ratingCount} className="mt-4" />
      {course.instructors.length > 0 ? (
        <p className="mt-3 text-sm text-slate-700">
          {t('course.createdBy')}{' '}
          {course.instructors.map((instructor, index) => (
            <span key={instructor.id}>
              {index > 0 ? ', ' : null}
              <TextLink to={`/instructors/${instructor.slug}`}>{instructor.name}</TextLink>
            </span>
          ))}
        </p>
      ) : null}
      <dl className="mt-5 grid grid-cols-2 gap-x-6 gap-y-3 text-sm sm:grid-cols-4">
        {facts.map((fact) => (
          <div key={fact.key}>
            <dt className="text-slate-600">{fact.label}</dt>
            <dd className="font-medium text-slate-900">{fact.value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
