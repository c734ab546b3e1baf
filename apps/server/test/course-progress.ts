import type { UserRow } from '../src/db/schema/index.ts';
import { buildCourse, buildLesson, buildSection, buildUser } from '../src/seed/factories.ts';
import { uniqueWord } from './catalog.ts';
import type { Client, TestApp } from './harness.ts';
import { signInAs } from './sign-in.ts';

/**
 * A free published course (two lessons) by a fresh instructor, plus `o.coInstructor` when asked. The
 * title carries a unique word, so catalog searches find exactly the courses a test made.
 */
export async function freeCourse(t: TestApp, o: { title?: string; coInstructor?: boolean } = {}) {
  const db = t.platform.database.db;
  const instructor = await buildUser(db, { role: 'instructor' });
  const co = o.coInstructor ? await buildUser(db, { role: 'instructor' }) : null;
  const course = await buildCourse(db, {
    instructorId: instructor.id,
    coInstructorIds: co ? [co.id] : [],
    title: o.title ?? `Course ${uniqueWord()}`,
    status: 'published',
  });
  const section = await buildSection(db, { courseId: course.id });
  const lessons = [
    await buildLesson(db, { sectionId: section.id }),
    await buildLesson(db, { sectionId: section.id }),
  ];
  return { course, instructor, coInstructor: co, lessons };
}

/** A verified student, signed in through the API. */
export async function student(
  t: TestApp,
  o: { name?: string } = {},
): Promise<{ user: UserRow; client: Client }> {
  const user = await buildUser(t.platform.database.db, {
    role: 'student',
    ...(o.name ? { name: o.name } : {}),
  });
  return { user, client: await signInAs(t, user) };
}

/** Enroll the student in the free course through the API. */
export async function enroll(client: Client, slug: string): Promise<void> {
  const res = await client.post(`/api/courses/${slug}/enroll`);
  if (res.statusCode !== 201 && res.statusCode !== 200)
    throw new Error(`enroll failed: ${res.statusCode} ${res.body}`);
}

/** Enroll and complete every lesson through the API (the last completion issues the certificate). */
export async function completeCourse(
  client: Client,
  c: { course: { slug: string }; lessons: { id: string }[] },
) {
  await enroll(client, c.course.slug);
  for (const lesson of c.lessons) {
    const res = await client.post(`/api/learning/lessons/${lesson.id}/complete`);
    if (res.statusCode !== 200) throw new Error(`complete failed: ${res.statusCode} ${res.body}`);
  }
}
