import type { CourseDetail, PlayerCourse } from '@9tangle/contracts';
import type { LessonType } from '../../api/types.ts';

/** A lesson in the player's sidebar, for an enrolled student or (previews only) for anyone. */
export type OutlineLesson = {
  id: string;
  title: string;
  type: LessonType;
  durationSeconds: number | null;
  /** This visitor may open it: released (enrolled) or a free preview (everyone else). */
  isOpenable: boolean;
  locked: boolean;
  /** When a locked lesson opens. */
  availableAt: string | null;
  completed: boolean;
};
export type OutlineSection = { id: string; title: string; lessons: OutlineLesson[] };

export type PlayerOutline = {
  courseTitle: string;
  isEnrolled: boolean;
  /** 0–100, for enrolled students. */
  progressPercent: number;
  sections: OutlineSection[];
};

const byPosition = (a: { position: number }, b: { position: number }) => a.position - b.position;

/** The enrolled student's outline, with locks and checks. */
export function outlineFromPlayer(player: PlayerCourse): PlayerOutline {
  return {
    courseTitle: player.course.title,
    isEnrolled: true,
    progressPercent: player.enrollment.progressPercent,
    sections: [...player.sections].sort(byPosition).map((section) => ({
      id: section.id,
      title: section.title,
      lessons: [...section.lessons].sort(byPosition).map((lesson) => ({
        id: lesson.id,
        title: lesson.title,
        type: lesson.type,
        durationSeconds: lesson.durationSeconds,
        isOpenable: !lesson.locked,
        locked: lesson.locked,
        availableAt: lesson.availableAt,
        completed: lesson.completed,
      })),
    })),
  };
}

/** The public outline (course page data) for a visitor who is not enrolled: only previews open. */
export function outlineFromCourse(course: CourseDetail): PlayerOutline {
  return {
    courseTitle: course.title,
    isEnrolled: false,
    progressPercent: 0,
    sections: [...course.sections].sort(byPosition).map((section) => ({
      id: section.id,
      title: section.title,
      lessons: [...section.lessons].sort(byPosition).map((lesson) => ({
        id: lesson.id,
        title: lesson.title,
        type: lesson.type,
        durationSeconds: lesson.durationSeconds,
        isOpenable: lesson.isPreview,
        locked: false,
        availableAt: null,
        completed: false,
      })),
    })),
  };
}

/** The outline's entry for a lesson, when the outline has it. */
export function findOutlineLesson(outline: PlayerOutline | null, lessonId: string): OutlineLesson | null {
  for (const section of outline?.sections ?? []) {
    const found = section.lessons.find((lesson) => lesson.id === lessonId);
    if (found) return found;
  }
  return null;
}
