import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/harness.ts';
import { QUESTIONS, QUIZ_SETTINGS, quizCourse } from '../../../../test/quiz.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const SETTINGS = QUIZ_SETTINGS;

describe('quiz settings', () => {
  it('shows the defaults until saved, then saves settings that fit the bank', async () => {
    const inPools = [
      { ...QUESTIONS[2], pool: 'a' },
      { ...QUESTIONS[2], pool: 'a' },
      { ...QUESTIONS[2], pool: 'b' },
    ] as typeof QUESTIONS;
    const { quiz, instructor, course } = await quizCourse(t, { questions: inPools });
    const first = await instructor.client.get(`/api/studio/lessons/${quiz.id}/quiz`);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({
      ...SETTINGS,
      lessonId: quiz.id,
      courseId: course.id,
      configured: false,
      available: 3,
      pools: [
        { pool: 'a', count: 2 },
        { pool: 'b', count: 1 },
      ],
    });
    const saved = await instructor.client.request('PUT', `/api/studio/lessons/${quiz.id}/quiz`, {
      ...SETTINGS,
      pool: 'a',
      questionCount: 2,
      passPercent: 80,
      attemptLimit: 3,
      timeLimitSeconds: 600,
      shuffleOptions: false,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({
      pool: 'a',
      questionCount: 2,
      attemptLimit: 3,
      configured: true,
      available: 2,
    });
    expect((await instructor.client.get(`/api/studio/lessons/${quiz.id}/quiz`)).json()).toMatchObject({
      passPercent: 80,
      timeLimitSeconds: 600,
      shuffleOptions: false,
    });
  });

  it('answers 400 for settings the bank cannot meet or out of range, 409 for a lesson that is not a quiz', async () => {
    const { quiz, text, instructor } = await quizCourse(t, { questions: QUESTIONS.slice(0, 2) });
    const url = `/api/studio/lessons/${quiz.id}/quiz`;
    const cases: [Record<string, unknown>, string][] = [
      [{ questionCount: 3 }, 'questionCount'],
      [{ pool: 'nowhere' }, 'pool'],
      [{ passPercent: 101 }, 'passPercent'],
      [{ timeLimitSeconds: 5 }, 'timeLimitSeconds'],
      [{ attemptLimit: 0 }, 'attemptLimit'],
      [{ surprise: true }, ''],
    ];
    for (const [patch, field] of cases) {
      const res = await instructor.client.request('PUT', url, { ...SETTINGS, ...patch });
      expect(res.statusCode, JSON.stringify(patch)).toBe(400);
      if (field) expect(res.json().error.details[0].path[0]).toBe(field);
    }
    const notQuiz = await instructor.client.request('PUT', `/api/studio/lessons/${text.id}/quiz`, SETTINGS);
    expect(notQuiz.statusCode).toBe(409);
    expect(notQuiz.json().error.code).toBe('lesson_not_quiz');
    expect((await instructor.client.get(`/api/studio/lessons/${text.id}/quiz`)).statusCode).toBe(409);
  });
});
