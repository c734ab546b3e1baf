import { buildCourse, buildUser } from '../src/seed/factories.ts';
import type { TestApp } from './harness.ts';

/** A published paid course (PKR 5,000 unless told) by a fresh instructor. */
export async function paidCourse(
  t: TestApp,
  o: {
    priceMinor?: number;
    currency?: 'PKR' | 'USD';
    status?: 'published' | 'draft';
    categoryId?: string;
  } = {},
) {
  const db = t.platform.database.db;
  const instructor = await buildUser(db, { role: 'instructor' });
  return buildCourse(db, {
    instructorId: instructor.id,
    priceMinor: o.priceMinor ?? 500_000,
    currency: o.currency ?? 'PKR',
    status: o.status ?? 'published',
    categoryId: o.categoryId ?? null,
  });
}

/** Give a user active access to a course, as a paid order's fulfilment would. */
export async function grantCourse(t: TestApp, userId: string, courseId: string) {
  await t.platform.database.raw.query(
    `insert into enrollments (user_id, course_id, source) values ($1, $2, 'admin')`,
    [userId, courseId],
  );
}
