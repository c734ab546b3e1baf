import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/harness.ts';
import { answersFor, enrolledStudent, QUESTIONS, quizCourse, RIGHT, SECRETS } from '../../../../test/quiz.ts';
import { manualClock } from '../../../platform/clock.ts';

const clock = manualClock(new Date('2026-06-01T09:00:00Z'));
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(async () => t?.close());

/** Every object key anywhere in a JSON value. */
function keysOf(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) keysOf(v, into);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      into.add(k);
      keysOf(v, into);
    }
  return into;
}
/** Fails when a response body holds anything only an answer key or an explanation holds. */
function expectNoKey(body: string, what: string) {
  for (const secret of [SECRETS.explanation, SECRETS.accepted, 'PATTERNSECRETqx', String(SECRETS.numeric)])
    expect(body, `${what} leaks ${secret}`).not.toContain(secret);
  const keys = keysOf(JSON.parse(body));
  for (const k of [
    'answer',
    'accepted',
    'pattern',
    'tolerance',
    'explanationHtml',
    'correctAnswer',
    'correct',
    'partialCredit',
  ])
    expect(keys.has(k), `${what} has a "${k}" field`).toBe(false);
}

describe('taking a quiz', () => {
  it('walks the whole flow without an answer key in any response before submission', async () => {
    const { course, quiz, questions, instructor } = await quizCourse(t, {
      settings: { passPercent: 60, showCorrectAnswers: true },
    });
    const student = await enrolledStudent(t, course.slug);
    const bodies: [string, string][] = [];
    const call = async (method: string, url: string, body?: unknown) => {
      const res = await student.client.request(method, url, body);
      bodies.push([`${method} ${url}`, res.body]);
      return res;
    };

    const intro = await call('GET', `/api/learning/lessons/${quiz.id}/quiz`);
    expect(intro.statusCode).toBe(200);
    expect(intro.json()).toMatchObject({
      questionCount: 5,
      passPercent: 60,
      attemptLimit: null,
      attemptsUsed: 0,
      attemptsLeft: null,
      bestPercent: null,
      passed: false,
      openAttempt: null,
      ready: true,
      canStart: true,
    });
    const lesson = await call('GET', `/api/learning/lessons/${quiz.id}`);
    expect(lesson.statusCode).toBe(200);

    const start = await call('POST', `/api/learning/lessons/${quiz.id}/quiz/attempts`);
    expect(start.statusCode).toBe(201);
    const attempt = start.json();
    expect(attempt).toMatchObject({
      status: 'in_progress',
      attemptNumber: 1,
      deadlineAt: null,
      result: null,
    });
    expect(attempt.questions.map((q: { id: string }) => q.id).sort()).toEqual(
      questions.map((q) => q.id).sort(),
    );
    const single = attempt.questions.find((q: { type: string }) => q.type === 'single_choice');
    expect(single.options.map((o: { id: string }) => o.id).sort()).toEqual(['a', 'b', 'c']);
    expect(single.options[0]).toEqual({ id: expect.any(String), text: expect.any(String) });

    // A second start resumes the open attempt.
    const again = await call('POST', `/api/learning/lessons/${quiz.id}/quiz/attempts`);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(attempt.id);

    // Answer all right but the multiple choice (half right: one of two right options).
    const answers = answersFor(attempt, 5).map((a) =>
      a.response === RIGHT.multiple_choice ? { ...a, response: { optionIds: ['a'] } } : a,
    );
    const saved = await call('PUT', `/api/learning/quiz-attempts/${attempt.id}/answers`, { answers });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual({ saved: 5, savedAt: clock.now().toISOString() });
    const read = await call('GET', `/api/learning/quiz-attempts/${attempt.id}`);
    expect(read.json().answers).toHaveLength(5);
    expect(read.json().answers).toContainEqual({
      questionId: questions[4]?.id,
      response: { text: '271828,3', value: 271828.3 },
    });
    const midway = await call('GET', `/api/learning/lessons/${quiz.id}/quiz`);
    expect(midway.json().openAttempt.id).toBe(attempt.id);

    for (const [what, body] of bodies) expectNoKey(body, what);

    // The instructor archives a question mid-attempt: the attempt (and its results) still show it.
    const archived = await instructor.client.post(`/api/studio/questions/${questions[0]?.id}/archive`);
    expect(archived.statusCode).toBe(200);

    const submit = await student.client.post(`/api/learning/quiz-attempts/${attempt.id}/submit`, {});
    expect(submit.statusCode).toBe(200);
    const done = submit.json();
    // 1 + 0.5 + 1 + 1 + 2 = 5.5 of 6 points: 91 %.
    expect(done.result).toMatchObject({
      scorePoints: 5.5,
      maxPoints: 6,
      scorePercent: 91,
      passed: true,
      passPercent: 60,
    });
    expect(done.status).toBe('submitted');
    expect(done.questions).toHaveLength(5);
    const feedback = new Map(done.result.questions.map((f: { questionId: string }) => [f.questionId, f]));
    expect(feedback.get(questions[1]?.id)).toMatchObject({
      pointsAwarded: 0.5,
      correct: false,
      correctAnswer: { optionIds: ['a', 'b'] },
    });
    expect(feedback.get(questions[0]?.id)).toMatchObject({ pointsAwarded: 1, correct: true });
    expect(feedback.get(questions[3]?.id)).toMatchObject({
      correctAnswer: { accepted: [SECRETS.accepted] },
      explanationHtml: `<p>${SECRETS.explanation} four</p>`,
    });
    expect(done.progress).toMatchObject({ lessonCompleted: true });

    // A double submit counts once: the same result, no second grading.
    const twice = await student.client.post(`/api/learning/quiz-attempts/${attempt.id}/submit`, {});
    expect(twice.statusCode).toBe(200);
    expect(twice.json().result).toEqual(done.result);
    expect(twice.json().progress).toBeNull();
    const after = (await student.client.get(`/api/learning/lessons/${quiz.id}/quiz`)).json();
    expect(after).toMatchObject({ attemptsUsed: 1, bestPercent: 91, passed: true, openAttempt: null });
    // Answers can no longer change.
    const late = await student.client.request('PUT', `/api/learning/quiz-attempts/${attempt.id}/answers`, {
      answers,
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('attempt_submitted');
  });

  it('hides correct answers and explanations in the results when the quiz says so', async () => {
    const { course, quiz } = await quizCourse(t, { settings: { showCorrectAnswers: false } });
    const student = await enrolledStudent(t, course.slug);
    const attempt = (await student.client.post(`/api/learning/lessons/${quiz.id}/quiz/attempts`)).json();
    const res = await student.client.post(`/api/learning/quiz-attempts/${attempt.id}/submit`, {
      answers: answersFor(attempt, 5),
    });
    expect(res.json().result).toMatchObject({ scorePercent: 100, passed: true, showCorrectAnswers: false });
    for (const f of res.json().result.questions)
      expect(f).toMatchObject({ correct: true, correctAnswer: null, explanationHtml: null });
    expect(res.body).not.toContain(SECRETS.explanation);
  });

  it('grades answers saved before together with the last ones sent with the submission', async () => {
    const { course, quiz } = await quizCourse(t, { settings: { shuffleQuestions: false, passPercent: 60 } });
    const student = await enrolledStudent(t, course.slug);
    const attempt = (await student.client.post(`/api/learning/lessons/${quiz.id}/quiz/attempts`)).json();
    const right = answersFor(attempt, 5);
    const wrong = answersFor(attempt, 0);
    // Saved earlier: 1 and 2 right, 3 wrong, 4 right. Sent with the submission: 3 right, 4 cleared
    // (3 of 6 points: one of the last two questions is worth 2).
    const early = [right[0], right[1], wrong[2], right[3]];
    const saved = await student.client.request('PUT', `/api/learning/quiz-attempts/${attempt.id}/answers`, {
      answers: early,
    });
    expect(saved.statusCode).toBe(200);
    const last = [right[2], { questionId: right[3]?.questionId, response: null }];
    const res = await student.client.post(`/api/learning/quiz-attempts/${attempt.id}/submit`, {
      answers: last,
    });
    expect(res.statusCode).toBe(200);
    const ids = attempt.questions.map((q: { id: string }) => q.id);
    const expected = { result: { scorePercent: 50, passed: false } };
    expect(res.json()).toMatchObject(expected);
    const correct = (body: { result: { questions: { questionId: string; correct: boolean }[] } }) =>
      ids.map((id: string) => body.result.questions.find((q) => q.questionId === id)?.correct);
    expect(correct(res.json())).toEqual([true, true, true, false, false]);
    expect(res.json().answers.map((a: { questionId: string }) => a.questionId)).toEqual(ids.slice(0, 3));
    // What was stored is what was answered: read back, the same grades and answers.
    const again = await student.client.get(`/api/learning/quiz-attempts/${attempt.id}`);
    expect(again.json()).toMatchObject(expected);
    expect(correct(again.json())).toEqual([true, true, true, false, false]);
    expect(again.json().answers).toEqual(res.json().answers);
    expect(again.json().result).toEqual(res.json().result);
  });

  it('refuses answers that do not fit their question', async () => {
    const { course, quiz } = await quizCourse(t, { settings: { shuffleQuestions: false } });
    const student = await enrolledStudent(t, course.slug);
    const attempt = (await student.client.post(`/api/learning/lessons/${quiz.id}/quiz/attempts`)).json();
    const [single, multiple, tf, short, numeric] = attempt.questions.map((q: { id: string }) => q.id);
    const cases = [
      { questionId: single, response: { optionIds: ['a', 'b'] } },
      { questionId: single, response: { optionIds: ['z'] } },
      { questionId: multiple, response: { value: true } },
      { questionId: tf, response: { optionIds: ['a'] } },
      { questionId: short, response: { value: false } },
      { questionId: numeric, response: { text: 'three' } },
      { questionId: numeric, response: { text: '1,000.5' } },
      { questionId: '00000000-0000-4000-8000-000000000000', response: null },
    ];
    for (const answer of cases) {
      const res = await student.client.request('PUT', `/api/learning/quiz-attempts/${attempt.id}/answers`, {
        answers: [answer],
      });
      expect(res.statusCode, JSON.stringify(answer)).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
      expect(res.json().error.details[0].path[0]).toBe('answers');
    }
    const tooLong = await student.client.request('PUT', `/api/learning/quiz-attempts/${attempt.id}/answers`, {
      answers: [{ questionId: short, response: { text: 'x'.repeat(501) } }],
    });
    expect(tooLong.statusCode).toBe(400);
    // Nothing was saved; a cleared answer (null) is fine.
    const clear = await student.client.request('PUT', `/api/learning/quiz-attempts/${attempt.id}/answers`, {
      answers: [
        { questionId: single, response: { optionIds: ['b'] } },
        { questionId: single, response: null },
      ],
    });
    expect(clear.statusCode).toBe(200);
    expect((await student.client.get(`/api/learning/quiz-attempts/${attempt.id}`)).json().answers).toEqual(
      [],
    );
  });

  it('answers 409 quiz_not_ready when the bank has no questions for the quiz', async () => {
    const { course, quiz } = await quizCourse(t, { questions: [] });
    const student = await enrolledStudent(t, course.slug);
    expect((await student.client.get(`/api/learning/lessons/${quiz.id}/quiz`)).json()).toMatchObject({
      ready: false,
      canStart: false,
      questionCount: 0,
    });
    const res = await student.client.post(`/api/learning/lessons/${quiz.id}/quiz/attempts`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('quiz_not_ready');
  });

  it('draws the question count at random from its pool only, a new draw per attempt', async () => {
    const inPool = Array.from({ length: 6 }, (_, i) => ({
      type: 'true_false' as const,
      pool: 'week-1',
      promptHtml: `<p>Statement ${i}</p>`,
      answer: { value: true },
    }));
    const elsewhere = {
      ...inPool[0],
      pool: 'week-2',
      promptHtml: '<p>Other pool</p>',
    } as (typeof inPool)[number];
    const { course, quiz, questions } = await quizCourse(t, {
      questions: [...inPool, elsewhere],
      settings: { pool: 'week-1', questionCount: 3, passPercent: 100 },
    });
    const poolIds = new Set(questions.slice(0, 6).map((q) => q.id));
    const student = await enrolledStudent(t, course.slug);
    const draws = new Set<string>();
    for (let i = 0; i < 4; i += 1) {
      const attempt = (await student.client.post(`/api/learning/lessons/${quiz.id}/quiz/attempts`)).json();
      const ids = attempt.questions.map((q: { id: string }) => q.id);
      expect(ids).toHaveLength(3);
      expect(new Set(ids).size).toBe(3);
      for (const id of ids) expect(poolIds.has(id)).toBe(true);
      draws.add([...ids].sort().join());
      await student.client.post(`/api/learning/quiz-attempts/${attempt.id}/submit`, {});
    }
    // Four draws of 3 among 6 (20 possible sets) are all the same with a chance of 1 in 8,000.
    expect(draws.size).toBeGreaterThan(1);
  });

  it('returns the same attempt to concurrent starts', async () => {
    const { course, quiz } = await quizCourse(t, { questions: QUESTIONS.slice(0, 2) });
    const student = await enrolledStudent(t, course.slug);
    const url = `/api/learning/lessons/${quiz.id}/quiz/attempts`;
    const results = await Promise.all([
      student.client.post(url),
      student.client.post(url),
      student.client.post(url),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 200, 201]);
    expect(new Set(results.map((r) => r.json().id)).size).toBe(1);
  });
});
