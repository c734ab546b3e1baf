import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '../../../../test/catalog.ts';
import { Client, createTestApp, type TestApp } from '../../../../test/harness.ts';
import { enrolledStudent, QUESTIONS, quizCourse } from '../../../../test/quiz.ts';
import { signInAs } from '../../../../test/sign-in.ts';
import { manualClock } from '../../../platform/clock.ts';
import { buildUser } from '../../../seed/factories.ts';

const clock = manualClock(new Date('2026-06-01T09:00:00Z'));
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(async () => t?.close());

describe('the quiz routes: who may call them', () => {
  it('answers 401 without a session, 403 unverified, 404 to a student not enrolled or for a lesson that is not a quiz', async () => {
    const { course, quiz, text } = await quizCourse(t, { questions: QUESTIONS.slice(0, 1) });
    const anonymous = new Client(t.app);
    const unverified = await signInAs(t, await buildUser(t.platform.database.db, { verified: false }));
    const outsider = await signedIn(t, 'student');
    const student = await enrolledStudent(t, course.slug);
    const started = await student.client.post(`/api/learning/lessons/${quiz.id}/quiz/attempts`);
    expect(started.statusCode).toBe(201);
    const attemptId = started.json().id as string;
    const routes: [string, string, unknown?][] = [
      ['GET', `/api/learning/lessons/${quiz.id}/quiz`],
      ['POST', `/api/learning/lessons/${quiz.id}/quiz/attempts`, {}],
      ['GET', `/api/learning/quiz-attempts/${attemptId}`],
      ['PUT', `/api/learning/quiz-attempts/${attemptId}/answers`, { answers: [] }],
      ['POST', `/api/learning/quiz-attempts/${attemptId}/submit`, {}],
    ];
    for (const [method, url, body] of routes) {
      expect((await anonymous.request(method, url, body)).statusCode, `${method} ${url}`).toBe(401);
      const u = await unverified.request(method, url, body);
      expect(u.statusCode, `${method} ${url}`).toBe(403);
      expect(u.json().error.code).toBe('email_not_verified');
      const o = await outsider.client.request(method, url, body);
      expect(o.statusCode, `${method} ${url}`).toBe(404);
      expect(o.json().error.code).toBe('not_found');
    }
    // A lesson that is not a quiz has no quiz.
    expect((await student.client.get(`/api/learning/lessons/${text.id}/quiz`)).statusCode).toBe(404);
    expect((await student.client.post(`/api/learning/lessons/${text.id}/quiz/attempts`)).statusCode).toBe(
      404,
    );
    // The attempt is still open and untouched.
    expect((await student.client.get(`/api/learning/quiz-attempts/${attemptId}`)).json().status).toBe(
      'in_progress',
    );
  });

  it('answers 403 lesson_locked for a quiz that has not opened yet', async () => {
    const { course, quiz } = await quizCourse(t, { questions: QUESTIONS.slice(0, 1), dripDays: 7 });
    const student = await enrolledStudent(t, course.slug);
    for (const res of [
      await student.client.get(`/api/learning/lessons/${quiz.id}/quiz`),
      await student.client.post(`/api/learning/lessons/${quiz.id}/quiz/attempts`),
    ]) {
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('lesson_locked');
      expect(new Date(res.json().error.details.availableAt).getTime()).toBe(
        clock.now().getTime() + 7 * 86_400_000,
      );
    }
  });

  it('answers 400 for bad ids and bodies', async () => {
    const { course, quiz } = await quizCourse(t, { questions: QUESTIONS.slice(0, 1) });
    const student = await enrolledStudent(t, course.slug);
    expect((await student.client.get('/api/learning/lessons/not-a-uuid/quiz')).statusCode).toBe(400);
    const { id } = (await student.client.post(`/api/learning/lessons/${quiz.id}/quiz/attempts`)).json();
    for (const body of [{}, { answers: 'x' }, { answers: [{ questionId: 'nope', response: null }] }]) {
      const res = await student.client.request('PUT', `/api/learning/quiz-attempts/${id}/answers`, body);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
    const other = await student.client.request(
      'GET',
      '/api/learning/quiz-attempts/00000000-0000-4000-8000-000000000000',
    );
    expect(other.statusCode).toBe(404);
  });

  it('keeps one student out of another’s attempt', async () => {
    const { course, quiz } = await quizCourse(t, { questions: QUESTIONS.slice(0, 1) });
    const a = await enrolledStudent(t, course.slug);
    const b = await enrolledStudent(t, course.slug);
    const { id } = (await a.client.post(`/api/learning/lessons/${quiz.id}/quiz/attempts`)).json();
    expect((await b.client.get(`/api/learning/quiz-attempts/${id}`)).statusCode).toBe(404);
    expect((await b.client.post(`/api/learning/quiz-attempts/${id}/submit`, {})).statusCode).toBe(404);
    const save = await b.client.request('PUT', `/api/learning/quiz-attempts/${id}/answers`, { answers: [] });
    expect(save.statusCode).toBe(404);
  });
});
