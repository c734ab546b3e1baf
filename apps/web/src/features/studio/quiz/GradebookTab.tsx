import type { StudioCourse } from '@9tangle/contracts';

/** Quiz attempts and scores per student, with a CSV export (the quiz slice fills this in). */
export function GradebookTab(_props: { course: StudioCourse }) {
  return null;
}
