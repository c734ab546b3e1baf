import type { QuizAnswerRow, QuizAttemptRow, QuizQuestionRow } from '../../../db/schema/index.ts';
import { cutoffOf, type QuizRules } from './quiz.policy.ts';
import { gradeQuestion, type StoredResponse, scoreAttempt } from './quiz-grading.ts';

/**
 * What closing an open attempt writes, computed in memory from what was read: the stored answers
 * with the submission's last ones (`latest`, already checked; null clears an answer) laid over them,
 * each graded, and the attempt's score. Answers saved after the cutoff do not count; past the cutoff
 * the attempt ended when its time did. Pure: the caller writes it (locked, or only if the attempt
 * did not change since the read).
 */
export function closeAttempt(o: {
  attempt: QuizAttemptRow;
  questions: QuizQuestionRow[];
  answers: QuizAnswerRow[];
  latest: Map<string, StoredResponse | null>;
  rules: Pick<QuizRules, 'passPercent'>;
  now: Date;
}) {
  const { attempt: a, latest, now } = o;
  const byId = new Map(o.questions.map((q) => [q.id, q]));
  const answers = new Map(o.answers.map((r) => [r.questionId, r]));
  for (const [questionId, response] of latest) {
    if (response === null) answers.delete(questionId);
    else
      answers.set(questionId, {
        attemptId: a.id,
        questionId,
        response,
        savedAt: now,
        pointsAwarded: null,
        correct: null,
      });
  }
  const cutoff = cutoffOf(a);
  const grades = a.questions.flatMap(({ questionId }) => {
    const q = byId.get(questionId);
    if (!q) return [];
    const r = answers.get(questionId);
    const inTime = r && (!cutoff || r.savedAt.getTime() <= cutoff.getTime());
    return [
      {
        questionId,
        answered: !!r,
        points: q.points,
        ...gradeQuestion(q, inTime ? (r.response as StoredResponse) : undefined),
      },
    ];
  });
  const score = scoreAttempt(grades, o.rules.passPercent);
  const gradeOf = new Map(
    grades
      .filter((g) => g.answered)
      .map((g) => [g.questionId, { points: (g.cents / 100).toFixed(2), correct: g.correct }]),
  );
  for (const r of answers.values()) {
    const g = gradeOf.get(r.questionId);
    if (g) Object.assign(r, { pointsAwarded: g.points, correct: g.correct });
  }
  return {
    /** Every answer as it stands once graded. */
    answers: [...answers.values()],
    /** The submission's answers cleared (null). */
    cleared: [...latest].filter(([, r]) => r === null).map(([id]) => id),
    /** The submission's answers, written with their grades. */
    written: [...latest.keys()].flatMap((id) => answers.get(id) ?? []),
    /** The grades of answers saved before the submission. */
    earlier: [...gradeOf].filter(([id]) => !latest.has(id)).map(([questionId, g]) => ({ questionId, ...g })),
    mark: {
      submittedAt: cutoff && now > cutoff && a.deadlineAt ? a.deadlineAt : now,
      scorePoints: (score.scoreCents / 100).toFixed(2),
      maxPoints: score.maxPoints,
      scorePercent: score.percent,
      passed: score.passed,
      passPercent: o.rules.passPercent,
    },
  };
}
export type ClosedAttempt = ReturnType<typeof closeAttempt>;
