// Contracts of the quizzes slice: taking a quiz (player) and the gradebook; the question bank and quiz
// settings are in quiz-bank.ts. Answer keys and explanations only ever appear in studio schemas and in
// results.
import { z } from 'zod';
import { PageInfo } from './admin.ts';
import { ProgressResult } from './learning.ts';
import {
  AnswerKey,
  OptionId,
  QUIZ_LIMITS,
  QuestionOption,
  QuestionType,
  StudioQuestion,
} from './quiz-bank.ts';

export * from './quiz-bank.ts';

/** A student's response to one question, by type; null clears it. */
export const QuizResponse = z.union([
  /** single_choice (one id) and multiple_choice */
  z.object({ optionIds: z.array(OptionId).max(QUIZ_LIMITS.options.max) }),
  /** true_false */
  z.object({ value: z.boolean() }),
  /** short_answer; numeric as typed ("3.14", "3,14", "-2e3"), parsed on the server */
  z.object({ text: z.string().max(QUIZ_LIMITS.answerText) }),
]);
export type QuizResponse = z.infer<typeof QuizResponse>;
/** A saved response as the server holds it (a numeric answer also carries its parsed `value`). */
export const SavedResponse = z.union([
  z.object({ optionIds: z.array(z.string()) }),
  z.object({ value: z.boolean() }),
  z.object({ text: z.string(), value: z.number().optional() }),
]);
export const AnswerInput = z.object({ questionId: z.uuid(), response: QuizResponse.nullable() });
export const SaveAnswersBody = z
  .object({
    answers: z.array(AnswerInput).max(QUIZ_LIMITS.questionsPerAttempt),
  })
  .strict();
export type SaveAnswersBody = z.infer<typeof SaveAnswersBody>;
export const SaveAnswersResult = z.object({ saved: z.number(), savedAt: z.string() });
/** Submitting may carry the last answers (saved first, if still in time). */
export const SubmitAttemptBody = z
  .object({
    answers: z.array(AnswerInput).max(QUIZ_LIMITS.questionsPerAttempt).optional(),
  })
  .strict();

/** A question as a student sees it while answering: no key, no explanation. */
export const AttemptQuestion = z.object({
  id: z.uuid(),
  type: QuestionType,
  promptHtml: z.string(),
  points: z.number(),
  /** Choice questions' options in this attempt's order; empty for the other types. */
  options: z.array(QuestionOption),
});
export const QuestionFeedback = z.object({
  questionId: z.uuid(),
  pointsAwarded: z.number(),
  correct: z.boolean(),
  /** Only when the quiz shows correct answers. */
  correctAnswer: AnswerKey.nullable(),
  explanationHtml: z.string().nullable(),
});
export const AttemptResult = z.object({
  scorePoints: z.number(),
  maxPoints: z.number(),
  /** Rounded down, so "percent ≥ pass mark" is exactly "score ≥ pass mark". */
  scorePercent: z.number(),
  passed: z.boolean(),
  passPercent: z.number(),
  showCorrectAnswers: z.boolean(),
  questions: z.array(QuestionFeedback),
});
export const QuizAttemptStatus = z.enum(['in_progress', 'submitted']);
/** One attempt for its student: the questions and saved answers, and once submitted the result. */
export const QuizAttemptView = z.object({
  id: z.uuid(),
  lessonId: z.uuid(),
  attemptNumber: z.number(),
  status: QuizAttemptStatus,
  startedAt: z.string(),
  /** When answers stop counting (a few seconds of grace are allowed for latency); null is untimed. */
  deadlineAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  /** The server's time, so the countdown does not depend on the device's clock. */
  serverNow: z.string(),
  questions: z.array(AttemptQuestion),
  answers: z.array(z.object({ questionId: z.uuid(), response: SavedResponse })),
  result: AttemptResult.nullable(),
  /** Set when this call graded a passing attempt: the lesson's (and course's) new progress. */
  progress: ProgressResult.nullable(),
});
export type QuizAttemptView = z.infer<typeof QuizAttemptView>;

export const AttemptSummary = z.object({
  id: z.uuid(),
  attemptNumber: z.number(),
  status: QuizAttemptStatus,
  startedAt: z.string(),
  submittedAt: z.string().nullable(),
  scorePercent: z.number().nullable(),
  passed: z.boolean().nullable(),
});
/** What a student sees before starting: the rules, their attempts so far and any open attempt. */
export const QuizIntro = z.object({
  lessonId: z.uuid(),
  /** Questions an attempt will hold. */
  questionCount: z.number(),
  passPercent: z.number(),
  attemptLimit: z.number().nullable(),
  timeLimitSeconds: z.number().nullable(),
  attemptsUsed: z.number(),
  /** Null when unlimited. */
  attemptsLeft: z.number().nullable(),
  bestPercent: z.number().nullable(),
  passed: z.boolean(),
  openAttempt: z
    .object({ id: z.uuid(), startedAt: z.string(), deadlineAt: z.string().nullable() })
    .nullable(),
  attempts: z.array(AttemptSummary),
  /** The bank holds questions for this quiz. */
  ready: z.boolean(),
  canStart: z.boolean(),
});
export type QuizIntro = z.infer<typeof QuizIntro>;

export const StudentRef = z.object({ id: z.uuid(), name: z.string(), email: z.string() });
export const GradebookQuiz = z.object({ lessonId: z.uuid(), title: z.string(), sectionTitle: z.string() });
export const GradebookCell = z.object({
  lessonId: z.uuid(),
  /** Submitted attempts. */
  attempts: z.number(),
  inProgress: z.boolean(),
  bestPercent: z.number().nullable(),
  passed: z.boolean(),
  lastSubmittedAt: z.string().nullable(),
});
export const GradebookRow = z.object({
  student: StudentRef,
  enrolledAt: z.string(),
  enrollmentStatus: z.enum(['active', 'revoked']),
  completedAt: z.string().nullable(),
  /** One per quiz, in the order of `quizzes`. */
  cells: z.array(GradebookCell),
});
export const Gradebook = z.object({
  quizzes: z.array(GradebookQuiz),
  rows: z.array(GradebookRow),
  pageInfo: PageInfo,
});
export type Gradebook = z.infer<typeof Gradebook>;
export const GradebookQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

export const StudioAttemptQuery = GradebookQuery.extend({
  lessonId: z.uuid().optional(),
  userId: z.uuid().optional(),
});
export const StudioAttemptSummary = AttemptSummary.extend({
  lessonId: z.uuid(),
  lessonTitle: z.string(),
  student: StudentRef,
  deadlineAt: z.string().nullable(),
});
export const StudioAttemptList = z.object({ items: z.array(StudioAttemptSummary), pageInfo: PageInfo });
export type StudioAttemptList = z.infer<typeof StudioAttemptList>;
/** One attempt in full for the course's editors: every question with its key, response and grading. */
export const StudioAttemptDetail = StudioAttemptSummary.extend({
  scorePoints: z.number().nullable(),
  maxPoints: z.number().nullable(),
  passPercent: z.number().nullable(),
  questions: z.array(
    z.object({
      question: StudioQuestion.omit({ inUse: true, courseId: true, position: true }),
      response: SavedResponse.nullable(),
      savedAt: z.string().nullable(),
      pointsAwarded: z.number().nullable(),
      correct: z.boolean().nullable(),
    }),
  ),
});
export type StudioAttemptDetail = z.infer<typeof StudioAttemptDetail>;
