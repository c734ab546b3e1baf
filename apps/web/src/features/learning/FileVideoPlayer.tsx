import type { LessonContent, ProgressResult } from '@9tangle/contracts';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useVideoProgress } from './use-video-progress.ts';

type FileVideoPlayerProps = {
  lesson: LessonContent;
  url: string;
  canTrack: boolean;
  onResult: (result: ProgressResult) => void;
};

/** A video file (mp4, webm) in the browser's own player, resumed and tracked. */
export function FileVideoPlayer({ lesson, url, canTrack, onResult }: FileVideoPlayerProps) {
  const { t } = useTranslation();
  const videoRef = useRef<HTMLVideoElement>(null);
  useVideoProgress(videoRef, {
    lessonId: lesson.id,
    resumeAt: lesson.progress.positionSeconds,
    watchedPercent: lesson.progress.watchedPercent,
    fallbackDuration: lesson.durationSeconds,
    isEnabled: canTrack,
    onResult,
  });
  return (
    // biome-ignore lint/a11y/useMediaCaption: lessons have no caption files yet (the lesson model has no field for them)
    <video
      ref={videoRef}
      src={url}
      controls
      playsInline
      preload="metadata"
      aria-label={t('player.videoTitle', { title: lesson.title })}
      className="aspect-video w-full rounded-xl bg-black"
    >
      <a href={url}>{t('player.downloadVideo')}</a>
    </video>
  );
}
