import type { CourseDailyVideos, DailyVideoDto } from '@9tangle/contracts';
import { useQuery } from '@tanstack/react-query';
import { type Ref, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { isApiError } from '../../../api/client.ts';
import { getCourseDailyVideos } from '../../../api/media.ts';
import { PageMeta } from '../../../components/PageMeta.tsx';
import { Alert } from '../../../components/ui/Alert.tsx';
import { cn, focusRing } from '../../../components/ui/cn.ts';
import { TextLink } from '../../../components/ui/TextLink.tsx';
import { formatDate } from '../../../lib/format-date.ts';
import { useErrorMessage } from '../../../lib/use-error-message.ts';
import { useMe } from '../../session/use-me.ts';
import { LessonHeading } from '../LessonHeading.tsx';
import { LessonUnavailableCard } from '../LessonUnavailableCard.tsx';
import { PlayerSidebar } from '../PlayerSidebar.tsx';
import { usePlayerOutline } from '../use-player-outline.ts';
import { DailyVideoPlayer } from './DailyVideoPlayer.tsx';

export const dailyVideosQueryKey = (slug: string) => ['daily-videos', slug] as const;

/**
 * `/courses/:slug/learn/today`: the course's daily videos for an enrolled student: today's (in the
 * academy's time zone), then the earlier ones, any of which can be watched here (`?video=`).
 * Private, so it is fetched in the browser; the server renders the loading state.
 */
export function TodayVideosPage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const outlineState = usePlayerOutline(slug);
  const { data: me, isPending: isMePending } = useMe();
  const isVerified = me?.user.emailVerified === true;
  const videos = useQuery({
    queryKey: dailyVideosQueryKey(slug),
    queryFn: () => getCourseDailyVideos(slug),
    enabled: isVerified,
    staleTime: 60_000,
  });
  const headingRef = useRef<HTMLHeadingElement>(null);
  return (
    <>
      <PageMeta title={t('media.today.title')} description={t('meta.private')} noIndex />
      <div className="grid gap-6 lg:grid-cols-[20rem_minmax(0,1fr)] lg:gap-10">
        <PlayerSidebar slug={slug} state={outlineState} currentLessonId="" />
        <div className="min-w-0 space-y-8">
          {videos.data ? (
            <DailyVideos data={videos.data} headingRef={headingRef} />
          ) : (
            <TodayState
              slug={slug}
              query={videos}
              isSignedIn={isMePending ? null : !!me}
              isVerified={isVerified}
            />
          )}
        </div>
      </div>
    </>
  );
}

function TodayState({
  slug,
  query,
  isSignedIn,
  isVerified,
}: {
  slug: string;
  query: { isError: boolean; error: unknown };
  /** Null while the session is still being read. */
  isSignedIn: boolean | null;
  isVerified: boolean;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const needsVerification = isSignedIn === true && !isVerified;
  if ((query.isError && isApiError(query.error) && query.error.status === 404) || needsVerification)
    return (
      <LessonUnavailableCard headingRef={headingRef} slug={slug} needsVerification={needsVerification} />
    );
  if (isSignedIn === false) {
    return (
      <div className="space-y-4">
        <LessonHeading ref={headingRef}>{t('media.today.title')}</LessonHeading>
        <p className="text-slate-700">{t('media.today.signIn')}</p>
        <TextLink to={`/login?next=${encodeURIComponent(`/courses/${slug}/learn/today`)}`}>
          {t('media.today.signInLink')}
        </TextLink>
      </div>
    );
  }
  if (query.isError) return <Alert tone="error">{errorMessage(query.error)}</Alert>;
  return (
    <div className="space-y-6">
      <p role="status" className="sr-only">
        {t('common.loading')}
      </p>
      <div aria-hidden="true" className="h-9 w-2/3 animate-pulse rounded-lg bg-slate-200" />
      <div aria-hidden="true" className="aspect-video w-full animate-pulse rounded-xl bg-slate-200" />
    </div>
  );
}

function DailyVideos({ data, headingRef }: { data: CourseDailyVideos; headingRef: Ref<HTMLHeadingElement> }) {
  const { t, i18n } = useTranslation();
  const [searchParams] = useSearchParams();
  const day = (v: { day: string }) => formatDate(`${v.day}T00:00:00Z`, i18n.language);
  const chosen = data.earlier.find((v) => v.id === searchParams.get('video'));
  const shown: DailyVideoDto[] = chosen ? [chosen] : data.todays;

  return (
    <>
      <article className="space-y-6">
        <div className="space-y-1">
          <LessonHeading ref={headingRef}>{chosen ? chosen.title : t('media.today.title')}</LessonHeading>
          <p className="text-slate-700">
            <time dateTime={chosen?.day ?? data.today}>{day(chosen ?? { day: data.today })}</time>
            {chosen ? (
              <>
                {' · '}
                <TextLink to="?">{t('media.today.backToToday')}</TextLink>
              </>
            ) : null}
          </p>
        </div>
        {shown.length === 0 ? (
          <div className="rounded-2xl border border-dashed border-slate-300 bg-white px-6 py-10 text-center">
            <p className="font-semibold text-slate-900">{t('media.today.none')}</p>
            <p className="mt-1 text-sm text-slate-700">{t('media.today.noneHint')}</p>
          </div>
        ) : (
          shown.map((video) => (
            <section key={video.id} aria-label={video.title} className="space-y-3">
              {!chosen ? <h2 className="text-lg font-semibold text-slate-900">{video.title}</h2> : null}
              <DailyVideoPlayer video={video} />
              {video.note ? <p className="whitespace-pre-line text-slate-700">{video.note}</p> : null}
            </section>
          ))
        )}
      </article>
      {data.earlier.length > 0 ? (
        <section aria-labelledby="earlier-videos" className="space-y-3">
          <h2 id="earlier-videos" className="text-xl font-semibold text-slate-900">
            {t('media.today.earlier')}
          </h2>
          <ul className="divide-y divide-slate-200 rounded-2xl border border-slate-200 bg-white">
            {data.earlier.map((video) => (
              <li key={video.id}>
                <Link
                  to={`?video=${video.id}`}
                  aria-current={chosen?.id === video.id ? 'page' : undefined}
                  className={cn(
                    'flex flex-wrap items-baseline justify-between gap-2 px-4 py-3 hover:bg-slate-50',
                    chosen?.id === video.id && 'bg-indigo-50',
                    focusRing,
                  )}
                >
                  <span className="font-medium text-slate-900">{video.title}</span>
                  <time dateTime={video.day} className="text-sm text-slate-600">
                    {day(video)}
                  </time>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
