import type {
  AnswerKey,
  ProgressResult,
  QuizAttemptView,
  StudioAttemptDetail,
  StudioQuestion,
} from '@9tangle/contracts';
import type { QuizAnswerRow, QuizAttemptRow, QuizQuestionRow } from '../../../db/schema/index.ts';
import { orderedOptions, type QuizRules } from './quiz.policy.ts';
import type { StoredResponse } from './quiz-grading.ts';

const iso = (d: Date | null) => d?.toISOString() ?? null;
const num = (v: string | null) => (v === null ? null : Number(v));

/** A bank question with its key, for the course's editors. */
export function toStudioQuestion(q: QuizQuestionRow, inUse: boolean): StudioQuestion {
  return {
    id: q.id,
    courseId: q.courseId,
    pool: q.pool,
    type: q.type,
    promptHtml: q.promptHtml,
    options: q.options,
    answer: q.answer as AnswerKey,
    partialCredit: q.partialCredit,
    points: q.points,
    explanationHtml: q.explanationHtml,
    position: q.position,
    archivedAt: iso(q.archivedAt),
    inUse,
  };
}

/**
 * An attempt for its student. While it is open the questions carry no key and no explanation (this
 * function never reads them then), and `result` is null; once submitted, the result holds each
 * question's grade and, when the quiz shows them, the correct answer and the explanation.
 */
export function toAttemptView(o: {
  attempt: QuizAttemptRow;
  questions: QuizQuestionRow[];
  answers: QuizAnswerRow[];
  rules: Pick<QuizRules, 'showCorrectAnswers'>;
  now: Date;
  progress?: ProgressResult | null;
}): QuizAttemptView {
  const { attempt: a } = o;
  const byId = new Map(o.questions.map((q) => [q.id, q]));
  const drawn = a.questions.flatMap((d) => {
    const q = byId.get(d.questionId);
    return q ? [{ q, optionIds: d.optionIds }] : [];
  });
  const answerOf = new Map(o.answers.map((r) => [r.questionId, r]));
  const submitted = a.status === 'submitted';
  const show = o.rules.showCorrectAnswers;
  return {
    id: a.id,
    lessonId: a.lessonId,
    attemptNumber: a.attemptNumber,
    status: a.status,
    startedAt: a.startedAt.toISOString(),
    deadlineAt: iso(a.deadlineAt),
    submittedAt: iso(a.submittedAt),
    serverNow: o.now.toISOString(),
    questions: drawn.map(({ q, optionIds }) => ({
      id: q.id,
      type: q.type,
      promptHtml: q.promptHtml,
      points: q.points,
      options: orderedOptions(q.options, optionIds),
    })),
    answers: drawn.flatMap(({ q }) => {
      const r = answerOf.get(q.id);
      return r ? [{ questionId: q.id, response: r.response as StoredResponse }] : [];
    }),
    result: submitted
      ? {
          scorePoints: num(a.scorePoints) ?? 0,
          maxPoints: a.maxPoints ?? 0,
          scorePercent: a.scorePercent ?? 0,
          passed: a.passed ?? false,
          passPercent: a.passPercent ?? 0,
          showCorrectAnswers: show,
          questions: drawn.map(({ q }) => {
            const r = answerOf.get(q.id);
            return {
              questionId: q.id,
              pointsAwarded: num(r?.pointsAwarded ?? null) ?? 0,
              correct: r?.correct ?? false,
              correctAnswer: show ? (q.answer as AnswerKey) : null,
              explanationHtml: show ? q.explanationHtml : null,
            };
          }),
        }
      : null,
    progress: o.progress ?? null,
  };
}

/** One attempt in full for the course's editors. */
export function toStudioAttemptDetail(o: {
  attempt: QuizAttemptRow;
  lessonTitle: string;
  student: { id: string; name: string; email: string };
  questions: QuizQuestionRow[];
  answers: QuizAnswerRow[];
}): StudioAttemptDetail {
  const { attempt: a } = o;
  const byId = new Map(o.questions.map((q) => [q.id, q]));
  const answerOf = new Map(o.answers.map((r) => [r.questionId, r]));
  return {
    ...toStudioAttemptSummary({ attempt: a, lessonTitle: o.lessonTitle, student: o.student }),
    scorePoints: num(a.scorePoints),
    maxPoints: a.maxPoints,
    passPercent: a.passPercent,
    questions: a.questions.flatMap((d) => {
      const q = byId.get(d.questionId);
      if (!q) return [];
      const r = answerOf.get(q.id);
      const { inUse: _i, courseId: _c, position: _p, ...question } = toStudioQuestion(q, true);
      return [
        {
          question: { ...question, options: orderedOptions(q.options, d.optionIds) },
          response: (r?.response as StoredResponse | undefined) ?? null,
          savedAt: iso(r?.savedAt ?? null),
          pointsAwarded: num(r?.pointsAwarded ?? null),
          correct: r?.correct ?? null,
        },
      ];
    }),
  };
}

export function toStudioAttemptSummary(o: {
  attempt: QuizAttemptRow;
  lessonTitle: string;
  student: { id: string; name: string; email: string };
}) {
  const { attempt: a } = o;
  return {
    id: a.id,
    attemptNumber: a.attemptNumber,
    status: a.status,
    startedAt: a.startedAt.toISOString(),
    submittedAt: iso(a.submittedAt),
    scorePercent: a.scorePercent,
    passed: a.passed,
    lessonId: a.lessonId,
    lessonTitle: o.lessonTitle,
    student: o.student,
    deadlineAt: iso(a.deadlineAt),
  };
}
