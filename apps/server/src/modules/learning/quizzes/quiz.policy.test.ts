import { describe, expect, it } from 'vitest';
import {
  attemptSize,
  attemptsLeft,
  cutoffOf,
  DEADLINE_GRACE_MS,
  deadlineFor,
  drawQuestions,
  isTimeUp,
  orderedOptions,
  shuffled,
} from './quiz.policy.ts';

/** A "random" source that always picks the lowest index: Fisher–Yates then rotates deterministically. */
const first = () => 0;
const opts = (...ids: string[]) => ids.map((id) => ({ id, text: id.toUpperCase() }));
const pool = [
  { id: 'q1', type: 'single_choice' as const, options: opts('a', 'b', 'c') },
  { id: 'q2', type: 'true_false' as const, options: [] },
  { id: 'q3', type: 'multiple_choice' as const, options: opts('x', 'y') },
  { id: 'q4', type: 'numeric' as const, options: [] },
];

describe('shuffled', () => {
  it('returns a permutation and leaves the input alone', () => {
    const input = [1, 2, 3, 4, 5];
    const out = shuffled(input, (n) => Math.floor(Math.random() * n));
    expect([...out].sort()).toEqual(input);
    expect(input).toEqual([1, 2, 3, 4, 5]);
    expect(shuffled(input, first)).toEqual([2, 3, 4, 5, 1]);
  });
});

describe('drawQuestions', () => {
  it('takes every question in bank order with the options as written when nothing is shuffled', () => {
    const drawn = drawQuestions(
      pool,
      { questionCount: null, shuffleQuestions: false, shuffleOptions: false },
      first,
    );
    expect(drawn).toEqual([
      { questionId: 'q1', optionIds: ['a', 'b', 'c'] },
      { questionId: 'q2', optionIds: [] },
      { questionId: 'q3', optionIds: ['x', 'y'] },
      { questionId: 'q4', optionIds: [] },
    ]);
  });
  it('samples the question count, keeping bank order unless questions are shuffled', () => {
    const drawn = drawQuestions(
      pool,
      { questionCount: 2, shuffleQuestions: false, shuffleOptions: false },
      first,
    );
    expect(drawn.map((d) => d.questionId)).toEqual(['q2', 'q3']);
    const many = new Set<string>();
    for (let i = 0; i < 200; i += 1) {
      const d = drawQuestions(pool, { questionCount: 2, shuffleQuestions: true, shuffleOptions: true }, (n) =>
        Math.floor(Math.random() * n),
      );
      expect(new Set(d.map((x) => x.questionId)).size).toBe(2);
      many.add(d.map((x) => x.questionId).join());
    }
    // 12 ordered pairs are possible; 200 draws see most of them.
    expect(many.size).toBeGreaterThan(6);
  });
  it('shuffles only the options of choice questions', () => {
    const drawn = drawQuestions(
      pool,
      { questionCount: null, shuffleQuestions: false, shuffleOptions: true },
      first,
    );
    expect(drawn[0]?.optionIds).toEqual(['b', 'c', 'a']);
    expect(drawn[1]?.optionIds).toEqual([]);
  });
  it('never draws more than the pool holds', () => {
    expect(
      drawQuestions(pool, { questionCount: 10, shuffleQuestions: true, shuffleOptions: true }, first),
    ).toHaveLength(4);
    expect(attemptSize({ questionCount: 10 }, 4)).toBe(4);
    expect(attemptSize({ questionCount: 3 }, 4)).toBe(3);
    expect(attemptSize({ questionCount: null }, 4)).toBe(4);
  });
});

describe('orderedOptions', () => {
  it('follows the attempt’s order, drops removed options and appends new ones', () => {
    expect(orderedOptions(opts('a', 'b', 'c', 'd'), ['c', 'z', 'a', 'b']).map((o) => o.id)).toEqual([
      'c',
      'a',
      'b',
      'd',
    ]);
  });
});

describe('deadlines', () => {
  const start = new Date('2026-01-01T10:00:00Z');
  it('puts the deadline a time limit after the start, and none without a limit', () => {
    expect(deadlineFor(start, 90)?.toISOString()).toBe('2026-01-01T10:01:30.000Z');
    expect(deadlineFor(start, null)).toBeNull();
  });
  it('allows the grace after the deadline, then time is up', () => {
    const a = { deadlineAt: deadlineFor(start, 60) };
    const at = (ms: number) => new Date(start.getTime() + ms);
    expect(cutoffOf(a)?.getTime()).toBe(start.getTime() + 60_000 + DEADLINE_GRACE_MS);
    expect(isTimeUp(a, at(60_000))).toBe(false);
    expect(isTimeUp(a, at(60_000 + DEADLINE_GRACE_MS))).toBe(false);
    expect(isTimeUp(a, at(60_001 + DEADLINE_GRACE_MS))).toBe(true);
    expect(isTimeUp({ deadlineAt: null }, at(10 ** 12))).toBe(false);
  });
});

describe('attemptsLeft', () => {
  it('counts down to zero, or is unlimited', () => {
    expect(attemptsLeft(3, 1)).toBe(2);
    expect(attemptsLeft(3, 5)).toBe(0);
    expect(attemptsLeft(null, 99)).toBeNull();
  });
});
