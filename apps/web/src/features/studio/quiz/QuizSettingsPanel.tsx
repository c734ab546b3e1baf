import type { StudioLesson } from '../../../api/types.ts';

type QuizSettingsPanelProps = { courseId: string; lesson: StudioLesson };

/** A quiz lesson's settings: pool, question count, pass mark, limits (the quiz slice fills this in). */
export function QuizSettingsPanel(_props: QuizSettingsPanelProps) {
  return null;
}
