import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { cn, focusRing } from '../../components/ui/cn.ts';
import { formatDateTime } from '../../lib/format-date.ts';
import { formatClock } from '../../lib/format-duration.ts';
import { LessonTypeIcon } from '../catalog/LessonTypeIcon.tsx';
import { learnPath } from './learning-paths.ts';
import type { OutlineLesson } from './player-outline.ts';
import { StatusIcon } from './StatusIcon.tsx';

type OutlineLessonItemProps = {
  slug: string;
  lesson: OutlineLesson;
  isCurrent: boolean;
  /** Called when the lesson's link is followed (the phone layout closes the outline). */
  onNavigate: () => void;
};

/** One lesson in the sidebar: a link when it may be opened, else its title (and when it opens). */
export function OutlineLessonItem({ slug, lesson, isCurrent, onNavigate }: OutlineLessonItemProps) {
  const { t, i18n } = useTranslation();
  const rowClasses = cn(
    'flex items-start gap-3 border-s-4 px-4 py-2.5 text-sm',
    isCurrent ? 'border-indigo-600 bg-indigo-50 font-semibold text-indigo-950' : 'border-transparent',
  );
  const content = (
    <>
      <span className={cn('mt-0.5 shrink-0', lesson.locked ? 'text-amber-700' : 'text-slate-500')}>
        {lesson.locked ? <StatusIcon name="lock" /> : <LessonTypeIcon type={lesson.type} />}
      </span>
      <span className="min-w-0 flex-1">
        <span className="sr-only">{t(`lessonTypes.${lesson.type}`)}: </span>
        <span className="block">{lesson.title}</span>
        {lesson.locked ? (
          <span className="block text-xs font-normal text-slate-700">
            {lesson.availableAt
              ? t('player.opensOn', { date: formatDateTime(lesson.availableAt, i18n.language) })
              : t('player.lockedShort')}
          </span>
        ) : null}
      </span>
      {lesson.completed ? (
        <span className="mt-0.5 shrink-0 text-emerald-700">
          <StatusIcon name="check" />
          <span className="sr-only">{t('player.lessonCompleted')}</span>
        </span>
      ) : null}
      {lesson.durationSeconds ? (
        <span className="mt-0.5 shrink-0 text-xs font-normal tabular-nums text-slate-600">
          <span className="sr-only">{t('course.length')} </span>
          {formatClock(lesson.durationSeconds)}
        </span>
      ) : null}
    </>
  );

  return (
    <li>
      {lesson.isOpenable ? (
        <Link
          to={learnPath(slug, lesson.id)}
          aria-current={isCurrent ? 'page' : undefined}
          onClick={onNavigate}
          className={cn(rowClasses, !isCurrent && 'text-slate-800 hover:bg-slate-50', focusRing)}
        >
          {content}
        </Link>
      ) : (
        <div aria-current={isCurrent ? 'page' : undefined} className={cn(rowClasses, 'text-slate-600')}>
          {content}
        </div>
      )}
    </li>
  );
}
