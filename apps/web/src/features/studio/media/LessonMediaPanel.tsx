import type { StudioLesson } from '../../../api/types.ts';

type LessonMediaPanelProps = { courseId: string; lesson: StudioLesson };

/** The lesson's uploaded video or PDF and its downloadable resources (the media slice fills this in). */
export function LessonMediaPanel(_props: LessonMediaPanelProps) {
  return null;
}
