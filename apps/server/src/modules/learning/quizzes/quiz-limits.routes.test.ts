import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../../test/harness.ts';
import { answersFor, enrolledStudent, QUESTIONS, quizCourse } from '../../../../test/quiz.ts';
import { manualClock } from '../../../platform/clock.ts';

const clock = manualClock(new Date('2026-07-01T09:00:00Z'));
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(async () => t?.close());

const put = (client: Client, id: string, answers: unknown) =>
  client.request('PUT', `/api/learning/quiz-attempts/${id}/answers`, { answers });

describe('the time limit', () => {
  it('sets the deadline from the server clock, refuses answers after it (and its grace) and grades on the next read', async () => {
    const { course, quiz } = await quizCourse(t, {
      questions: QUESTIONS.slice(0, 3),
      settings: { timeLimitSeconds: 60, shuffleQuestions: false, passPercent: 50 },
    });
    const student = await enrolledStudent(t, course.slug);
    const attempt = (await student.client.post(`/api/learning/lessons/${quiz.id}/quiz/attempts`)).json();
    expect(attempt.deadlineAt).toBe(new Date(clock.now().getTime() + 60_000).toISOString());
    expect(attempt.serverNow).toBe(clock.now().toISOString());
    const [first, second, third] = answersFor(attempt, 3);

    clock.advance(30_000);
    expect((await put(student.client, attempt.id, [first])).statusCode).toBe(200);
    // Four seconds past the deadline: still within the grace for latency.
    clock.advance(34_000);
    expect((await put(student.client, attempt.id, [second])).statusCode).toBe(200);
    // Past the grace: refused.
    clock.advance(2_000);
    const late = await put(student.client, attempt.id, [third]);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('attempt_time_up');

    // Reading it grades it, as it stood: two of three right, ended at the deadline.
    const read = await student.client.get(`/api/learning/quiz-attempts/${attempt.id}`);
    expect(read.json()).toMatchObject({
      status: 'submitted',
      submittedAt: attempt.deadlineAt,
      result: { scorePoints: 2, maxPoints: 3, scorePercent: 66, passed: true },
    });
    expect(read.json().progress).toMatchObject({ lessonCompleted: true });
    const intro = (await student.client.get(`/api/learning/lessons/${quiz.id}/quiz`)).json();
    expect(intro).toMatchObject({ attemptsUsed: 1, openAttempt: null, passed: true, timeLimitSeconds: 60 });
  });

  it('grades an expired attempt with the answers saved in time when a late submit brings more', async () => {
    const { course, quiz } = await quizCourse(t, {
      questions: QUESTIONS.slice(0, 2),
      settings: { timeLimitSeconds: 30, shuffleQuestions: false },
    });
    const student = await enrolledStudent(t, course.slug);
    const attempt = (await student.client.post(`/api/learning/lessons/${quiz.id}/quiz/attempts`)).json();
    const [first, second] = answersFor(attempt, 2);
    await put(student.client, attempt.id, [first]);
    clock.advance(40_000);
    const res = await student.client.post(`/api/learning/quiz-attempts/${attempt.id}/submit`, {
      answers: [first, second],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().result).toMatchObject({
      scorePoints: 1,
      maxPoints: 2,
      scorePercent: 50,
      passed: false,
    });
    expect(res.json().answers).toHaveLength(1);
  });

  it('takes a final answer sent with the submission inside the grace', async () => {
    const { course, quiz } = await quizCourse(t, {
      questions: QUESTIONS.slice(0, 1),
      settings: { timeLimitSeconds: 30 },
    });
    const student = await enrolledStudent(t, course.slug);
    const attempt = (await student.client.post(`/api/learning/lessons/${quiz.id}/quiz/attempts`)).json();
    clock.advance(32_000);
    const res = await student.client.post(`/api/learning/quiz-attempts/${attempt.id}/submit`, {
      answers: answersFor(attempt, 1),
    });
    expect(res.json().result).toMatchObject({ scorePercent: 100, passed: true });
    expect(res.json().submittedAt).toBe(clock.now().toISOString());
  });

  it('grades an expired attempt before starting the next one', async () => {
    const { course, quiz } = await quizCourse(t, {
      questions: QUESTIONS.slice(0, 1),
      settings: { timeLimitSeconds: 30, attemptLimit: 3 },
    });
    const student = await enrolledStudent(t, course.slug);
    const first = (await student.client.post(`/api/learning/lessons/${quiz.id}/quiz/attempts`)).json();
    clock.advance(60_000);
    const next = await student.client.post(`/api/learning/lessons/${quiz.id}/quiz/attempts`);
    expect(next.statusCode).toBe(201);
    expect(next.json()).toMatchObject({ attemptNumber: 2, status: 'in_progress' });
    const old = (await student.client.get(`/api/learning/quiz-attempts/${first.id}`)).json();
    expect(old).toMatchObject({ status: 'submitted', result: { scorePercent: 0, passed: false } });
  });
});

describe('the attempt limit', () => {
  it('answers 409 attempt_limit_reached once every attempt is used, and says so in the intro', async () => {
    const { course, quiz } = await quizCourse(t, {
      questions: QUESTIONS.slice(0, 2),
      settings: { attemptLimit: 2, passPercent: 100 },
    });
    const student = await enrolledStudent(t, course.slug);
    for (let i = 0; i < 2; i += 1) {
      const a = (await student.client.post(`/api/learning/lessons/${quiz.id}/quiz/attempts`)).json();
      expect(a.attemptNumber).toBe(i + 1);
      const r = await student.client.post(`/api/learning/quiz-attempts/${a.id}/submit`, {
        answers: answersFor(a, i),
      });
      expect(r.json().result.passed).toBe(false);
    }
    const intro = (await student.client.get(`/api/learning/lessons/${quiz.id}/quiz`)).json();
    expect(intro).toMatchObject({
      attemptLimit: 2,
      attemptsUsed: 2,
      attemptsLeft: 0,
      bestPercent: 50,
      canStart: false,
    });
    expect(intro.attempts.map((a: { attemptNumber: number }) => a.attemptNumber)).toEqual([2, 1]);
    const res = await student.client.post(`/api/learning/lessons/${quiz.id}/quiz/attempts`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('attempt_limit_reached');
  });
});

describe('passing completes the quiz lesson and the course', () => {
  it('fails, then passes on the retake: the lesson completes, and with every other lesson done, the course', async () => {
    const { course, quiz, text } = await quizCourse(t, {
      questions: QUESTIONS,
      settings: { passPercent: 80 },
    });
    const student = await enrolledStudent(t, course.slug);
    // A quiz cannot be completed by a click.
    const click = await student.client.post(`/api/learning/lessons/${quiz.id}/complete`);
    expect(click.json().error.code).toBe('quiz_not_passed');
    expect((await student.client.post(`/api/learning/lessons/${text.id}/complete`)).statusCode).toBe(200);

    const first = (await student.client.post(`/api/learning/lessons/${quiz.id}/quiz/attempts`)).json();
    const failed = await student.client.post(`/api/learning/quiz-attempts/${first.id}/submit`, {
      answers: answersFor(first, 2),
    });
    expect(failed.json().result.passed).toBe(false);
    expect(failed.json().progress).toBeNull();
    let outline = (await student.client.get(`/api/learning/courses/${course.slug}`)).json();
    expect(outline.enrollment).toMatchObject({ progressPercent: 50, completedAt: null });

    const second = (await student.client.post(`/api/learning/lessons/${quiz.id}/quiz/attempts`)).json();
    expect(second.attemptNumber).toBe(2);
    const passed = await student.client.post(`/api/learning/quiz-attempts/${second.id}/submit`, {
      answers: answersFor(second, 5),
    });
    expect(passed.json().result).toMatchObject({ scorePercent: 100, passed: true });
    expect(passed.json().progress).toEqual({
      lessonCompleted: true,
      courseCompleted: true,
      progressPercent: 100,
      completedLessons: 2,
    });
    outline = (await student.client.get(`/api/learning/courses/${course.slug}`)).json();
    expect(outline.enrollment.completedAt).toBe(clock.now().toISOString());
    const lesson = outline.sections[0].lessons.find((l: { id: string }) => l.id === quiz.id);
    expect(lesson.completed).toBe(true);

    // A later failed retake does not take the pass back.
    const third = (await student.client.post(`/api/learning/lessons/${quiz.id}/quiz/attempts`)).json();
    await student.client.post(`/api/learning/quiz-attempts/${third.id}/submit`, {
      answers: answersFor(third, 0),
    });
    const intro = (await student.client.get(`/api/learning/lessons/${quiz.id}/quiz`)).json();
    expect(intro).toMatchObject({ passed: true, bestPercent: 100, attemptsUsed: 3 });
    outline = (await student.client.get(`/api/learning/courses/${course.slug}`)).json();
    expect(outline.enrollment.progressPercent).toBe(100);
  });
});
