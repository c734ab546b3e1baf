import type { LessonContent } from '@9tangle/contracts';

/** A PDF lesson's viewer (the media slice fills this in). */
export function PdfLesson(_props: { lesson: LessonContent }) {
  return null;
}
