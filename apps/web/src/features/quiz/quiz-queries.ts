import type { QuizAttemptView } from '@9tangle/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type AnswerInput,
  getQuizAttempt,
  getQuizIntro,
  startQuizAttempt,
  submitQuizAttempt,
} from '../../api/quizzes.ts';

// Private, per student: fetched in the browser only, like the rest of the player.
export const quizIntroKey = (lessonId: string) => ['quiz', 'intro', lessonId] as const;
export const quizAttemptKey = (attemptId: string) => ['quiz', 'attempt', attemptId] as const;

export function useQuizIntro(lessonId: string, isEnabled: boolean) {
  return useQuery({
    queryKey: quizIntroKey(lessonId),
    queryFn: () => getQuizIntro(lessonId),
    enabled: isEnabled,
  });
}

/** An attempt; never refetched by itself while open (the form holds the answers being typed). */
export function useQuizAttempt(attemptId: string) {
  return useQuery({
    queryKey: quizAttemptKey(attemptId),
    queryFn: () => getQuizAttempt(attemptId),
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
}

export function useStartAttempt(lessonId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => startQuizAttempt(lessonId),
    onSuccess: async (attempt) => {
      queryClient.setQueryData(quizAttemptKey(attempt.id), attempt);
      await queryClient.invalidateQueries({ queryKey: quizIntroKey(lessonId) });
    },
  });
}

export function useSubmitAttempt(lessonId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { attemptId: string; answers: AnswerInput[] }) =>
      submitQuizAttempt(v.attemptId, v.answers),
    onSuccess: async (attempt: QuizAttemptView) => {
      queryClient.setQueryData(quizAttemptKey(attempt.id), attempt);
      await queryClient.invalidateQueries({ queryKey: quizIntroKey(lessonId) });
    },
  });
}
