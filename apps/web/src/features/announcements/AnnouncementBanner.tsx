import type { AnnouncementType } from '@9tangle/contracts';
import { useTranslation } from 'react-i18next';
import { cn, focusRing } from '../../components/ui/cn.ts';

// Dark text on a light tint of each colour: every pair is above 7:1 contrast.
const tones: Record<AnnouncementType, string> = {
  info: 'border-sky-300 bg-sky-50 text-sky-950',
  warning: 'border-amber-300 bg-amber-50 text-amber-950',
  success: 'border-emerald-300 bg-emerald-50 text-emerald-950',
  error: 'border-red-300 bg-red-50 text-red-950',
};

type Props = {
  title: string;
  message: string;
  type: AnnouncementType;
  /** Shows the close button. */
  onDismiss?: (() => void) | undefined;
  className?: string;
};

/** One announcement as a banner: its title, its plain-text message (line breaks kept), a close button. */
export function AnnouncementBanner({ title, message, type, onDismiss, className }: Props) {
  const { t } = useTranslation();
  return (
    <div data-announcement-type={type} className={cn('border-b', tones[type], className)}>
      <div className="mx-auto flex max-w-6xl items-start gap-3 px-4 py-2.5 sm:px-6">
        <p className="min-w-0 flex-1 text-sm">
          <span className="font-semibold">{title}</span>
          <span className="sr-only">{t(`announcements.typeLabel.${type}`)}</span>{' '}
          <span className="whitespace-pre-line">{message}</span>
        </p>
        {onDismiss ? (
          <button
            type="button"
            onClick={onDismiss}
            aria-label={t('announcements.dismiss', { title })}
            className={cn('-m-1 shrink-0 rounded p-1 hover:bg-black/5', focusRing)}
          >
            <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="currentColor">
              <path d="M5.3 4.3a1 1 0 0 0-1 1.4L8.6 10l-4.3 4.3a1 1 0 1 0 1.4 1.4L10 11.4l4.3 4.3a1 1 0 0 0 1.4-1.4L11.4 10l4.3-4.3a1 1 0 0 0-1.4-1.4L10 8.6 5.7 4.3a1 1 0 0 0-.4-.1Z" />
            </svg>
          </button>
        ) : null}
      </div>
    </div>
  );
}
