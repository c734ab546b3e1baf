import type { LessonContent, ProgressResult } from '@9tangle/contracts';

type QuizLessonProps = {
  lesson: LessonContent;
  canTrack: boolean;
  onResult: (result: ProgressResult) => void;
};

/** Taking a quiz in the player: start, answer, submit, results (the quiz slice fills this in). */
export function QuizLesson(_props: QuizLessonProps) {
  return null;
}
