import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cn, focusRing } from '../../components/ui/cn.ts';
import { ProgressBar } from '../../components/ui/ProgressBar.tsx';
import { TextLink } from '../../components/ui/TextLink.tsx';
import { TodayVideoLink } from './daily-videos/TodayVideoLink.tsx';
import { OutlineLessonItem } from './OutlineLessonItem.tsx';
import type { PlayerOutlineState } from './use-player-outline.ts';

type PlayerSidebarProps = { slug: string; state: PlayerOutlineState; currentLessonId: string };

/**
 * The course outline beside the lesson: always open on wide screens, behind a toggle on phones (where
 * it would push the lesson far down). Section titles are not headings, so the lesson's `<h1>` stays
 * the page's first heading.
 */
export function PlayerSidebar({ slug, state, currentLessonId }: PlayerSidebarProps) {
  const { t } = useTranslation();
  const [isOpen, setIsOpen] = useState(false);
  const navId = useId();
  const { outline } = state;

  return (
    <div className="rounded-2xl border border-slate-200 bg-white shadow-sm lg:sticky lg:top-6 lg:self-start">
      <div className="space-y-3 border-b border-slate-200 p-4">
        {outline ? (
          <p className="font-semibold leading-snug">
            <TextLink to={`/courses/${slug}`}>{outline.courseTitle}</TextLink>
          </p>
        ) : (
          <div aria-hidden="true" className="h-5 w-3/4 animate-pulse rounded bg-slate-200" />
        )}
        {outline?.isEnrolled ? (
          <div className="space-y-1">
            <ProgressBar
              value={outline.progressPercent}
              label={t('player.courseProgress')}
              valueText={t('dashboard.percentComplete', { percent: outline.progressPercent })}
            />
            <p className="text-xs text-slate-700">
              {t('dashboard.percentComplete', { percent: outline.progressPercent })}
            </p>
          </div>
        ) : null}
        {outline?.isEnrolled ? <TodayVideoLink slug={slug} isCurrent={currentLessonId === ''} /> : null}
        <button
          type="button"
          aria-expanded={isOpen}
          aria-controls={navId}
          onClick={() => setIsOpen((open) => !open)}
          className={cn(
            'flex w-full items-center justify-between rounded-lg border border-slate-300 px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 lg:hidden',
            focusRing,
          )}
        >
          {isOpen ? t('player.hideOutline') : t('player.showOutline')}
          <span aria-hidden="true" className={cn('text-slate-500', isOpen && 'rotate-180')}>
            ▾
          </span>
        </button>
      </div>
      <nav
        id={navId}
        aria-label={t('player.outline')}
        className={cn(
          isOpen ? 'block' : 'hidden',
          'lg:block lg:max-h-[calc(100vh-14rem)] lg:overflow-y-auto',
        )}
      >
        {outline ? (
          outline.sections.map((section) => (
            <div key={section.id} className="border-b border-slate-100 py-2 last:border-b-0">
              <p
                id={`${navId}-${section.id}`}
                className="px-4 py-2 text-xs font-semibold uppercase tracking-wide text-slate-600"
              >
                {section.title}
              </p>
              <ul aria-labelledby={`${navId}-${section.id}`}>
                {section.lessons.map((lesson) => (
                  <OutlineLessonItem
                    key={lesson.id}
                    slug={slug}
                    lesson={lesson}
                    isCurrent={lesson.id === currentLessonId}
                    onNavigate={() => setIsOpen(false)}
                  />
                ))}
              </ul>
            </div>
          ))
        ) : (
          <p className="px-4 py-3 text-sm text-slate-700">
            {state.isPending ? t('common.loading') : t('player.noOutline')}
          </p>
        )}
      </nav>
    </div>
  );
}
