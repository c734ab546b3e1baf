import type { StudioCourse } from '@9tangle/contracts';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/Alert.tsx';
import { formatDate } from '../../../lib/format-date.ts';
import { useErrorMessage } from '../../../lib/use-error-message.ts';
import { DailyVideoForm } from './DailyVideoForm.tsx';
import { DailyVideoItem } from './DailyVideoItem.tsx';
import { useCreateDailyVideo, useDailyVideos } from './daily-video-queries.ts';

/**
 * The course's daily video links (a feature of the original 9tangle): dated links that enrolled
 * students see as "today's video" on their day, and afterwards among the earlier ones.
 */
export function DailyVideosTab({ course }: { course: StudioCourse }) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const videos = useDailyVideos(course.id);
  const create = useCreateDailyVideo(course.id);

  return (
    <section aria-labelledby="daily-videos-title" className="space-y-8">
      <div className="space-y-2">
        <h2 id="daily-videos-title" className="text-xl font-semibold text-slate-900">
          {t('media.daily.title')}
        </h2>
        <p className="text-slate-700">{t('media.daily.intro')}</p>
        {videos.data ? (
          <p className="text-sm text-slate-600">
            {t('media.daily.timeZone', {
              zone: videos.data.timeZone,
              today: formatDate(`${videos.data.today}T00:00:00Z`, i18n.language),
            })}
          </p>
        ) : null}
      </div>
      <div className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6">
        <h3 className="mb-4 text-lg font-semibold text-slate-900">{t('media.daily.add')}</h3>
        {videos.data ? (
          <DailyVideoForm
            defaultDay={videos.data.today}
            submitLabel={t('media.daily.addButton')}
            onSave={(body) => create.mutateAsync(body)}
          />
        ) : null}
      </div>
      {videos.isPending ? <p className="text-slate-700">{t('common.loading')}</p> : null}
      {videos.isError ? <Alert tone="error">{errorMessage(videos.error)}</Alert> : null}
      {videos.data && videos.data.items.length === 0 ? (
        <p className="text-slate-700">{t('media.daily.empty')}</p>
      ) : null}
      {videos.data && videos.data.items.length > 0 ? (
        <ul aria-label={t('media.daily.listLabel')} className="space-y-3">
          {videos.data.items.map((video) => (
            <DailyVideoItem key={video.id} courseId={course.id} video={video} today={videos.data.today} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}
