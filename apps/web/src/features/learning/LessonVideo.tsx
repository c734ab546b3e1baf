import type { LessonContent, ProgressResult } from '@9tangle/contracts';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/Alert.tsx';
import { FileVideoPlayer } from './FileVideoPlayer.tsx';
import { parseVideoSource } from './video-source.ts';

type LessonVideoProps = {
  lesson: LessonContent;
  canTrack: boolean;
  onResult: (result: ProgressResult) => void;
};

const EMBED_ALLOW =
  'accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture';

/**
 * The lesson's video. YouTube and Vimeo play in their embed players, which cannot report progress to
 * us (that would need their scripts on our page), so those lessons are completed with the button.
 */
export function LessonVideo({ lesson, canTrack, onResult }: LessonVideoProps) {
  const { t } = useTranslation();
  // An uploaded video plays instead of the link (it is served only to those who may watch it).
  const source = lesson.file
    ? { kind: 'file' as const, url: lesson.file.url }
    : parseVideoSource(lesson.videoUrl);
  if (!source) return <Alert tone="warning">{t('player.videoUnavailable')}</Alert>;
  if (source.kind === 'file') {
    return (
      <FileVideoPlayer
        key={lesson.id}
        lesson={lesson}
        url={source.url}
        canTrack={canTrack}
        onResult={onResult}
      />
    );
  }
  return (
    <div className="space-y-2">
      <div className="aspect-video overflow-hidden rounded-xl bg-black">
        <iframe
          key={lesson.id}
          src={source.embedUrl}
          title={t('player.videoTitle', { title: lesson.title })}
          allow={EMBED_ALLOW}
          allowFullScreen
          // YouTube refuses to play embeds that send no referrer: send the origin whatever the site's policy.
          referrerPolicy="strict-origin-when-cross-origin"
          className="size-full border-0"
        />
      </div>
      {canTrack ? <p className="text-sm text-slate-700">{t('player.embedHint')}</p> : null}
    </div>
  );
}
