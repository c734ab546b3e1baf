import type { CourseDetail } from '@9tangle/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../components/ui/Button.tsx';
import { textLinkClasses } from '../../components/ui/TextLink.tsx';
import { formatMinutes } from '../../lib/format-duration.ts';
import { useMe } from '../session/use-me.ts';
import { CourseThumbnail } from './CourseThumbnail.tsx';
import { formatCoursePrice, languageName } from './course-labels.ts';

/**
 * The price and the call to action. Signed out, it leads to sign-in and back; signed in, it waits for
 * enrollment (the next slice) and says so in text, since a disabled button cannot show a tooltip to
 * keyboard users.
 */
export function EnrollCard({ course }: { course: CourseDetail }) {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const noteId = useId();
  const isFree = course.isFree || course.priceMinor === 0;
  const label = isFree ? t('course.enrollFree') : t('course.buyNow');
  const next = encodeURIComponent(`/courses/${course.slug}`);
  // Only web links: a `javascript:` URL must never become an href, whatever the data says.
  const introUrl =
    course.introVideo && /^(https?:\/\/|\/(?!\/))/i.test(course.introVideo.url)
      ? course.introVideo.url
      : null;

  return (
    <div className="overflow-hidden rounded-2xl border border-slate-200 bg-white shadow-sm lg:sticky lg:top-6">
      <CourseThumbnail
        title={course.title}
        thumbnailUrl={course.thumbnailUrl}
        categorySlug={course.category?.slug}
        isEager
      />
      <div className="space-y-4 p-5">
        <p className="text-3xl font-extrabold text-slate-900">
          {formatCoursePrice(course, t, i18n.language)}
        </p>
        {me ? (
          <div className="space-y-2">
            <span title={t('course.enrollmentSoon')} className="block">
              <Button size="lg" className="w-full" disabled aria-describedby={noteId}>
                {label}
              </Button>
            </span>
            <p id={noteId} className="text-center text-sm text-slate-700">
              {t('course.enrollmentSoon')}
            </p>
          </div>
        ) : (
          <Button asChild size="lg" className="w-full">
            <Link to={`/login?next=${next}`}>{label}</Link>
          </Button>
        )}
        {introUrl ? (
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
