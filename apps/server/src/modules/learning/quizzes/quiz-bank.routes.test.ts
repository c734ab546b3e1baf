import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '../../../../test/catalog.ts';
import { Client, createTestApp, type TestApp } from '../../../../test/harness.ts';
import {
  answersFor,
  createQuestion,
  enrolledStudent,
  QUESTIONS,
  QUIZ_SETTINGS,
  quizCourse,
} from '../../../../test/quiz.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const SETTINGS = QUIZ_SETTINGS;

describe('studio quiz routes: who may call them', () => {
  it('answers 401 without a session and 404 to a student or another instructor, for every route', async () => {
    const { course, quiz, questions, instructor } = await quizCourse(t, { questions: QUESTIONS.slice(0, 2) });
    const student = await enrolledStudent(t, course.slug);
    const attempt = (await student.client.post(`/api/learning/lessons/${quiz.id}/quiz/attempts`)).json();
    const other = await signedIn(t, 'instructor');
    const q = questions[0]?.id;
    const routes: [string, string, unknown?][] = [
      ['GET', `/api/studio/courses/${course.id}/questions`],
      ['POST', `/api/studio/courses/${course.id}/questions`, QUESTIONS[0]],
      ['POST', `/api/studio/courses/${course.id}/questions/reorder`, { pool: 'general', ids: [q] }],
      ['GET', `/api/studio/questions/${q}`],
      ['PUT', `/api/studio/questions/${q}`, QUESTIONS[0]],
      ['DELETE', `/api/studio/questions/${q}`],
      ['POST', `/api/studio/questions/${q}/archive`, {}],
      ['POST', `/api/studio/questions/${q}/unarchive`, {}],
      ['GET', `/api/studio/lessons/${quiz.id}/quiz`],
      ['PUT', `/api/studio/lessons/${quiz.id}/quiz`, SETTINGS],
      ['GET', `/api/studio/courses/${course.id}/gradebook`],
      ['GET', `/api/studio/courses/${course.id}/gradebook.csv`],
      ['GET', `/api/studio/courses/${course.id}/quiz-attempts`],
      ['GET', `/api/studio/quiz-attempts/${attempt.id}`],
    ];
    for (const [method, url, body] of routes) {
      expect((await new Client(t.app).request(method, url, body)).statusCode, `${method} ${url}`).toBe(401);
      expect((await student.client.request(method, url, body)).statusCode, `${method} ${url}`).toBe(404);
      const res = await other.client.request(method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.json().error.code).toBe('not_found');
    }
    // Nothing changed.
    const list = (await instructor.client.get(`/api/studio/courses/${course.id}/questions`)).json();
    expect(list.items).toHaveLength(2);
    expect(list.items.every((i: { archivedAt: string | null }) => i.archivedAt === null)).toBe(true);
  });

  it('lets an admin work on any course’s bank', async () => {
    const { course } = await quizCourse(t, { questions: [] });
    const admin = await signedIn(t, 'admin');
    expect(
      (await admin.client.post(`/api/studio/courses/${course.id}/questions`, QUESTIONS[2])).statusCode,
    ).toBe(201);
  });
});

describe('the question bank', () => {
  it('creates every type, sanitizes rich text and lists pools with their counts', async () => {
    const { course, instructor } = await quizCourse(t, { questions: [] });
    const created = [];
    for (const q of QUESTIONS) created.push(await createQuestion(instructor.client, course.id, q));
    const tricky = await instructor.client.post(`/api/studio/courses/${course.id}/questions`, {
      type: 'true_false',
      pool: 'week-2',
      promptHtml: '<p onclick="x()">Safe?</p><script>alert(1)</script>',
      explanationHtml: '<img src="javascript:alert(1)"><p>Because.</p>',
      answer: { value: false },
      points: 3,
    });
    expect(tricky.statusCode).toBe(201);
    expect(tricky.json()).toMatchObject({
      promptHtml: '<p>Safe?</p>',
      explanationHtml: '<p>Because.</p>',
      options: [],
      pool: 'week-2',
      points: 3,
      partialCredit: false,
      position: 0,
      inUse: false,
    });
    const list = (await instructor.client.get(`/api/studio/courses/${course.id}/questions`)).json();
    expect(list.pools).toEqual([
      { pool: 'general', count: 5 },
      { pool: 'week-2', count: 1 },
    ]);
    expect(list.items.map((i: { position: number }) => i.position)).toEqual([0, 1, 2, 3, 4, 0]);
    const multiple = list.items.find((i: { type: string }) => i.type === 'multiple_choice');
    expect(multiple).toMatchObject({ partialCredit: true, answer: { optionIds: ['a', 'b'] } });
    const numeric = list.items.find((i: { type: string }) => i.type === 'numeric');
    expect(numeric.answer).toEqual({ value: 271828.125, tolerance: 0.5 });
    expect((await instructor.client.get(`/api/studio/questions/${created[3]?.id}`)).json().answer).toEqual({
      accepted: ['ACCEPTEDSECRETqx'],
      caseSensitive: false,
      pattern: 'PATTERNSECRETqx\\d+',
    });
  });

  it('answers 400 with the field for invalid questions', async () => {
    const { course, instructor } = await quizCourse(t, { questions: [] });
    const two = [
      { id: 'a', text: 'A' },
      { id: 'b', text: 'B' },
    ];
    const cases: [unknown, string][] = [
      [{ type: 'essay', promptHtml: '<p>x</p>', answer: {} }, 'type'],
      [
        { type: 'single_choice', promptHtml: '<p>x</p>', options: [two[0]], answer: { optionIds: ['a'] } },
        'options',
      ],
      [
        { type: 'single_choice', promptHtml: '<p>x</p>', options: two, answer: { optionIds: ['z'] } },
        'answer',
      ],
      [
        { type: 'single_choice', promptHtml: '<p>x</p>', options: two, answer: { optionIds: ['a', 'b'] } },
        'answer',
      ],
      [
        {
          type: 'multiple_choice',
          promptHtml: '<p>x</p>',
          options: [two[0], two[0]],
          answer: { optionIds: ['a'] },
        },
        'options',
      ],
      [
        { type: 'multiple_choice', promptHtml: '<p>x</p>', options: two, answer: { optionIds: [] } },
        'answer',
      ],
      [{ type: 'short_answer', promptHtml: '<p>x</p>', answer: { accepted: [] } }, 'answer'],
      [{ type: 'short_answer', promptHtml: '<p>x</p>', answer: { pattern: '(\\w)\\1' } }, 'answer'],
      [{ type: 'short_answer', promptHtml: '<p>x</p>', answer: { pattern: 'a'.repeat(201) } }, 'answer'],
      [{ type: 'numeric', promptHtml: '<p>x</p>', answer: { value: 1, tolerance: -1 } }, 'answer'],
      [{ type: 'true_false', promptHtml: '<script>only()</script>', answer: { value: true } }, 'promptHtml'],
      [{ type: 'true_false', promptHtml: '<p>x</p>', answer: { value: true }, points: 0 }, 'points'],
      [{ type: 'true_false', promptHtml: '<p>x</p>', answer: { value: 'yes' } }, 'answer'],
    ];
    for (const [body, field] of cases) {
      const res = await instructor.client.post(`/api/studio/courses/${course.id}/questions`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
      expect(
        res.json().error.details.map((d: { path: string[] }) => d.path[0]),
        JSON.stringify(body),
      ).toContain(field);
    }
    const bad = await instructor.client.post(`/api/studio/courses/${course.id}/questions`, {
      type: 'short_answer',
      promptHtml: '<p>x</p>',
      answer: { pattern: '(?=lookahead)' },
    });
    expect(bad.json().error.details[0].message).toMatch(/RE2 syntax/);
    expect((await instructor.client.get(`/api/studio/courses/${course.id}/questions`)).json().items).toEqual(
      [],
    );
  });

  it('edits a question, moves it to another pool, and reorders a pool', async () => {
    const { course, instructor, questions } = await quizCourse(t, { questions: QUESTIONS.slice(0, 3) });
    const [a, b, c] = questions.map((q) => q.id);
    const edited = await instructor.client.request('PUT', `/api/studio/questions/${a}`, {
      ...QUESTIONS[0],
      promptHtml: '<p>Which planet is the largest of all?</p>',
      points: 4,
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({
      promptHtml: '<p>Which planet is the largest of all?</p>',
      points: 4,
      position: 0,
    });
    const moved = await instructor.client.request('PUT', `/api/studio/questions/${c}`, {
      ...QUESTIONS[2],
      pool: 'extra',
    });
    expect(moved.json()).toMatchObject({ pool: 'extra', position: 0 });

    const reorder = await instructor.client.post(`/api/studio/courses/${course.id}/questions/reorder`, {
      pool: 'general',
      ids: [b, a],
    });
    expect(reorder.statusCode).toBe(200);
    expect(
      reorder
        .json()
        .items.filter((i: { pool: string }) => i.pool === 'general')
        .map((i: { id: string }) => i.id),
    ).toEqual([b, a]);
    for (const ids of [[b], [a, b, c], [a, a]]) {
      const res = await instructor.client.post(`/api/studio/courses/${course.id}/questions/reorder`, {
        pool: 'general',
        ids,
      });
      expect(res.statusCode).toBe(400);
    }
    expect(
      (await instructor.client.request('PUT', `/api/studio/questions/${a}`, { type: 'numeric' })).statusCode,
    ).toBe(400);
  });

  it('deletes a question nobody drew, and archives one that was drawn instead', async () => {
    const { course, quiz, instructor, questions } = await quizCourse(t, { questions: QUESTIONS.slice(0, 2) });
    const extra = await createQuestion(instructor.client, course.id, QUESTIONS[2] as never);
    expect((await instructor.client.delete(`/api/studio/questions/${extra.id}`)).statusCode).toBe(204);
    expect((await instructor.client.get(`/api/studio/questions/${extra.id}`)).statusCode).toBe(404);

    const student = await enrolledStudent(t, course.slug);
    const attempt = (await student.client.post(`/api/learning/lessons/${quiz.id}/quiz/attempts`)).json();
    const drawn = questions[0]?.id as string;
    expect((await instructor.client.get(`/api/studio/questions/${drawn}`)).json().inUse).toBe(true);
    const del = await instructor.client.delete(`/api/studio/questions/${drawn}`);
    expect(del.statusCode).toBe(409);
    expect(del.json().error.code).toBe('question_in_use');
    const retype = await instructor.client.request('PUT', `/api/studio/questions/${drawn}`, QUESTIONS[2]);
    expect(retype.statusCode).toBe(409);
    expect(retype.json().error.code).toBe('question_in_use');

    const archived = await instructor.client.post(`/api/studio/questions/${drawn}/archive`);
    expect(archived.json().archivedAt).not.toBeNull();
    const list = (await instructor.client.get(`/api/studio/courses/${course.id}/questions`)).json();
    expect(list.pools).toEqual([{ pool: 'general', count: 1 }]);
    expect(list.items.at(-1).id).toBe(drawn);
    // The open attempt still holds it and grades it.
    const done = await student.client.post(`/api/learning/quiz-attempts/${attempt.id}/submit`, {
      answers: answersFor(attempt, 2),
    });
    expect(done.json().questions.map((q: { id: string }) => q.id)).toContain(drawn);
    expect(done.json().result.scorePercent).toBe(100);
    // New attempts draw only active questions.
    const next = (await student.client.post(`/api/learning/lessons/${quiz.id}/quiz/attempts`)).json();
    expect(next.questions.map((q: { id: string }) => q.id)).toEqual([questions[1]?.id]);
    const back = await instructor.client.post(`/api/studio/questions/${drawn}/unarchive`);
    // Back at the end of its pool.
    expect(back.json()).toMatchObject({ archivedAt: null, position: 2 });
  });
});
