import type { LightMyRequestResponse } from 'fastify';
import type { Clock } from '../src/platform/clock.ts';
import { buildCourse, buildLesson, buildSection, buildUser } from '../src/seed/factories.ts';
import type { Client, TestApp } from './harness.ts';
import { FILES, pattern, upload } from './media.ts';
import { signInAs } from './sign-in.ts';

const DAY = 86_400_000;

/**
 * A published paid course with: a released PDF lesson with a resource, a preview video lesson, a
 * lesson that drips after 3 days and one released next week (each with a file), uploaded by its
 * instructor through the studio.
 */
export async function paidCourse(t: TestApp, clock: Clock, o: { status?: 'published' | 'draft' } = {}) {
  const db = t.platform.database.db;
  const instructor = await buildUser(db, { role: 'instructor' });
  const course = await buildCourse(db, {
    instructorId: instructor.id,
    status: o.status ?? 'published',
    priceMinor: 500_000,
  });
  const section = await buildSection(db, { courseId: course.id });
  const lesson = (
    type: 'pdf' | 'video',
    extra: Parameters<typeof buildLesson>[1] extends infer P ? Partial<P> : never,
  ) => buildLesson(db, { sectionId: section.id, type, contentHtml: null, ...extra });
  const pdf = await lesson('pdf', { title: 'Reading' });
  const preview = await lesson('video', { title: 'Welcome', isPreview: true });
  const drip = await lesson('pdf', { title: 'Week two', dripDays: 3 });
  const later = await lesson('video', {
    title: 'Next week',
    releaseAt: new Date(clock.now().getTime() + 7 * DAY),
  });
  const owner = await signInAs(t, instructor);
  const put = async (lessonId: string, data: Buffer, name: string, what: 'file' | 'resources' = 'file') => {
    const res = await upload(t, owner, `/api/studio/lessons/${lessonId}/${what}`, data, name);
    if (res.statusCode >= 300) throw new Error(`upload failed: ${res.body}`);
    const media = res.json();
    return (what === 'file' ? media.file.id : media.resources.at(-1).id) as string;
  };
  const video = Buffer.concat([FILES.mp4, pattern(3000)]);
  const files = {
    pdf: await put(pdf.id, FILES.pdf, 'reading.pdf'),
    resource: await put(pdf.id, FILES.csv, 'data.csv', 'resources'),
    preview: await put(preview.id, video, 'welcome.mp4'),
    drip: await put(drip.id, FILES.pdf, 'week2.pdf'),
    dripResource: await put(drip.id, FILES.pdf, 'week2-extra.pdf', 'resources'),
    later: await put(later.id, video, 'next.mp4'),
  };
  return { course, instructor, owner, lessons: { pdf, preview, drip, later }, files, video };
}

/** GET a stored file as a client (or anonymously, with null), with extra request headers. */
export function getFile(
  t: TestApp,
  client: Client | null,
  id: string,
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  return client
    ? client.request('GET', `/api/files/media/${id}`, undefined, headers)
    : t.app.inject({ method: 'GET', url: `/api/files/media/${id}`, headers });
}

/** A factory-built, verified student, signed in. */
export async function verifiedStudent(t: TestApp) {
  const user = await buildUser(t.platform.database.db, { role: 'student' });
  return { user, client: await signInAs(t, user) };
}
