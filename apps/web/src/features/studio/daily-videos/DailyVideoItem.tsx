import type { DailyVideoDto } from '@9tangle/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button.tsx';
import { ConfirmDialog } from '../../../components/ui/ConfirmDialog.tsx';
import { cn, focusRing } from '../../../components/ui/cn.ts';
import { formatDate } from '../../../lib/format-date.ts';
import { useErrorMessage } from '../../../lib/use-error-message.ts';
import { DailyVideoForm } from './DailyVideoForm.tsx';
import { useDeleteDailyVideo, useUpdateDailyVideo } from './daily-video-queries.ts';

const BADGES = {
  today: 'bg-emerald-100 text-emerald-900',
  upcoming: 'bg-indigo-100 text-indigo-900',
  past: 'bg-slate-100 text-slate-700',
} as const;

type DailyVideoItemProps = { courseId: string; video: DailyVideoDto; today: string };

/** One dated link: when it shows (today, upcoming, past), edit in place, delete after a confirmation. */
export function DailyVideoItem({ courseId, video, today }: DailyVideoItemProps) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const update = useUpdateDailyVideo(courseId);
  const remove = useDeleteDailyVideo(courseId);
  const [isEditing, setIsEditing] = useState(false);
  const [isConfirming, setIsConfirming] = useState(false);
  const when = video.day === today ? 'today' : video.day > today ? 'upcoming' : 'past';

  return (
    <li className="rounded-2xl border border-slate-200 bg-white p-4 shadow-sm">
      {isEditing ? (
        <DailyVideoForm
          video={video}
          defaultDay={today}
          submitLabel={t('media.daily.save')}
          onCancel={() => setIsEditing(false)}
          onSave={async (body) => {
            await update.mutateAsync({ id: video.id, patch: body });
            setIsEditing(false);
          }}
        />
      ) : (
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div className="min-w-0 space-y-1">
            <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
              <time dateTime={video.day}>{formatDate(`${video.day}T00:00:00Z`, i18n.language)}</time>
              <span className={cn('rounded-full px-2 py-0.5 text-xs font-semibold', BADGES[when])}>
                {t(`media.daily.when.${when}`)}
              </span>
            </p>
            <p className="font-semibold break-words text-slate-900">{video.title}</p>
            {/* The server takes http(s) links only; a link is still only made of one that says so. */}
            {/^https?:\/\//i.test(video.url) ? (
              <a
                href={video.url}
                target="_blank"
                rel="noopener noreferrer"
                dir="ltr"
                className={cn(
                  'block text-sm break-all text-indigo-700 underline-offset-4 hover:underline',
                  focusRing,
                )}
              >
                {video.url}
              </a>
            ) : null}
            {video.note ? <p className="text-sm whitespace-pre-line text-slate-700">{video.note}</p> : null}
          </div>
          <div className="flex gap-2">
            <Button size="sm" variant="secondary" onClick={() => setIsEditing(true)}>
              {t('media.daily.edit')}
              <span className="sr-only">: {video.title}</span>
            </Button>
            <Button size="sm" variant="secondary" onClick={() => setIsConfirming(true)}>
              {t('media.daily.delete')}
              <span className="sr-only">: {video.title}</span>
            </Button>
          </div>
        </div>
      )}
      {remove.isError ? (
        <p className="mt-2 text-sm font-medium text-red-700">{errorMessage(remove.error)}</p>
      ) : null}
      <ConfirmDialog
        open={isConfirming}
        title={t('media.daily.confirmTitle')}
        description={t('media.daily.confirmText', { title: video.title })}
        confirmLabel={t('media.daily.delete')}
        isBusy={remove.isPending}
        onCancel={() => setIsConfirming(false)}
        onConfirm={() => remove.mutate(video.id, { onSettled: () => setIsConfirming(false) })}
      />
    </li>
  );
}
