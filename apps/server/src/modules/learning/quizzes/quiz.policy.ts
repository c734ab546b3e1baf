import type { AttemptQuestion, QuizQuestionRow, QuizSettingsRow } from '../../../db/schema/index.ts';

/**
 * Pure rules of taking a quiz: what an attempt draws, when its time is up, how many attempts are left.
 * Tested in quiz.policy.test.ts.
 */

/** The settings a quiz lesson runs with: its row, or the defaults before an instructor saved any. */
export type QuizRules = Pick<
  QuizSettingsRow,
  | 'pool'
  | 'questionCount'
  | 'passPercent'
  | 'attemptLimit'
  | 'timeLimitSeconds'
  | 'shuffleQuestions'
  | 'shuffleOptions'
  | 'showCorrectAnswers'
>;

/** The database defaults of `quiz_settings`. */
export const DEFAULT_QUIZ_RULES: QuizRules = {
  pool: null,
  questionCount: null,
  passPercent: 70,
  attemptLimit: null,
  timeLimitSeconds: null,
  shuffleQuestions: true,
  shuffleOptions: true,
  showCorrectAnswers: true,
};

/**
 * Extra time after the deadline during which saves and a submission still count: the answer a student
 * gave at 00:00 is on its way over the network. The countdown the student sees ends at the deadline.
 */
export const DEADLINE_GRACE_MS = 5_000;

export function deadlineFor(startedAt: Date, timeLimitSeconds: number | null): Date | null {
  return timeLimitSeconds === null ? null : new Date(startedAt.getTime() + timeLimitSeconds * 1000);
}

/** The last instant an answer counts: the deadline plus the grace; null when untimed. */
export function cutoffOf(a: { deadlineAt: Date | null }): Date | null {
  return a.deadlineAt ? new Date(a.deadlineAt.getTime() + DEADLINE_GRACE_MS) : null;
}

/** An open attempt whose time (with the grace) has run out: it is graded as it stands. */
export function isTimeUp(a: { deadlineAt: Date | null }, now: Date): boolean {
  const cutoff = cutoffOf(a);
  return cutoff !== null && now.getTime() > cutoff.getTime();
}

/** How many questions an attempt holds, given what the pool has now (never more than it has). */
export function attemptSize(rules: Pick<QuizRules, 'questionCount'>, available: number): number {
  return rules.questionCount === null ? available : Math.min(rules.questionCount, available);
}

/** Attempts still allowed (null: unlimited). */
export function attemptsLeft(limit: number | null, used: number): number | null {
  return limit === null ? null : Math.max(0, limit - used);
}

/** A uniform random integer in [0, n), e.g. `crypto.randomInt`. */
export type RandomInt = (n: number) => number;

/** Fisher–Yates: every order equally likely. Returns a new array. */
export function shuffled<T>(items: readonly T[], randomInt: RandomInt): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * The questions of a new attempt, in display order, each with its options' order. A random sample of
 * the pool when the quiz draws fewer than the pool holds; shown in bank order unless questions are
 * shuffled. Choice options keep the instructor's order unless options are shuffled.
 */
export function drawQuestions(
  pool: readonly Pick<QuizQuestionRow, 'id' | 'type' | 'options'>[],
  rules: Pick<QuizRules, 'questionCount' | 'shuffleQuestions' | 'shuffleOptions'>,
  randomInt: RandomInt,
): AttemptQuestion[] {
  const size = attemptSize(rules, pool.length);
  const chosen =
    size < pool.length
      ? new Set(shuffled(pool, randomInt).slice(0, size))
      : new Set<(typeof pool)[number]>(pool);
  const inBankOrder = pool.filter((q) => chosen.has(q));
  const ordered = rules.shuffleQuestions ? shuffled(inBankOrder, randomInt) : inBankOrder;
  return ordered.map((q) => {
    const ids = q.options.map((o) => o.id);
    const isChoice = q.type === 'single_choice' || q.type === 'multiple_choice';
    return { questionId: q.id, optionIds: isChoice && rules.shuffleOptions ? shuffled(ids, randomInt) : ids };
  });
}

/**
 * The options of a drawn question in the attempt's order. Options removed since the attempt started
 * are left out; options added since are shown after the others.
 */
export function orderedOptions<O extends { id: string }>(
  current: readonly O[],
  drawnOrder: readonly string[],
): O[] {
  const byId = new Map(current.map((o) => [o.id, o]));
  const inOrder = drawnOrder.flatMap((id) => {
    const o = byId.get(id);
    return o ? [o] : [];
  });
  const seen = new Set(drawnOrder);
  return [...inOrder, ...current.filter((o) => !seen.has(o.id))];
}
