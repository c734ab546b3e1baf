import type { CourseDetail } from '@9tangle/contracts';
import { useTranslation } from 'react-i18next';
import { TextLink } from '../../components/ui/TextLink.tsx';
import { formatClock, formatMinutes } from '../../lib/format-duration.ts';
import { learnPath } from '../learning/learning-paths.ts';
import { LessonTypeIcon } from './LessonTypeIcon.tsx';

type Sections = CourseDetail['sections'];

function sectionSeconds(section: Sections[number]): number {
  return section.lessons.reduce((sum, lesson) => sum + (lesson.durationSeconds ?? 0), 0);
}

/**
 * The outline: one native `<details>` per section (opens and closes without JavaScript), with each
 * lesson's type, title, length and a "Preview" badge. Only free previews are open to everyone, so only
 * their titles link to the player.
 */
export function CourseCurriculum({ slug, sections }: { slug: string; sections: Sections }) {
  const { t } = useTranslation();
  const ordered = [...sections].sort((a, b) => a.position - b.position);
  const lessonCount = ordered.reduce((sum, section) => sum + section.lessons.length, 0);
  const totalMinutes = Math.round(ordered.reduce((sum, section) => sum + sectionSeconds(section), 0) / 60);

  return (
    <section aria-labelledby="curriculum-title">
      <h2 id="curriculum-title" className="text-2xl font-bold tracking-tight text-slate-900">
        {t('course.curriculum')}
      </h2>
      <p className="mt-1 text-sm text-slate-700">
        {[
          t('course.sectionCount', { count: ordered.length }),
          t('catalog.lessonCount', { count: lessonCount }),
          totalMinutes > 0 ? formatMinutes(totalMinutes, t) : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {ordered.length === 0 ? <p className="mt-4 text-slate-700">{t('course.noCurriculum')}</p> : null}
      <div className="mt-4 divide-y divide-slate-200 overflow-hidden rounded-2xl border border-slate-200 bg-white">
        {ordered.map((section, index) => {
          const minutes = Math.round(sectionSeconds(section) / 60);
          return (
            <details key={section.id} open={index === 0} className="group">
              <summary className="flex cursor-pointer items-center justify-between gap-4 bg-slate-50 px-4 py-3 hover:bg-slate-100 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-600">
                <span className="flex items-center gap-2 font-semibold text-slate-900">
                  <span
                    aria-hidden="true"
                    className="text-slate-500 transition-transform group-open:rotate-90 rtl:-scale-x-100"
                  >
                    ›
                  </span>
                  {section.title}
                </span>
                <span className="shrink-0 text-sm text-slate-600">
                  {[
                    t('catalog.lessonCount', { count: section.lessons.length }),
                    minutes > 0 ? formatMinutes(minutes, t) : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
              </summary>
              <ul className="divide-y divide-slate-100">
                {[...section.lessons]
                  .sort((a, b) => a.position - b.position)
                  .map((lesson) => (
                    <li key={lesson.id} className="flex items-center gap-3 px-4 py-2.5 text-sm">
                      <span className="text-slate-500">
                        <LessonTypeIcon type={lesson.type} />
                      </span>
                      <span className="sr-only">{t(`lessonTypes.${lesson.type}`)}:</span>
                      <span className="min-w-0 flex-1 text-slate-800">
                        {lesson.isPreview ? (
                          <TextLink to={learnPath(slug, lesson.id)}>{lesson.title}</TextLink>
                        ) : (
                          lesson.title
                        )}
                      </span>
                      {lesson.isPreview ? (
                        <span className="rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-semibold text-emerald-900">
                          {t('course.preview')}
                        </span>
                      ) : null}
                      {lesson.durationSeconds ? (
                        <span className="shrink-0 tabular-nums text-slate-600">
                          <span className="sr-only">{t('course.length')} </span>
                          {formatClock(lesson.durationSeconds)}
                        </span>
                      ) : null}
                    </li>
                  ))}
              </ul>
            </details>
          );
        })}
      </div>
    </section>
  );
}
