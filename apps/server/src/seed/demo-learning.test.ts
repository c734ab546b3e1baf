import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../../test/harness.ts';
import { seedDemo } from './demo.ts';
import { DEMO_COMPLETION, DEMO_REVIEWS } from './demo-learning.ts';

// A fresh embedded database in every mode: the demo seeds only an empty academy.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { DATABASE_URL: '' } });
  await seedDemo(t.platform.database.db, { storage: t.platform.storage, timeZone: t.config.siteTimeZone });
});
afterAll(async () => t?.close());

const sql = async <R>(text: string) =>
  (await t.platform.database.raw.query<R & Record<string, unknown>>(text)).rows;

describe('the demo academy’s learning', () => {
  it('has reviews whose figures on each course match them exactly', async () => {
    const rows = await sql<{
      title: string;
      rating_avg: string | null;
      rating_count: number;
      avg: string | null;
      n: number;
    }>(
      `select c.title, c.rating_avg, c.rating_count,
         (select round(avg(rating)::numeric, 2) from course_reviews r where r.course_id = c.id and hidden_at is null) as avg,
         (select count(*)::int from course_reviews r where r.course_id = c.id and hidden_at is null) as n
       from courses c`,
    );
    expect(rows.reduce((sum, r) => sum + r.n, 0)).toBe(DEMO_REVIEWS.length);
    for (const r of rows) {
      expect([r.rating_avg, r.rating_count], r.title).toEqual([r.avg, r.n]);
    }
    const js = (await new Client(t.app).get('/api/courses/modern-javascript-from-scratch/reviews')).json();
    expect(js.summary).toMatchObject({ count: 3, average: 4.67 });
    expect(js.items.some((r: { reply: unknown }) => r.reply !== null)).toBe(true);
  });

  it('has every reviewer enrolled, and the enrollment counts agree', async () => {
    const orphans = await sql<{ n: number }>(
      `select count(*)::int as n from course_reviews r where not exists
         (select 1 from enrollments e where e.user_id = r.user_id and e.course_id = r.course_id and e.status = 'active')`,
    );
    expect(orphans[0]?.n).toBe(0);
    const counts = await sql<{ enrollment_count: number; actual: number }>(
      `select enrollment_count, (select count(*)::int from enrollments e where e.course_id = c.id and status = 'active') as actual
       from courses c`,
    );
    for (const c of counts) expect(c.enrollment_count).toBe(c.actual);
  });

  it('has a student who completed a course and holds its certificate', async () => {
    const [cert] = await sql<{ code: string; student_name: string; course_title: string; progress: number }>(
      `select ce.code, ce.student_name, ce.course_title, e.progress_percent as progress
       from certificates ce join enrollments e on e.user_id = ce.user_id and e.course_id = ce.course_id`,
    );
    expect(cert).toMatchObject({
      student_name: DEMO_COMPLETION.student,
      course_title: DEMO_COMPLETION.course,
      progress: 100,
    });
    const res = await new Client(t.app).get(`/api/certificates/${cert?.code}`);
    expect(res.json()).toMatchObject({ status: 'valid', studentName: DEMO_COMPLETION.student });
  });
});
