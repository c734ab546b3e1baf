import type { StudioCourse } from '@9tangle/contracts';

/** The course's instructors: add, remove, order (the studio slice fills this in). */
export function InstructorsTab(_props: { course: StudioCourse }) {
  return null;
}
