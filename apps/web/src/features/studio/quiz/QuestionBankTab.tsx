import type { StudioCourse } from '@9tangle/contracts';

/** The course's question bank (the quiz slice fills this in). */
export function QuestionBankTab(_props: { course: StudioCourse }) {
  return null;
}
