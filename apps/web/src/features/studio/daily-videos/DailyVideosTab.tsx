import type { StudioCourse } from '@9tangle/contracts';

/** The course's dated video links (the media slice fills this in). */
export function DailyVideosTab(_props: { course: StudioCourse }) {
  return null;
}
