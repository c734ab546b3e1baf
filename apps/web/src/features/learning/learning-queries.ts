import type { LessonContent, MyCourseList, PlayerCourse, ProgressResult } from '@9tangle/contracts';
import { type QueryClient, useQuery } from '@tanstack/react-query';
import { getLessonContent, getPlayerCourse, listMyCourses } from '../../api/learning.ts';

export type MyCourse = MyCourseList['items'][number];

// Private data: never seeded by the server, always fetched in the browser after hydration (a query
// does not fetch during a server render), so the server's HTML and the first client render agree.
export const myCoursesQueryKey = ['my-courses'] as const;
export const playerQueryKey = (slug: string) => ['player', slug] as const;
export const lessonQueryKey = (lessonId: string) => ['lesson-content', lessonId] as const;

/** The student's courses; only asked for when someone is signed in. */
export function useMyCourses(isEnabled: boolean) {
  return useQuery({
    queryKey: myCoursesQueryKey,
    queryFn: listMyCourses,
    enabled: isEnabled,
    staleTime: 30_000,
  });
}

/**
 * The player outline. Every fetch records a "course viewed" event on the server, so it stays fresh
 * for a while and progress updates edit the cached copy instead of refetching it.
 */
export function usePlayerCourse(slug: string, isEnabled: boolean) {
  return useQuery({
    queryKey: playerQueryKey(slug),
    queryFn: () => getPlayerCourse(slug),
    enabled: isEnabled,
    staleTime: 5 * 60_000,
  });
}

export function useLessonContent(lessonId: string) {
  return useQuery({
    queryKey: lessonQueryKey(lessonId),
    queryFn: () => getLessonContent(lessonId),
    staleTime: 30_000,
  });
}

/**
 * Puts a progress answer into the cached outline and lesson, so checks and the progress bar change at
 * once, and marks the dashboard stale. Returns true when this answer completed the course (it was not
 * complete before), which is when the player congratulates.
 */
export function applyProgressResult(
  queryClient: QueryClient,
  target: { slug: string; lessonId: string; result: ProgressResult },
): boolean {
  const { slug, lessonId, result } = target;
  const before = queryClient.getQueryData<PlayerCourse>(playerQueryKey(slug));
  // Progress reaches 100 % exactly when every required lesson is done, which is the server's rule.
  const wasComplete = before ? before.enrollment.progressPercent >= 100 : true;

  queryClient.setQueryData<PlayerCourse>(playerQueryKey(slug), (player) => {
    if (!player) return player;
    return {
      ...player,
      enrollment: {
        ...player.enrollment,
        progressPercent: result.progressPercent,
        completedLessons: result.completedLessons,
        completedAt:
          player.enrollment.completedAt ?? (result.courseCompleted ? new Date().toISOString() : null),
        lastLessonId: lessonId,
      },
      continueLessonId: lessonId,
      sections: player.sections.map((section) => ({
        ...section,
        lessons: section.lessons.map((lesson) =>
          lesson.id === lessonId ? { ...lesson, completed: result.lessonCompleted } : lesson,
        ),
      })),
    };
  });
  queryClient.setQueryData<LessonContent>(lessonQueryKey(lessonId), (lesson) =>
    lesson ? { ...lesson, progress: { ...lesson.progress, completed: result.lessonCompleted } } : lesson,
  );
  if (before) {
    // The dashboard shows the new percentage at once, then refetches for the rest.
    queryClient.setQueryData<MyCourseList>(myCoursesQueryKey, (list) =>
      list
        ? {
            items: list.items.map((item) =>
              item.course.id === before.course.id
                ? {
                    ...item,
                    enrollment: {
                      ...item.enrollment,
                      progressPercent: result.progressPercent,
                      completedLessons: result.completedLessons,
                    },
                    continueLessonId: lessonId,
                  }
                : item,
            ),
          }
        : list,
    );
  }
  void queryClient.invalidateQueries({ queryKey: myCoursesQueryKey });
  return !wasComplete && result.courseCompleted;
}
