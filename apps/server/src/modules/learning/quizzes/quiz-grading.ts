import { QUIZ_LIMITS } from '@9tangle/contracts';
import { RE2JS } from 're2js';
import type { AnswerKey, QuizQuestionRow } from '../../../db/schema/index.ts';

/**
 * Grading, as pure functions (tested exhaustively in quiz-grading.test.ts). Points are handled in
 * hundredths ("cents") as integers, so sums and the pass test are exact.
 *
 * The rules:
 * - single choice, true/false: all or nothing.
 * - multiple choice: all or nothing (the chosen set equals the key), or with partial credit: with C
 *   the correct options, each correct option chosen earns points/|C| and each wrong option chosen takes
 *   points/|C| away, floored at 0. Ticking every box therefore earns nothing when there are at least as
 *   many wrong options as right ones. "Correct" still means exactly the key.
 * - short answer: the answer is trimmed, whitespace runs collapse to one space (and Unicode is NFC
 *   normalised); it is correct when it equals an accepted answer (ignoring case unless the question is
 *   case sensitive) or when the whole of it matches the question's pattern. Patterns run in RE2 (via
 *   re2js, pure JavaScript), whose matching time is linear in the input: an instructor's pattern
 *   cannot hang the server (no ReDoS). Patterns are capped at 200 characters and answers at 500, and a
 *   pattern is compiled when the question is saved, so a bad one is refused then.
 * - numeric: correct when |answer − value| ≤ tolerance (absolute), allowing for floating-point noise.
 *   See `parseNumericInput` for what a student may type.
 * - An unanswered question earns 0. The percent is rounded down, so "percent ≥ pass mark" holds exactly
 *   when the score reaches the pass mark.
 */

type Gradable = Pick<QuizQuestionRow, 'type' | 'answer' | 'partialCredit' | 'points'>;
/** A response as stored (see `SavedResponse` in the contracts). */
export type StoredResponse = { optionIds: string[] } | { value: boolean } | { text: string; value?: number };
export interface QuestionGrade {
  /** Hundredths of a point. */
  cents: number;
  correct: boolean;
}

const NONE: QuestionGrade = { cents: 0, correct: false };

/** Trimmed, whitespace collapsed, NFC; lower-cased unless case matters. */
export function normalizeAnswerText(text: string, caseSensitive: boolean): string {
  const collapsed = text.normalize('NFC').trim().replace(/\s+/gu, ' ');
  return caseSensitive ? collapsed : collapsed.toLowerCase();
}

/**
 * Compiles an instructor's pattern with RE2 (the whole answer must match). Throws a
 * `RE2JSSyntaxException` for a pattern RE2 refuses (bad syntax, backreferences, lookaround, huge
 * repeat counts).
 */
export function compilePattern(pattern: string, caseSensitive: boolean): RE2JS {
  return RE2JS.compile(pattern, caseSensitive ? 0 : RE2JS.CASE_INSENSITIVE);
}

/** Why a pattern cannot be used, or null when it compiles. */
export function patternProblem(pattern: string): string | null {
  if (pattern.length > QUIZ_LIMITS.pattern) return `A pattern is at most ${QUIZ_LIMITS.pattern} characters`;
  try {
    compilePattern(pattern, true);
    return null;
  } catch (e) {
    const detail = e instanceof Error ? e.message.replace(/^error parsing regexp: /, '') : 'invalid pattern';
    return `This pattern is not valid (RE2 syntax; no backreferences or lookaround): ${detail}`;
  }
}

// Eastern Arabic (U+0660–0669) and Persian/Urdu (U+06F0–06F9) digits, and the Arabic decimal separator.
const NUMBER = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)(e[+-]?\d+)?$/i;

/**
 * A number as a student may type it, or null. Accepted: an optional sign, digits, at most one decimal
 * separator which may be a dot or a comma ("3.14" and "3,14" are both 3.14), an optional exponent
 * ("2.5e3"), Urdu/Arabic digits and the Arabic decimal separator "٫", spaces anywhere. Refused:
 * thousands separators ("1,000.5"), since "1,000" would be ambiguous; the form says so.
 */
export function parseNumericInput(input: string): number | null {
  let s = input.replace(/[\s\u00a0\u2009\u202f]/gu, '').replace(/\u066b/g, '.');
  s = s.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (c) => {
    const code = c.charCodeAt(0);
    return String(code - (code >= 0x06f0 ? 0x06f0 : 0x0660));
  });
  s = s.replace(/\u2212/g, '-'); // the typographic minus sign
  if (s.length === 0 || s.length > QUIZ_LIMITS.numericText || !NUMBER.test(s)) return null;
  const n = Number(s.replace(',', '.'));
  return Number.isFinite(n) ? n : null;
}

const hasOptionIds = (r: StoredResponse | undefined): r is { optionIds: string[] } =>
  !!r && 'optionIds' in r && Array.isArray(r.optionIds);

function gradeChoice(q: Gradable, key: { optionIds: string[] }, r: StoredResponse | undefined) {
  if (!hasOptionIds(r)) return NONE;
  const full = q.points * 100;
  const right = new Set(key.optionIds);
  const chosen = new Set(r.optionIds);
  const rightChosen = [...chosen].filter((id) => right.has(id)).length;
  const wrongChosen = chosen.size - rightChosen;
  const exact = wrongChosen === 0 && rightChosen === right.size;
  if (exact) return { cents: full, correct: true };
  if (q.type !== 'multiple_choice' || !q.partialCredit) return NONE;
  const net = Math.max(0, rightChosen - wrongChosen);
  return { cents: Math.round((net * full) / right.size), correct: false };
}

function gradeShortAnswer(
  key: { accepted: string[]; caseSensitive: boolean; pattern: string | null },
  r: StoredResponse | undefined,
): boolean {
  if (!r || !('text' in r) || typeof r.text !== 'string') return false;
  if (r.text.length > QUIZ_LIMITS.answerText) return false;
  const given = normalizeAnswerText(r.text, key.caseSensitive);
  if (given === '') return false;
  if (key.accepted.some((a) => normalizeAnswerText(a, key.caseSensitive) === given)) return true;
  if (!key.pattern) return false;
  try {
    return compilePattern(key.pattern, key.caseSensitive).matches(given);
  } catch {
    return false; // refused at save; a stored bad pattern simply matches nothing
  }
}

function gradeNumeric(key: { value: number; tolerance: number }, r: StoredResponse | undefined): boolean {
  if (!r || !('value' in r) || typeof r.value !== 'number' || !Number.isFinite(r.value)) return false;
  // Binary floating point: 0.1 + 0.2 must count as 0.3 with a tolerance of 0.
  const slack = 1e-9 * Math.max(1, Math.abs(key.value));
  return Math.abs(r.value - key.value) <= key.tolerance + slack;
}

/** The grade of one question for a response (undefined: not answered). */
export function gradeQuestion(q: Gradable, response: StoredResponse | undefined): QuestionGrade {
  const key: AnswerKey = q.answer;
  const full = q.points * 100;
  switch (q.type) {
    case 'single_choice':
    case 'multiple_choice':
      return 'optionIds' in key ? gradeChoice(q, key, response) : NONE;
    case 'true_false': {
      const ok =
        'value' in key &&
        typeof key.value === 'boolean' &&
        !!response &&
        'value' in response &&
        response.value === key.value;
      return ok ? { cents: full, correct: true } : NONE;
    }
    case 'short_answer':
      return 'accepted' in key && gradeShortAnswer(key, response) ? { cents: full, correct: true } : NONE;
    case 'numeric':
      return 'tolerance' in key && gradeNumeric(key, response) ? { cents: full, correct: true } : NONE;
  }
}

export interface AttemptScore {
  scoreCents: number;
  maxPoints: number;
  /** 0–100, rounded down. */
  percent: number;
  passed: boolean;
}

/** The attempt's score from its questions' grades and points, against the pass mark. */
export function scoreAttempt(grades: { cents: number; points: number }[], passPercent: number): AttemptScore {
  const scoreCents = grades.reduce((s, g) => s + g.cents, 0);
  const maxPoints = grades.reduce((s, g) => s + g.points, 0);
  // Integers divided once: floor(scoreCents / maxPoints) is the percent rounded down, exactly.
  const percent = maxPoints === 0 ? 0 : Math.min(100, Math.floor(scoreCents / maxPoints));
  return { scoreCents, maxPoints, percent, passed: maxPoints > 0 && percent >= passPercent };
}
