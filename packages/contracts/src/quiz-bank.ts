// Contracts of the quizzes slice, part one: the question bank and quiz settings (studio). Re-exported
// by quizzes.ts. Answer keys only ever appear in these studio schemas and in submitted results.
import { z } from 'zod';

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
/** A choice option's id: letters, digits, dashes and underscores. */
export const OptionId = z
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
    z.strictObject({
      type: z.literal('single_choice'),
      ...QuestionCommon,
      options: Options,
      answer: ChoiceKey,
    }),
    z.strictObject({
      type: z.literal('multiple_choice'),
      ...QuestionCommon,
      options: Options,
      answer: ChoiceKey,
      /** Each right option chosen earns its share, each wrong one chosen takes a share away (floored at 0). */
      partialCredit: z.boolean().default(false),
    }),
    z.strictObject({ type: z.literal('true_false'), ...QuestionCommon, answer: TrueFalseKey }),
    z.strictObject({ type: z.literal('short_answer'), ...QuestionCommon, answer: ShortAnswerKey }),
    z.strictObject({ type: z.literal('numeric'), ...QuestionCommon, answer: NumericKey }),
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
