import type { LessonContent } from '@9tangle/contracts';

/** A lesson's downloadable resources (the media slice fills this in). */
export function LessonResources(_props: { lesson: LessonContent }) {
  return null;
}
