import type { StudioCourse } from '@9tangle/contracts';

/** The course's students and their progress (the studio slice fills this in). */
export function StudentsTab(_props: { course: StudioCourse }) {
  return null;
}
