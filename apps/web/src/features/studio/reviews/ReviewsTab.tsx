import type { StudioCourse } from '@9tangle/contracts';

/** The course's reviews, with the instructor's replies (the reviews slice fills this in). */
export function ReviewsTab(_props: { course: StudioCourse }) {
  return null;
}
