import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format-date.ts';
import { LessonHeading } from './LessonHeading.tsx';
import { StatusIcon } from './StatusIcon.tsx';

type LessonLockedCardProps = {
  headingRef: Ref<HTMLHeadingElement>;
  /** The lesson's title from the outline, when known. */
  title: string | null;
  availableAt: string | null;
};

/** A lesson that is not released yet (release date or drip): its title and when it opens. */
export function LessonLockedCard({ headingRef, title, availableAt }: LessonLockedCardProps) {
  const { t, i18n } = useTranslation();
  return (
    <div className="space-y-4">
      <LessonHeading ref={headingRef}>{title ?? t('player.lockedTitle')}</LessonHeading>
      <div className="flex items-start gap-4 rounded-2xl border border-amber-300 bg-amber-50 p-6 text-amber-950">
        <StatusIcon name="lock" className="mt-0.5 size-6 shrink-0" />
        <div>
          <p className="font-semibold">
            {availableAt
              ? t('player.opensOnLong', { date: formatDateTime(availableAt, i18n.language) })
              : t('player.lockedShort')}
          </p>
          <p className="mt-1 text-sm">{t('player.lockedHint')}</p>
        </div>
      </div>
    </div>
  );
}
