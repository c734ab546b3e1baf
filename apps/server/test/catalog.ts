import { randomBytes } from 'node:crypto';
import type { Role } from '@9tangle/contracts';
import type { UserRow } from '../src/db/schema/index.ts';
import { buildCourse, buildLesson, buildSection, buildUser } from '../src/seed/factories.ts';
import type { Client, TestApp } from './harness.ts';
import { signInAs } from './sign-in.ts';

/**
 * A word nobody else's rows contain (letters only, so full-text search sees one token): tests on a
 * shared database search for it instead of assuming what else is there.
 */
export function uniqueWord(prefix = 'zq'): string {
  return (
    prefix +
    randomBytes(6)
      .toString('hex')
      .replace(/\d/g, (d) => 'ghijklmnop'[Number(d)] as string)
  );
}

/** A factory-built user of `role`, signed in through the API. */
export async function signedIn(t: TestApp, role: Role): Promise<{ user: UserRow; client: Client }> {
  const user = await buildUser(t.platform.database.db, { role });
  return { user, client: await signInAs(t, user) };
}

/** A published course with one section and one lesson (so it is a course that could be published). */
export async function publishedCourse(
  t: TestApp,
  o: Omit<Parameters<typeof buildCourse>[1], 'status'> & { lessonContent?: string; videoUrl?: string },
) {
  const { lessonContent, videoUrl, ...course } = o;
  const db = t.platform.database.db;
  const row = await buildCourse(db, { ...course, status: 'published' });
  const section = await buildSection(db, { courseId: row.id });
  const lesson = await buildLesson(db, {
    sectionId: section.id,
    contentHtml: lessonContent,
    videoUrl: videoUrl ?? null,
    type: videoUrl ? 'video' : 'text',
  });
  return { course: row, section, lesson };
}

/** A draft course made through the studio API, with one section and one lesson, ready to publish. */
export async function studioCourse(client: Client, body: Record<string, unknown> = {}) {
  const created = await client.post('/api/studio/courses', { title: `Course ${uniqueWord()}`, ...body });
  if (created.statusCode !== 201) throw new Error(`create failed: ${created.statusCode} ${created.body}`);
  const course = created.json() as { id: string; slug: string };
  const section = (
    await client.post(`/api/studio/courses/${course.id}/sections`, { title: 'Basics' })
  ).json();
  const lesson = (
    await client.post(`/api/studio/sections/${section.id}/lessons`, { title: 'First lesson', type: 'text' })
  ).json();
  return { course, section: section as { id: string }, lesson: lesson as { id: string } };
}
