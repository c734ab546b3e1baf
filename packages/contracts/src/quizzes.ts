// Contracts of the quizzes slice: the question bank and quiz settings (studio), taking a quiz (player),
// and the gradebook. Answer keys and explanations only ever appear in studio schemas and in results.
import { z } from 'zod';
import { PageInfo } from './admin.ts';
import { ProgressResult } from './learning.ts';

export const QuestionTypes = [
  'single_choice',
  'multiple_choice',
  'true_false',
  'short_answer',
  'numeric',
] as const;
export const QuestionType = z.enum(QuestionTypes);
export type QuestionType = z.infer<typeof QuestionType>;

/** Limits that keep grading cheap and safe (the pattern runs in a linear-time engine, RE2). */
export const QUIZ_LIMITS = {
  options: { min: 2, max: 10 },
  optionText: 500,
  prompt: 20_000,
  explanation: 20_000,
  acceptedAnswers: 20,
  acceptedAnswer: 200,
  pattern: 200,
  /** The longest short answer a student may type. */
  answerText: 500,
  /** The longest numeric answer a student may type. */
  numericText: 50,
  questionsPerAttempt: 200,
} as const;

/** A bank's pool name: questions are grouped in pools and a quiz draws from one (or from all). */
export const PoolName = z.string().trim().min(1).max(60);
const OptionId = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9_-]+$/, { message: 'Use letters, digits, dashes and underscores' });

/** One option of a choice question; its `id` stays when its text changes, so answers keep pointing at it. */
export const QuestionOption = z.object({
  id: OptionId,
  text: z.string().trim().min(1).max(QUIZ_LIMITS.optionText),
});
export type QuestionOption = z.infer<typeof QuestionOption>;

const Options = z.array(QuestionOption).min(QUIZ_LIMITS.options.min).max(QUIZ_LIMITS.options.max);
const QuestionCommon = {
  /** Rich text, sanitized on the server. */
  promptHtml: z.string().trim().min(1).max(QUIZ_LIMITS.prompt),
  /** Shown with the results when the quiz shows correct answers; sanitized on the server. */
  explanationHtml: z.string().trim().max(QUIZ_LIMITS.explanation).nullable().default(null),
  pool: PoolName.default('general'),
  points: z.int().min(1).max(100).default(1),
};

export const ChoiceKey = z.object({ optionIds: z.array(OptionId).min(1).max(QUIZ_LIMITS.options.max) });
export const TrueFalseKey = z.object({ value: z.boolean() });
export const ShortAnswerKey = z.object({
  /** Accepted answers, compared trimmed, with whitespace collapsed, and ignoring case unless `caseSensitive`. */
  accepted: z
    .array(z.string().trim().min(1).max(QUIZ_LIMITS.acceptedAnswer))
    .max(QUIZ_LIMITS.acceptedAnswers)
    .default([]),
  caseSensitive: z.boolean().default(false),
  /**
   * A regular expression (RE2 syntax: no backreferences or lookaround) the whole answer must match;
   * checked when saved.
   */
  pattern: z.string().min(1).max(QUIZ_LIMITS.pattern).nullable().default(null),
});
export const NumericKey = z.object({
  value: z.number().min(-1e12).max(1e12),
  /** Absolute: an answer within `value ± tolerance` is correct. */
  tolerance: z.number().min(0).max(1e12).default(0),
});
/** The answer key of a question, by type. */
// Order matters when a key is read back: the short-answer key has only defaulted fields, so it goes last.
export const AnswerKey = z.union([ChoiceKey, TrueFalseKey, NumericKey, ShortAnswerKey]);
export type AnswerKey = z.infer<typeof AnswerKey>;

const uniqueIds = (ids: string[]) => new Set(ids).size === ids.length;

/**
 * A question as the studio creates or replaces it. Choice keys must name options of the question;
 * a single-choice key names exactly one; a short answer needs an accepted answer or a pattern.
 */
export const QuestionBody = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('single_choice'), ...QuestionCommon, options: Options, answer: ChoiceKey }),
    z.object({
      type: z.literal('multiple_choice'),
      ...QuestionCommon,
      options: Options,
      answer: ChoiceKey,
      /** Each right option chosen earns its share, each wrong one chosen takes a share away (floored at 0). */
      partialCredit: z.boolean().default(false),
    }),
    z.object({ type: z.literal('true_false'), ...QuestionCommon, answer: TrueFalseKey }),
    z.object({ type: z.literal('short_answer'), ...QuestionCommon, answer: ShortAnswerKey }),
    z.object({ type: z.literal('numeric'), ...QuestionCommon, answer: NumericKey }),
  ])
  .superRefine((q, ctx) => {
    if (q.type === 'single_choice' || q.type === 'multiple_choice') {
      const ids = q.options.map((o) => o.id);
      if (!uniqueIds(ids))
        ctx.addIssue({ code: 'custom', path: ['options'], message: 'Option ids must be unique' });
      if (!uniqueIds(q.answer.optionIds) || q.answer.optionIds.some((id) => !ids.includes(id)))
        ctx.addIssue({
          code: 'custom',
          path: ['answer', 'optionIds'],
          message: 'The correct options must be options of the question, each once',
        });
      if (q.type === 'single_choice' && q.answer.optionIds.length !== 1)
        ctx.addIssue({
          code: 'custom',
          path: ['answer', 'optionIds'],
          message: 'A single-choice question has exactly one correct option',
        });
    }
    if (q.type === 'short_answer' && q.answer.accepted.length === 0 && !q.answer.pattern)
      ctx.addIssue({
        code: 'custom',
        path: ['answer', 'accepted'],
        message: 'Give at least one accepted answer or a pattern',
      });
  });
export type QuestionBody = z.infer<typeof QuestionBody>;
/** What a form sends (defaults may be left out). */
export type QuestionBodyInput = z.input<typeof QuestionBody>;

/** A question of the course's bank, with its key, for the course's editors. */
export const StudioQuestion = z.object({
  id: z.uuid(),
  courseId: z.uuid(),
  pool: z.string(),
  type: QuestionType,
  promptHtml: z.string(),
  options: z.array(QuestionOption),
  answer: AnswerKey,
  partialCredit: z.boolean(),
  points: z.number(),
  explanationHtml: z.string().nullable(),
  position: z.number(),
  archivedAt: z.string().nullable(),
  /** Drawn in at least one attempt: it can be archived but no longer deleted, nor change type. */
  inUse: z.boolean(),
});
export type StudioQuestion = z.infer<typeof StudioQuestion>;
/** How many active (not archived) questions a pool holds. */
export const PoolCount = z.object({ pool: z.string(), count: z.number() });
export const StudioQuestionList = z.object({
  /** Pool by pool (alphabetical), then by position; archived questions last. */
  items: z.array(StudioQuestion),
  pools: z.array(PoolCount),
});
export type StudioQuestionList = z.infer<typeof StudioQuestionList>;
export const QuestionReorderBody = z.object({
  pool: PoolName,
  /** Every active question id of the pool, once each, in the new order. */
  ids: z.array(z.uuid()).min(1).max(1000),
});

/** How a quiz lesson runs. */
export const QuizSettingsBody = z.object({
  /** Draw from this pool; null draws from the whole bank. */
  pool: PoolName.nullable(),
  /** Questions drawn at random per attempt; null takes every question of the pool. */
  questionCount: z.int().min(1).max(QUIZ_LIMITS.questionsPerAttempt).nullable(),
  passPercent: z.int().min(0).max(100),
  /** Attempts a student may submit; null is unlimited. */
  attemptLimit: z.int().min(1).max(100).nullable(),
  /** Enforced by the server; null is untimed. */
  timeLimitSeconds: z.int().min(30).max(86_400).nullable(),
  shuffleQuestions: z.boolean(),
  shuffleOptions: z.boolean(),
  /** Show the correct answers and explanations with the results (after submission only). */
  showCorrectAnswers: z.boolean(),
});
export type QuizSettingsBody = z.infer<typeof QuizSettingsBody>;
export const StudioQuizSettings = QuizSettingsBody.extend({
  lessonId: z.uuid(),
  courseId: z.uuid(),
  /** False until saved once: the values shown are the defaults. */
  configured: z.boolean(),
  /** Active questions the chosen pool (or the whole bank) holds now. */
  available: z.number(),
  pools: z.array(PoolCount),
});
export type StudioQuizSettings = z.infer<typeof StudioQuizSettings>;

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
export const SaveAnswersBody = z.object({
  answers: z.array(AnswerInput).max(QUIZ_LIMITS.questionsPerAttempt),
});
export type SaveAnswersBody = z.infer<typeof SaveAnswersBody>;
export const SaveAnswersResult = z.object({ saved: z.number(), savedAt: z.string() });
/** Submitting may carry the last answers (saved first, if still in time). */
export const SubmitAttemptBody = z.object({
  answers: z.array(AnswerInput).max(QUIZ_LIMITS.questionsPerAttempt).optional(),
});

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
