import type { QuestionBodyInput, QuizSettingsBody, StudioQuestionList } from '@9tangle/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createQuestion,
  deleteQuestion,
  getGradebook,
  getQuizSettings,
  getStudioAttempt,
  listQuestions,
  listStudioAttempts,
  reorderQuestions,
  saveQuizSettings,
  setQuestionArchived,
  updateQuestion,
} from '../../../api/quizzes.ts';

export const questionsKey = (courseId: string) => ['studio', 'questions', courseId] as const;
export const quizSettingsKey = (lessonId: string) => ['studio', 'quiz-settings', lessonId] as const;
export const gradebookKey = (courseId: string, page: number) =>
  ['studio', 'gradebook', courseId, page] as const;

export function useQuestions(courseId: string) {
  return useQuery({ queryKey: questionsKey(courseId), queryFn: () => listQuestions(courseId) });
}

/** After a bank change: the bank, and every quiz's settings (they show the pools' counts), are stale. */
function useBankMutation<V, R>(courseId: string, mutationFn: (v: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async (result) => {
      if (result && typeof result === 'object' && 'items' in result && 'pools' in result)
        queryClient.setQueryData(questionsKey(courseId), result as StudioQuestionList);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: questionsKey(courseId) }),
        queryClient.invalidateQueries({ queryKey: ['studio', 'quiz-settings'] }),
      ]);
    },
  });
}

export function useSaveQuestion(courseId: string) {
  return useBankMutation(courseId, (v: { id: string | null; body: QuestionBodyInput }) =>
    v.id ? updateQuestion(v.id, v.body) : createQuestion(courseId, v.body),
  );
}

export function useDeleteQuestion(courseId: string) {
  return useBankMutation(courseId, (id: string) => deleteQuestion(id));
}

export function useArchiveQuestion(courseId: string) {
  return useBankMutation(courseId, (v: { id: string; isArchived: boolean }) =>
    setQuestionArchived(v.id, v.isArchived),
  );
}

export function useReorderQuestions(courseId: string) {
  return useBankMutation(courseId, (v: { pool: string; ids: string[] }) =>
    reorderQuestions(courseId, v.pool, v.ids),
  );
}

export function useQuizSettings(lessonId: string) {
  return useQuery({ queryKey: quizSettingsKey(lessonId), queryFn: () => getQuizSettings(lessonId) });
}

export function useSaveQuizSettings(lessonId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: QuizSettingsBody) => saveQuizSettings(lessonId, body),
    onSuccess: (settings) => queryClient.setQueryData(quizSettingsKey(lessonId), settings),
  });
}

export function useGradebook(courseId: string, page: number) {
  return useQuery({
    queryKey: gradebookKey(courseId, page),
    queryFn: () => getGradebook(courseId, page),
    placeholderData: keepPreviousData,
  });
}

export function useStudioAttempts(courseId: string, filter: { lessonId: string; userId: string } | null) {
  return useQuery({
    queryKey: ['studio', 'quiz-attempts', courseId, filter?.lessonId, filter?.userId],
    queryFn: () => listStudioAttempts(courseId, filter ?? {}),
    enabled: filter !== null,
  });
}

export function useStudioAttempt(attemptId: string | null) {
  return useQuery({
    queryKey: ['studio', 'quiz-attempt', attemptId],
    queryFn: () => getStudioAttempt(attemptId ?? ''),
    enabled: attemptId !== null,
  });
}
