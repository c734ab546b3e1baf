import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/harness.ts';
import { answersFor, QUESTIONS, quizCourse } from '../../../../test/quiz.ts';
import { signInAs } from '../../../../test/sign-in.ts';
import { buildLesson, buildUser } from '../../../seed/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

/** A student with the given name, enrolled in the course, signed in. */
async function student(slug: string, name: string) {
  const user = await buildUser(t.platform.database.db, { name });
  const client = await signInAs(t, user);
  const res = await client.post(`/api/courses/${slug}/enroll`);
  if (res.statusCode !== 201) throw new Error(res.body);
  return { user, client };
}

async function takeQuiz(
  client: Awaited<ReturnType<typeof student>>['client'],
  lessonId: string,
  right: number,
) {
  const attempt = (await client.post(`/api/learning/lessons/${lessonId}/quiz/attempts`)).json();
  const res = await client.post(`/api/learning/quiz-attempts/${attempt.id}/submit`, {
    answers: answersFor(attempt, right),
  });
  return res.json();
}

describe('the gradebook', () => {
  it('shows students × quizzes (best score, attempts, passed), a page at a time', async () => {
    const { course, quiz, section, instructor } = await quizCourse(t, {
      questions: QUESTIONS.slice(0, 4),
      settings: { passPercent: 75 },
    });
    const second = await buildLesson(t.platform.database.db, {
      sectionId: section.id,
      title: 'Final quiz',
      type: 'quiz',
    });
    const ayesha = await student(course.slug, 'Ayesha Khan');
    const bilal = await student(course.slug, 'bilal Ahmed');
    const chen = await student(course.slug, 'Chen Mei');
    await takeQuiz(ayesha.client, quiz.id, 2);
    await takeQuiz(ayesha.client, quiz.id, 4);
    await takeQuiz(bilal.client, quiz.id, 1);
    await bilal.client.post(`/api/learning/lessons/${second.id}/quiz/attempts`);

    const res = await instructor.client.get(`/api/studio/courses/${course.id}/gradebook?limit=2`);
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page.quizzes).toEqual([
      { lessonId: quiz.id, title: 'Check yourself', sectionTitle: section.title },
      { lessonId: second.id, title: 'Final quiz', sectionTitle: section.title },
    ]);
    expect(page.pageInfo).toEqual({ page: 1, limit: 2, total: 3, pages: 2 });
    // By name, ignoring case.
    expect(page.rows.map((r: { student: { name: string } }) => r.student.name)).toEqual([
      'Ayesha Khan',
      'bilal Ahmed',
    ]);
    expect(page.rows[0].cells[0]).toMatchObject({
      attempts: 2,
      bestPercent: 100,
      passed: true,
      inProgress: false,
    });
    expect(page.rows[0].cells[0].lastSubmittedAt).toEqual(expect.any(String));
    expect(page.rows[0].cells[1]).toEqual({
      lessonId: second.id,
      attempts: 0,
      inProgress: false,
      bestPercent: null,
      passed: false,
      lastSubmittedAt: null,
    });
    expect(page.rows[1].cells[0]).toMatchObject({ attempts: 1, bestPercent: 25, passed: false });
    expect(page.rows[1].cells[1]).toMatchObject({ attempts: 0, inProgress: true });
    expect(page.rows[0]).toMatchObject({ enrollmentStatus: 'active', student: { email: ayesha.user.email } });

    const next = (
      await instructor.client.get(`/api/studio/courses/${course.id}/gradebook?page=2&limit=2`)
    ).json();
    expect(next.rows.map((r: { student: { id: string } }) => r.student.id)).toEqual([chen.user.id]);
    expect(next.rows[0].cells.every((c: { attempts: number }) => c.attempts === 0)).toBe(true);

    for (const q of ['page=0', 'limit=101', 'page=x'])
      expect(
        (await instructor.client.get(`/api/studio/courses/${course.id}/gradebook?${q}`)).statusCode,
      ).toBe(400);
  });

  it('exports CSV with a BOM, RFC 4180 quoting and cells a spreadsheet will not run', async () => {
    const { course, quiz, instructor } = await quizCourse(t, { questions: QUESTIONS.slice(0, 2) });
    const evil = await student(course.slug, '=HYPERLINK("http://x","y")');
    const comma = await student(course.slug, 'Khan, Ayesha');
    await takeQuiz(evil.client, quiz.id, 2);
    await takeQuiz(comma.client, quiz.id, 1);

    const res = await instructor.client.get(`/api/studio/courses/${course.id}/gradebook.csv`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="gradebook-${course.slug}.csv"`);
    expect(res.body.startsWith('\uFEFF')).toBe(true);
    const lines = res.body.slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'Student,Email,Enrolled at,Enrollment,Course completed at,Check yourself: best %,Check yourself: attempts,Check yourself: passed',
    );
    expect(lines).toHaveLength(4); // header, two students, the final empty line
    expect(lines[3]).toBe('');
    const evilLine = lines.find((l) => l.includes(evil.user.email)) as string;
    expect(evilLine.startsWith(`"'=HYPERLINK(""http://x"",""y"")",${evil.user.email},`)).toBe(true);
    expect(evilLine.endsWith(',active,,100,1,yes')).toBe(true);
    const commaLine = lines.find((l) => l.includes(comma.user.email)) as string;
    expect(commaLine.startsWith(`"Khan, Ayesha",${comma.user.email},`)).toBe(true);
    expect(commaLine.endsWith(',50,1,no')).toBe(true);
  });
});

describe('attempts in the studio', () => {
  it('lists a course’s attempts (filtered, paged) and shows one with its answers and grading', async () => {
    const { course, quiz, instructor, questions } = await quizCourse(t, {
      questions: QUESTIONS.slice(0, 2),
      settings: { shuffleQuestions: false },
    });
    const a = await student(course.slug, 'Student A');
    const b = await student(course.slug, 'Student B');
    const done = await takeQuiz(a.client, quiz.id, 1);
    await takeQuiz(b.client, quiz.id, 2);

    const all = (await instructor.client.get(`/api/studio/courses/${course.id}/quiz-attempts`)).json();
    expect(all.pageInfo.total).toBe(2);
    const mine = (
      await instructor.client.get(
        `/api/studio/courses/${course.id}/quiz-attempts?userId=${a.user.id}&lessonId=${quiz.id}`,
      )
    ).json();
    expect(mine.items).toEqual([
      expect.objectContaining({
        id: done.id,
        attemptNumber: 1,
        status: 'submitted',
        scorePercent: 50,
        passed: false,
        lessonId: quiz.id,
        lessonTitle: 'Check yourself',
        student: { id: a.user.id, name: 'Student A', email: a.user.email },
      }),
    ]);
    expect(
      (await instructor.client.get(`/api/studio/courses/${course.id}/quiz-attempts?userId=x`)).statusCode,
    ).toBe(400);

    const detail = await instructor.client.get(`/api/studio/quiz-attempts/${done.id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({ scorePoints: 1, maxPoints: 2, passPercent: 70 });
    const [first, second] = detail.json().questions;
    expect(first).toMatchObject({
      question: { id: questions[0]?.id, type: 'single_choice', answer: { optionIds: ['b'] } },
      response: { optionIds: ['b'] },
      pointsAwarded: 1,
      correct: true,
    });
    expect(second).toMatchObject({ response: { optionIds: ['c'] }, pointsAwarded: 0, correct: false });
    expect(
      (await instructor.client.get('/api/studio/quiz-attempts/00000000-0000-4000-8000-000000000000'))
        .statusCode,
    ).toBe(404);
  });
});
