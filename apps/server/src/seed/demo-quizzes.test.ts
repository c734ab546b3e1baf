import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '../../test/catalog.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { seedDemo } from './demo.ts';
import { DEMO_QUIZZES } from './demo-quizzes.ts';

let t: TestApp;
beforeAll(async () => {
  // Always a fresh embedded database: the demo seeds only an empty academy.
  t = await createTestApp({ env: { DATABASE_URL: '' } });
});
afterAll(async () => t?.close());

describe('the demo quizzes', () => {
  it('give two demo courses a quiz lesson with its bank and settings, ready to take', async () => {
    expect(
      await seedDemo(t.platform.database.db, {
        storage: t.platform.storage,
        timeZone: t.config.siteTimeZone,
      }),
    ).toBe(true);
    const { rows } = await t.platform.database.raw.query<{
      slug: string;
      lesson_id: string;
      price_minor: number;
      pool: string;
      questions: number;
    }>(
      `select c.slug, l.id as lesson_id, c.price_minor, s.pool,
         (select count(*)::int from quiz_questions q where q.course_id = c.id and q.pool = s.pool) as questions
       from lessons l join courses c on c.id = l.course_id join quiz_settings s on s.lesson_id = l.id
       where l.type = 'quiz' order by c.slug`,
    );
    expect(rows.map((r) => [r.pool, r.questions])).toEqual([
      ['freelancing-basics', DEMO_QUIZZES.freelancing?.questions.length],
      ['pandas', DEMO_QUIZZES.pandas?.questions.length],
    ]);
    // The free one can be taken at once by a new student.
    const free = rows.find((r) => r.price_minor === 0);
    if (!free) throw new Error('no free demo course with a quiz');
    const student = await signedIn(t, 'student');
    expect((await student.client.post(`/api/courses/${free.slug}/enroll`)).statusCode).toBe(201);
    const attempt = await student.client.post(`/api/learning/lessons/${free.lesson_id}/quiz/attempts`);
    expect(attempt.statusCode).toBe(201);
    expect(attempt.json().questions).toHaveLength(5);
  });
});
