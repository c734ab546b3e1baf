import { describe, expect, it } from 'vitest';
import type { AnswerKey } from '../../../db/schema/index.ts';
import {
  gradeQuestion,
  normalizeAnswerText,
  parseNumericInput,
  patternProblem,
  scoreAttempt,
} from './quiz-grading.ts';

type Type = 'single_choice' | 'multiple_choice' | 'true_false' | 'short_answer' | 'numeric';
const q = (type: Type, answer: AnswerKey, o: { points?: number; partialCredit?: boolean } = {}) => ({
  type,
  answer,
  points: o.points ?? 1,
  partialCredit: o.partialCredit ?? false,
});

describe('single choice', () => {
  const question = q('single_choice', { optionIds: ['b'] }, { points: 2 });
  it('gives full points for the right option only', () => {
    expect(gradeQuestion(question, { optionIds: ['b'] })).toEqual({ cents: 200, correct: true });
    expect(gradeQuestion(question, { optionIds: ['a'] })).toEqual({ cents: 0, correct: false });
  });
  it('gives nothing for no answer, an empty choice, several choices or a response of another type', () => {
    expect(gradeQuestion(question, undefined)).toEqual({ cents: 0, correct: false });
    expect(gradeQuestion(question, { optionIds: [] }).cents).toBe(0);
    expect(gradeQuestion(question, { optionIds: ['b', 'a'] }).cents).toBe(0);
    expect(gradeQuestion(question, { text: 'b' }).cents).toBe(0);
    expect(gradeQuestion(question, { value: true }).cents).toBe(0);
  });
});

describe('multiple choice', () => {
  const key = { optionIds: ['a', 'c'] };
  it('is all or nothing without partial credit (order does not matter)', () => {
    const question = q('multiple_choice', key, { points: 3 });
    expect(gradeQuestion(question, { optionIds: ['c', 'a'] })).toEqual({ cents: 300, correct: true });
    expect(gradeQuestion(question, { optionIds: ['a'] })).toEqual({ cents: 0, correct: false });
    expect(gradeQuestion(question, { optionIds: ['a', 'c', 'd'] })).toEqual({ cents: 0, correct: false });
  });
  it('counts a repeated option once', () => {
    const question = q('multiple_choice', key);
    expect(gradeQuestion(question, { optionIds: ['a', 'a', 'c'] })).toEqual({ cents: 100, correct: true });
  });
  describe('with partial credit', () => {
    const question = q('multiple_choice', key, { points: 4, partialCredit: true });
    it('gives each right option its share', () => {
      expect(gradeQuestion(question, { optionIds: ['a'] })).toEqual({ cents: 200, correct: false });
      expect(gradeQuestion(question, { optionIds: ['a', 'c'] })).toEqual({ cents: 400, correct: true });
    });
    it('takes a share away for each wrong option, floored at zero', () => {
      expect(gradeQuestion(question, { optionIds: ['a', 'c', 'b'] })).toEqual({ cents: 200, correct: false });
      expect(gradeQuestion(question, { optionIds: ['a', 'b'] }).cents).toBe(0);
      expect(gradeQuestion(question, { optionIds: ['b', 'd'] }).cents).toBe(0);
    });
    it('gives nothing for ticking every box when there are as many wrong options as right ones', () => {
      expect(gradeQuestion(question, { optionIds: ['a', 'b', 'c', 'd'] }).cents).toBe(0);
    });
    it('rounds a share to hundredths of a point', () => {
      const thirds = q('multiple_choice', { optionIds: ['a', 'b', 'c'] }, { points: 1, partialCredit: true });
      expect(gradeQuestion(thirds, { optionIds: ['a'] }).cents).toBe(33);
      expect(gradeQuestion(thirds, { optionIds: ['a', 'b'] }).cents).toBe(67);
      expect(gradeQuestion(thirds, { optionIds: ['a', 'b', 'c'] }).cents).toBe(100);
    });
    it('does not apply to single-choice questions', () => {
      const single = q('single_choice', { optionIds: ['a'] }, { partialCredit: true });
      expect(gradeQuestion(single, { optionIds: ['a', 'b'] }).cents).toBe(0);
    });
  });
});

describe('true/false', () => {
  it('matches the boolean exactly', () => {
    const question = q('true_false', { value: false }, { points: 5 });
    expect(gradeQuestion(question, { value: false })).toEqual({ cents: 500, correct: true });
    expect(gradeQuestion(question, { value: true }).correct).toBe(false);
    expect(gradeQuestion(question, undefined).correct).toBe(false);
    expect(gradeQuestion(question, { text: 'false' }).correct).toBe(false);
  });
});

describe('short answer', () => {
  const key = (o: Partial<{ accepted: string[]; caseSensitive: boolean; pattern: string | null }>) =>
    q('short_answer', { accepted: [], caseSensitive: false, pattern: null, ...o });

  it('compares trimmed, with whitespace collapsed and case ignored', () => {
    const question = key({ accepted: ['New  York', 'NYC'] });
    for (const text of ['new york', '  New York  ', 'NEW\tYORK', 'new\n york', 'nyc'])
      expect(gradeQuestion(question, { text }).correct, text).toBe(true);
    for (const text of ['newyork', 'New York City', '', '   '])
      expect(gradeQuestion(question, { text }).correct, text).toBe(false);
  });
  it('respects case when the question says so', () => {
    const question = key({ accepted: ['pH'], caseSensitive: true });
    expect(gradeQuestion(question, { text: ' pH ' }).correct).toBe(true);
    expect(gradeQuestion(question, { text: 'PH' }).correct).toBe(false);
  });
  it('treats composed and decomposed accents alike', () => {
    const question = key({ accepted: ['café'] });
    expect(gradeQuestion(question, { text: 'cafe\u0301' }).correct).toBe(true);
  });
  it('matches a pattern against the whole answer, case-insensitively unless told', () => {
    const question = key({ pattern: 'colou?r' });
    expect(gradeQuestion(question, { text: 'Color' }).correct).toBe(true);
    expect(gradeQuestion(question, { text: 'colour' }).correct).toBe(true);
    expect(gradeQuestion(question, { text: 'colours' }).correct).toBe(false);
    expect(gradeQuestion(question, { text: 'the color' }).correct).toBe(false);
    expect(gradeQuestion(key({ pattern: 'colou?r', caseSensitive: true }), { text: 'Color' }).correct).toBe(
      false,
    );
  });
  it('accepts either an accepted answer or the pattern', () => {
    const question = key({ accepted: ['forty-two'], pattern: '4\\s*2' });
    expect(gradeQuestion(question, { text: 'Forty-Two' }).correct).toBe(true);
    expect(gradeQuestion(question, { text: '4 2' }).correct).toBe(true);
    expect(gradeQuestion(question, { text: '43' }).correct).toBe(false);
  });
  it('runs a catastrophic-backtracking pattern in linear time', () => {
    const question = key({ pattern: '(a+)+$' });
    const started = performance.now();
    expect(gradeQuestion(question, { text: `${'a'.repeat(499)}!` }).correct).toBe(false);
    expect(performance.now() - started).toBeLessThan(1000);
  });
  it('refuses answers longer than the cap and gives nothing for a stored bad pattern', () => {
    expect(gradeQuestion(key({ pattern: 'a+' }), { text: 'a'.repeat(501) }).correct).toBe(false);
    expect(gradeQuestion(key({ pattern: '(' }), { text: '(' }).correct).toBe(false);
  });
  it('gives nothing for a response of another type', () => {
    expect(gradeQuestion(key({ accepted: ['1'] }), { value: 1 } as never).correct).toBe(false);
  });
});

describe('patternProblem', () => {
  it('accepts RE2 patterns and explains the ones it refuses', () => {
    expect(patternProblem('colou?r')).toBeNull();
    expect(patternProblem('[A-Z]{2}\\d{4}')).toBeNull();
    expect(patternProblem('(')).toMatch(/not valid/);
    expect(patternProblem('(\\w)\\1')).toMatch(/not valid/);
    expect(patternProblem('(?=x)y')).toMatch(/not valid/);
    expect(patternProblem('(a{1000}){1000}')).toMatch(/not valid/);
    expect(patternProblem('a'.repeat(201))).toMatch(/at most 200/);
  });
});

describe('normalizeAnswerText', () => {
  it('trims, collapses whitespace and lower-cases unless case-sensitive', () => {
    expect(normalizeAnswerText('  A \n B  ', false)).toBe('a b');
    expect(normalizeAnswerText('  A \n B  ', true)).toBe('A B');
  });
});

describe('parseNumericInput', () => {
  it('reads a dot or a comma as the decimal separator', () => {
    expect(parseNumericInput('3.14')).toBe(3.14);
    expect(parseNumericInput('3,14')).toBe(3.14);
    expect(parseNumericInput(' -0,5 ')).toBe(-0.5);
    expect(parseNumericInput('+7')).toBe(7);
    expect(parseNumericInput('.5')).toBe(0.5);
    expect(parseNumericInput('5.')).toBe(5);
  });
  it('reads exponents, spaces between digits, the minus sign and Urdu/Arabic digits', () => {
    expect(parseNumericInput('2.5e3')).toBe(2500);
    expect(parseNumericInput('1E-2')).toBe(0.01);
    expect(parseNumericInput('1 000 000')).toBe(1_000_000);
    expect(parseNumericInput('\u22124')).toBe(-4);
    expect(parseNumericInput('۳٫۱۴')).toBe(3.14);
    expect(parseNumericInput('٤٢')).toBe(42);
  });
  it('refuses thousands separators, words, several separators and empty input', () => {
    for (const bad of [
      '1,000.5',
      '1.000,5',
      '1.2.3',
      'abc',
      '',
      ' ',
      '3.14abc',
      '0x10',
      'Infinity',
      'NaN',
      '--1',
    ])
      expect(parseNumericInput(bad), bad).toBeNull();
    expect(parseNumericInput('1'.repeat(51))).toBeNull();
  });
});

describe('numeric', () => {
  it('accepts answers within the absolute tolerance, inclusive', () => {
    const question = q('numeric', { value: 9.81, tolerance: 0.05 }, { points: 2 });
    expect(gradeQuestion(question, { text: '9.81', value: 9.81 })).toEqual({ cents: 200, correct: true });
    expect(gradeQuestion(question, { text: '9.86', value: 9.86 }).correct).toBe(true);
    expect(gradeQuestion(question, { text: '9.76', value: 9.76 }).correct).toBe(true);
    expect(gradeQuestion(question, { text: '9.87', value: 9.87 }).correct).toBe(false);
    expect(gradeQuestion(question, { text: '', value: undefined } as never).correct).toBe(false);
    expect(gradeQuestion(question, undefined).correct).toBe(false);
  });
  it('needs the exact value with no tolerance, allowing for floating-point noise', () => {
    const question = q('numeric', { value: 0.3, tolerance: 0 });
    expect(gradeQuestion(question, { text: '', value: 0.1 + 0.2 }).correct).toBe(true);
    expect(gradeQuestion(question, { text: '', value: 0.30001 }).correct).toBe(false);
  });
});

describe('scoreAttempt', () => {
  it('adds the points and rounds the percent down', () => {
    const s = scoreAttempt(
      [
        { cents: 100, points: 1 },
        { cents: 67, points: 1 },
        { cents: 0, points: 1 },
      ],
      55,
    );
    expect(s).toEqual({ scoreCents: 167, maxPoints: 3, percent: 55, passed: true });
  });
  it('passes exactly at the pass mark and fails just below it', () => {
    const at = scoreAttempt([{ cents: 700, points: 10 }], 70);
    expect(at).toMatchObject({ percent: 70, passed: true });
    const below = scoreAttempt([{ cents: 699, points: 10 }], 70);
    expect(below).toMatchObject({ percent: 69, passed: false });
  });
  it('scores 100 only for full marks, and passes a 0 % pass mark even with no points', () => {
    expect(scoreAttempt([{ cents: 200, points: 2 }], 100)).toMatchObject({ percent: 100, passed: true });
    expect(scoreAttempt([{ cents: 199, points: 2 }], 100)).toMatchObject({ percent: 99, passed: false });
    expect(scoreAttempt([{ cents: 0, points: 2 }], 0)).toMatchObject({ percent: 0, passed: true });
  });
  it('never passes an empty attempt', () => {
    expect(scoreAttempt([], 0)).toEqual({ scoreCents: 0, maxPoints: 0, percent: 0, passed: false });
  });
  it('computes percents of awkward fractions exactly', () => {
    // 29 of 100 points: 0.29 * 100 is 28.999… in floating point, but the percent is 29.
    expect(scoreAttempt([{ cents: 2900, points: 100 }], 29)).toMatchObject({ percent: 29, passed: true });
  });
});
