import type { CourseDetail } from '@9tangle/contracts';
import { useTranslation } from 'react-i18next';
import { textLinkClasses } from '../../components/ui/TextLink.tsx';
import { formatMinutes } from '../../lib/format-duration.ts';
import { EnrollAction } from '../learning/EnrollAction.tsx';
import { CourseThumbnail } from './CourseThumbnail.tsx';
import { formatCoursePrice, languageName } from './course-labels.ts';

/** The price, the call to action (`EnrollAction`) and what the course includes. */
export function EnrollCard({ course }: { course: CourseDetail }) {
  const { t, i18n } = useTranslation();
  // Only web links: a `javascript:` URL must never become an href, whatever the data says.
  const introUrl =
    course.introVideo && /^(https?:\/\/|\/(?!\/))/i.test(course.introVideo.url)
      ? course.introVideo.url
      : null;

  return (
    <div className="overflow-hidden rounded-2xl border border-slate-200 bg-white shadow-sm lg:sticky lg:top-6">
      {introUrl && course.introVideo?.kind === 'upload' ? (
        // An uploaded (or directly linked) intro video plays here, the course picture as its poster.
        // biome-ignore lint/a11y/useMediaCaption: intro videos carry no caption files
        <video
          src={introUrl}
          controls
          playsInline
          preload="metadata"
          poster={course.thumbnailUrl ?? undefined}
          aria-label={t('media.intro.playerLabel', { title: course.title })}
          className="aspect-video w-full bg-black"
        />
      ) : (
        <CourseThumbnail
          title={course.title}
          thumbnailUrl={course.thumbnailUrl}
          categorySlug={course.category?.slug}
          isEager
        />
      )}
      <div className="space-y-4 p-5">
        <p className="text-3xl font-extrabold text-slate-900">
          {formatCoursePrice(course, t, i18n.language)}
        </p>
        <EnrollAction course={course} />
        {introUrl && course.introVideo?.kind !== 'upload' ? (
          <p>
            <a href={introUrl} className={textLinkClasses}>
              {t('course.watchIntro')}
            </a>
          </p>
        ) : null}
        <div>
          <h2 className="text-sm font-semibold text-slate-900">{t('course.includes')}</h2>
          <ul className="mt-2 space-y-1 text-sm text-slate-700">
            <li>{t('catalog.lessonCount', { count: course.lessonCount })}</li>
            {course.durationMinutes > 0 ? (
              <li>{t('course.totalLength', { length: formatMinutes(course.durationMinutes, t) })}</li>
            ) : null}
            <li>{t('course.taughtIn', { language: languageName(course.language, t) })}</li>
            <li>{t(`catalog.levels.${course.level}`)}</li>
          </ul>
        </div>
      </div>
    </div>
  );
}
