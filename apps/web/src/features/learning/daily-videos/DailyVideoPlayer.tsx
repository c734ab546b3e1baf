import type { DailyVideoDto } from '@9tangle/contracts';
import { useTranslation } from 'react-i18next';
import { textLinkClasses } from '../../../components/ui/TextLink.tsx';
import { parseVideoSource } from '../video-source.ts';

const EMBED_ALLOW =
  'accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture';

/**
 * A daily video: YouTube and Vimeo links in their embed players (rebuilt from the video id, as for
 * lessons), an https video file in the browser's player, and always the link itself to open it there.
 */
export function DailyVideoPlayer({ video }: { video: DailyVideoDto }) {
  const { t } = useTranslation();
  const source = parseVideoSource(video.url);
  const isWebLink = /^https?:\/\//i.test(video.url);
  return (
    <div className="space-y-2">
      {source && source.kind !== 'file' ? (
        <div className="aspect-video overflow-hidden rounded-xl bg-black">
          <iframe
            key={video.id}
            src={source.embedUrl}
            title={t('media.today.videoTitle', { title: video.title })}
            allow={EMBED_ALLOW}
            allowFullScreen
            referrerPolicy="strict-origin-when-cross-origin"
            className="size-full border-0"
          />
        </div>
      ) : null}
      {source?.kind === 'file' ? (
        // biome-ignore lint/a11y/useMediaCaption: daily video links carry no caption files
        <video
          key={video.id}
          src={source.url}
          controls
          playsInline
          preload="metadata"
          aria-label={t('media.today.videoTitle', { title: video.title })}
          className="aspect-video w-full rounded-xl bg-black"
        />
      ) : null}
      {isWebLink ? (
        <p className="text-sm">
          <a href={video.url} target="_blank" rel="noopener noreferrer" className={textLinkClasses}>
            {t('media.today.openLink')}
          </a>
        </p>
      ) : null}
    </div>
  );
}
