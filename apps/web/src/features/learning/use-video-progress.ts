import type { ProgressResult } from '@9tangle/contracts';
import { type RefObject, useEffect, useRef } from 'react';
import { type ProgressUpdate, saveLessonProgress, saveLessonProgressOnExit } from '../../api/learning.ts';

const SAVE_EVERY_MS = 10_000;
const MAX_SECONDS = 86_400;

type VideoProgressOptions = {
  lessonId: string;
  /** Where the student stopped last time. */
  resumeAt: number;
  /** The share already watched (0–100), so a restart never reports less. */
  watchedPercent: number;
  /** The lesson's stated length, for when the file does not say (a live stream). */
  fallbackDuration: number | null;
  /** False for someone only previewing (not enrolled): nothing is saved. */
  isEnabled: boolean;
  onResult: (result: ProgressResult) => void;
};

function toInt(value: number, max: number): number {
  return Math.min(max, Math.max(0, Math.floor(Number.isFinite(value) ? value : 0)));
}

/**
 * Resumes a `<video>` where the student left off and saves progress: every ten seconds while it
 * plays, on pause and at the end, and on `pagehide` (tab closed, page left). `watchedPercent` is the
 * furthest point reached over the length; the server completes the lesson at 90 %.
 */
export function useVideoProgress(
  videoRef: RefObject<HTMLVideoElement | null>,
  options: VideoProgressOptions,
) {
  // The latest options without restarting the listeners (a new callback each render is fine).
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });
  // Resume once per video element, not again when tracking turns on after the outline loads.
  const hasResumed = useRef(false);
  const { lessonId, isEnabled } = options;

  useEffect(() => {
    const element = videoRef.current;
    if (!element) return;
    const video: HTMLVideoElement = element;
    let furthest = 0;
    let lastSent = '';
    let timer: ReturnType<typeof setInterval> | undefined;

    const duration = () =>
      Number.isFinite(video.duration) && video.duration > 0
        ? video.duration
        : (latest.current.fallbackDuration ?? 0);

    function snapshot(): ProgressUpdate | null {
      const total = duration();
      if (total <= 0) return null;
      furthest = Math.max(furthest, video.currentTime);
      return {
        positionSeconds: toInt(video.currentTime, MAX_SECONDS),
        watchedPercent: toInt((furthest / total) * 100, 100),
      };
    }

    function save(isLeaving: boolean) {
      if (!isEnabled) return;
      const body = snapshot();
      if (!body) return;
      const key = `${body.positionSeconds}:${body.watchedPercent}`;
      if (key === lastSent) return;
      lastSent = key;
      if (isLeaving) {
        saveLessonProgressOnExit(lessonId, body);
        return;
      }
      saveLessonProgress(lessonId, body).then(
        (result) => latest.current.onResult(result),
        () => {
          // Try again with the next save; progress is a convenience, not worth an error message.
          lastSent = '';
        },
      );
    }

    function onLoadedMetadata() {
      const total = duration();
      const { resumeAt, watchedPercent } = latest.current;
      furthest = Math.max(furthest, (watchedPercent / 100) * total, resumeAt);
      if (hasResumed.current) return;
      hasResumed.current = true;
      // At the very end, start again from the beginning rather than a moment before the credits.
      const isNearEnd = total > 0 && resumeAt >= total - Math.min(5, total * 0.05);
      if (resumeAt > 0 && !isNearEnd) video.currentTime = resumeAt;
    }
    const onTimeUpdate = () => {
      furthest = Math.max(furthest, video.currentTime);
    };
    const stopTimer = () => {
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
    };
    const onPlay = () => {
      stopTimer();
      timer = setInterval(() => save(false), SAVE_EVERY_MS);
    };
    const onPause = () => {
      stopTimer();
      save(false);
    };
    const onEnded = () => {
      furthest = duration();
      stopTimer();
      save(false);
    };
    const onPageHide = () => save(true);

    if (video.readyState >= HTMLMediaElement.HAVE_METADATA) onLoadedMetadata();
    video.addEventListener('loadedmetadata', onLoadedMetadata);
    video.addEventListener('timeupdate', onTimeUpdate);
    video.addEventListener('play', onPlay);
    video.addEventListener('pause', onPause);
    video.addEventListener('ended', onEnded);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      stopTimer();
      video.removeEventListener('loadedmetadata', onLoadedMetadata);
      video.removeEventListener('timeupdate', onTimeUpdate);
      video.removeEventListener('play', onPlay);
      video.removeEventListener('pause', onPause);
      video.removeEventListener('ended', onEnded);
      window.removeEventListener('pagehide', onPageHide);
      // Leaving the lesson inside the app (next lesson, dashboard): save where the student was.
      save(false);
    };
  }, [videoRef, lessonId, isEnabled]);
}
