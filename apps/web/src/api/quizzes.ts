import type {
  Gradebook,
  QuestionBodyInput,
  QuizAttemptView,
  QuizIntro,
  QuizResponse,
  QuizSettingsBody,
  StudioAttemptDetail,
  StudioAttemptList,
  StudioQuestion,
  StudioQuestionList,
  StudioQuizSettings,
} from '@9tangle/contracts';
import { apiRequest } from './client.ts';

const enc = encodeURIComponent;

export type AnswerInput = { questionId: string; response: QuizResponse | null };

// The player: taking a quiz.

/** The quiz's rules for the student, their attempts so far and any open attempt. */
export function getQuizIntro(lessonId: string): Promise<QuizIntro> {
  return apiRequest(`/api/learning/lessons/${enc(lessonId)}/quiz`);
}

/** Starts an attempt, or resumes the open one. */
export function startQuizAttempt(lessonId: string): Promise<QuizAttemptView> {
  return apiRequest(`/api/learning/lessons/${enc(lessonId)}/quiz/attempts`, { method: 'POST' });
}

export function getQuizAttempt(attemptId: string): Promise<QuizAttemptView> {
  return apiRequest(`/api/learning/quiz-attempts/${enc(attemptId)}`);
}

export function saveQuizAnswers(
  attemptId: string,
  answers: AnswerInput[],
): Promise<{ saved: number; savedAt: string }> {
  return apiRequest(`/api/learning/quiz-attempts/${enc(attemptId)}/answers`, {
    method: 'PUT',
    body: { answers },
  });
}

/** Submits (with the answers not saved yet); a repeat answers the same result. */
export function submitQuizAttempt(attemptId: string, answers: AnswerInput[]): Promise<QuizAttemptView> {
  return apiRequest(`/api/learning/quiz-attempts/${enc(attemptId)}/submit`, {
    method: 'POST',
    body: { answers },
  });
}

// The studio: the bank, settings and gradebook.

export function listQuestions(courseId: string): Promise<StudioQuestionList> {
  return apiRequest(`/api/studio/courses/${enc(courseId)}/questions`);
}

export function createQuestion(courseId: string, body: QuestionBodyInput): Promise<StudioQuestion> {
  return apiRequest(`/api/studio/courses/${enc(courseId)}/questions`, { method: 'POST', body });
}

export function updateQuestion(questionId: string, body: QuestionBodyInput): Promise<StudioQuestion> {
  return apiRequest(`/api/studio/questions/${enc(questionId)}`, { method: 'PUT', body });
}

export function deleteQuestion(questionId: string): Promise<void> {
  return apiRequest(`/api/studio/questions/${enc(questionId)}`, { method: 'DELETE' });
}

export function setQuestionArchived(questionId: string, isArchived: boolean): Promise<StudioQuestion> {
  return apiRequest(`/api/studio/questions/${enc(questionId)}/${isArchived ? 'archive' : 'unarchive'}`, {
    method: 'POST',
  });
}

export function reorderQuestions(courseId: string, pool: string, ids: string[]): Promise<StudioQuestionList> {
  return apiRequest(`/api/studio/courses/${enc(courseId)}/questions/reorder`, {
    method: 'POST',
    body: { pool, ids },
  });
}

export function getQuizSettings(lessonId: string): Promise<StudioQuizSettings> {
  return apiRequest(`/api/studio/lessons/${enc(lessonId)}/quiz`);
}

export function saveQuizSettings(lessonId: string, body: QuizSettingsBody): Promise<StudioQuizSettings> {
  return apiRequest(`/api/studio/lessons/${enc(lessonId)}/quiz`, { method: 'PUT', body });
}

export function getGradebook(courseId: string, page: number, limit = 25): Promise<Gradebook> {
  return apiRequest(`/api/studio/courses/${enc(courseId)}/gradebook?page=${page}&limit=${limit}`);
}

/** Where the browser downloads the gradebook as CSV (a plain link: the session cookie goes with it). */
export const gradebookCsvUrl = (courseId: string) => `/api/studio/courses/${enc(courseId)}/gradebook.csv`;

export function listStudioAttempts(
  courseId: string,
  q: { lessonId?: string; userId?: string; page?: number },
): Promise<StudioAttemptList> {
  const params = new URLSearchParams({ page: String(q.page ?? 1), limit: '50' });
  if (q.lessonId) params.set('lessonId', q.lessonId);
  if (q.userId) params.set('userId', q.userId);
  return apiRequest(`/api/studio/courses/${enc(courseId)}/quiz-attempts?${params}`);
}

export function getStudioAttempt(attemptId: string): Promise<StudioAttemptDetail> {
  return apiRequest(`/api/studio/quiz-attempts/${enc(attemptId)}`);
}
