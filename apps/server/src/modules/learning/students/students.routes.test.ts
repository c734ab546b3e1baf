import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishedCourse, signedIn, uniqueWord } from '../../../../test/catalog.ts';
import { Client, createTestApp, type TestApp } from '../../../../test/harness.ts';
import { buildLesson, buildUser } from '../../../seed/factories.ts';
import { enrollmentsRepo } from '../enrollments.repo.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const db = () => t.platform.database.db;
const DAY = 86_400_000;

/** A student enrolled in the course `daysAgo` days ago, with the given progress and activity. */
async function enroll(
  courseId: string,
  o: {
    name: string;
    email?: string;
    daysAgo: number;
    progress?: { completedLessons: number; progressPercent: number; completedAt?: Date };
    lastActiveDaysAgo?: number;
    expiresDaysAgo?: number;
    revoked?: boolean;
  },
) {
  const student = await buildUser(db(), { name: o.name, ...(o.email ? { email: o.email } : {}) });
  const now = new Date();
  const { row } = await enrollmentsRepo.upsertActive(db(), {
    userId: student.id,
    courseId,
    source: 'free',
    sourceRef: null,
    expiresAt: o.expiresDaysAgo === undefined ? null : new Date(now.getTime() - o.expiresDaysAgo * DAY),
    now: new Date(now.getTime() - o.daysAgo * DAY),
  });
  if (o.progress) await enrollmentsRepo.setProgress(db(), row.id, o.progress);
  if (o.lastActiveDaysAgo !== undefined)
    await enrollmentsRepo.touch(db(), row.id, null, new Date(now.getTime() - o.lastActiveDaysAgo * DAY));
  if (o.revoked) await enrollmentsRepo.revoke(db(), student.id, courseId, 'refund', now);
  return student;
}

/** An instructor's published course of two lessons, with three students in different states. */
async function classroom() {
  const owner = await signedIn(t, 'instructor');
  const word = uniqueWord();
  const { course, section } = await publishedCourse(t, {
    instructorId: owner.user.id,
    title: `Class ${word}`,
  });
  await buildLesson(db(), { sectionId: section.id });
  const ayesha = await enroll(course.id, {
    name: `Ayesha ${word}`,
    daysAgo: 10,
    progress: { completedLessons: 2, progressPercent: 100, completedAt: new Date() },
    lastActiveDaysAgo: 1,
  });
  const bilal = await enroll(course.id, {
    name: `Bilal ${word}`,
    daysAgo: 5,
    progress: { completedLessons: 1, progressPercent: 50 },
    lastActiveDaysAgo: 3,
    expiresDaysAgo: 1,
  });
  const chand = await enroll(course.id, { name: `Chand ${word}`, daysAgo: 1, revoked: true });
  return { owner, course, word, ayesha, bilal, chand };
}

const names = (body: { items: { student: { name: string } }[] }) =>
  body.items.map((r) => r.student.name.split(' ')[0]);

describe('GET /api/studio/courses/:id/students', () => {
  it('answers 401 signed out, 404 to a student and to an instructor of other courses, 400 to a bad query', async () => {
    const { course } = await classroom();
    const student = await signedIn(t, 'student');
    const other = await signedIn(t, 'instructor');
    const url = `/api/studio/courses/${course.id}/students`;
    expect((await new Client(t.app).get(url)).statusCode).toBe(401);
    expect((await student.client.get(url)).statusCode).toBe(404);
    const res = await other.client.get(url);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
    expect((await other.client.get('/api/studio/courses/not-a-uuid/students')).statusCode).toBe(400);
    const owner = await signedIn(t, 'instructor');
    expect((await owner.client.get(`${url}?sort=name`)).json().error.code).toBe('validation_failed');
    expect((await owner.client.get(`${url}?limit=500`)).statusCode).toBe(400);
  });

  it('lists each student with progress, lessons of total, dates and access; no email for an instructor', async () => {
    const { owner, course, ayesha, bilal } = await classroom();
    const res = await owner.client.get(`/api/studio/courses/${course.id}/students`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    // Newest enrollment first by default.
    expect(names(body)).toEqual(['Chand', 'Bilal', 'Ayesha']);
    expect(body.pageInfo).toEqual({ page: 1, limit: 20, total: 3, pages: 1 });
    expect(body.items.map((r: { access: string }) => r.access)).toEqual(['revoked', 'expired', 'active']);
    const first = body.items[2];
    expect(first).toMatchObject({
      student: { id: ayesha.id, name: ayesha.name, avatarUrl: null, email: null },
      course: { id: course.id, slug: course.slug, title: course.title },
      progressPercent: 100,
      completedLessons: 2,
      totalLessons: 2,
      expiresAt: null,
    });
    expect(Date.parse(first.completedAt)).not.toBeNaN();
    expect(Date.parse(first.lastActiveAt)).toBeLessThan(Date.now());
    expect(body.items[1]).toMatchObject({
      student: { id: bilal.id },
      completedAt: null,
      progressPercent: 50,
    });
    expect(body.items[0]).toMatchObject({ lastActiveAt: null, completedLessons: 0 });
    expect(JSON.stringify(body)).not.toContain('@example.test');
  });

  it('sorts by progress and by last activity (never-active last) and pages', async () => {
    const { owner, course } = await classroom();
    const url = `/api/studio/courses/${course.id}/students`;
    expect(names((await owner.client.get(`${url}?sort=progress`)).json())).toEqual([
      'Ayesha',
      'Bilal',
      'Chand',
    ]);
    expect(names((await owner.client.get(`${url}?sort=progress&order=asc`)).json())).toEqual([
      'Chand',
      'Bilal',
      'Ayesha',
    ]);
    expect(names((await owner.client.get(`${url}?sort=last_active`)).json())).toEqual([
      'Ayesha',
      'Bilal',
      'Chand',
    ]);
    expect(names((await owner.client.get(`${url}?sort=last_active&order=asc`)).json())).toEqual([
      'Bilal',
      'Ayesha',
      'Chand',
    ]);
    const second = (await owner.client.get(`${url}?sort=enrolled&order=asc&limit=2&page=2`)).json();
    expect(names(second)).toEqual(['Chand']);
    expect(second.pageInfo).toEqual({ page: 2, limit: 2, total: 3, pages: 2 });
    expect(names((await owner.client.get(`${url}?access=expired`)).json())).toEqual(['Bilal']);
  });

  it('searches names; an instructor finds an email only when it is given whole, an admin by any part', async () => {
    const owner = await signedIn(t, 'instructor');
    const { course } = await publishedCourse(t, { instructorId: owner.user.id });
    const word = uniqueWord();
    const email = `${word}@example.test`;
    await enroll(course.id, { name: 'Dania Percent_Sign', email, daysAgo: 1 });
    await enroll(course.id, { name: 'Esa Other', daysAgo: 2 });
    const url = `/api/studio/courses/${course.id}/students`;
    const find = async (client: Client, q: string) =>
      names((await client.get(`${url}?q=${encodeURIComponent(q)}`)).json());
    expect(await find(owner.client, 'dania')).toEqual(['Dania']);
    // `%` and `_` are letters, not wildcards.
    expect(await find(owner.client, '%')).toEqual([]);
    expect(await find(owner.client, 'percent_s')).toEqual(['Dania']);
    expect(await find(owner.client, word)).toEqual([]);
    expect(await find(owner.client, email.toUpperCase())).toEqual(['Dania']);
    const admin = await signedIn(t, 'admin');
    expect(await find(admin.client, word)).toEqual(['Dania']);
    const seen = (await admin.client.get(`${url}?q=${word}`)).json().items[0];
    expect(seen.student.email).toBe(email);
  });

  it('shows the students to every instructor of the course', async () => {
    const { course } = await classroom();
    const co = await signedIn(t, 'instructor');
    const owner = await signedIn(t, 'instructor');
    const { course: shared } = await publishedCourse(t, {
      instructorId: owner.user.id,
      coInstructorIds: [co.user.id],
    });
    await enroll(shared.id, { name: 'Farah Shared', daysAgo: 1 });
    expect(names((await co.client.get(`/api/studio/courses/${shared.id}/students`)).json())).toEqual([
      'Farah',
    ]);
    expect((await co.client.get(`/api/studio/courses/${course.id}/students`)).statusCode).toBe(404);
  });
});

describe('GET /api/studio/students', () => {
  it('answers 401 signed out, 404 to a student, 400 to a bad course id', async () => {
    expect((await new Client(t.app).get('/api/studio/students')).statusCode).toBe(401);
    expect((await (await signedIn(t, 'student')).client.get('/api/studio/students')).statusCode).toBe(404);
    const owner = await signedIn(t, 'instructor');
    expect((await owner.client.get('/api/studio/students?courseId=nope')).statusCode).toBe(400);
  });

  it('lists a student once per course, across my courses only', async () => {
    const owner = await signedIn(t, 'instructor');
    const word = uniqueWord();
    const { course: one } = await publishedCourse(t, { instructorId: owner.user.id, title: `One ${word}` });
    const { course: two } = await publishedCourse(t, { instructorId: owner.user.id, title: `Two ${word}` });
    const student = await enroll(one.id, { name: `Gul ${word}`, daysAgo: 2 });
    await enrollmentsRepo.upsertActive(db(), {
      userId: student.id,
      courseId: two.id,
      source: 'free',
      sourceRef: null,
      expiresAt: null,
      now: new Date(),
    });
    const { course: foreign } = await classroom();

    const body = (await owner.client.get('/api/studio/students')).json();
    expect(body.pageInfo.total).toBe(2);
    expect(body.items.map((r: { course: { title: string } }) => r.course.title)).toEqual([
      `Two ${word}`,
      `One ${word}`,
    ]);
    expect(body.items.every((r: { student: { id: string } }) => r.student.id === student.id)).toBe(true);
    const filtered = (await owner.client.get(`/api/studio/students?courseId=${one.id}`)).json();
    expect(filtered.items.map((r: { course: { id: string } }) => r.course.id)).toEqual([one.id]);
    // Another instructor's course id matches nothing: ownership is part of the query.
    const stolen = (await owner.client.get(`/api/studio/students?courseId=${foreign.id}`)).json();
    expect(stolen).toEqual({ items: [], pageInfo: { page: 1, limit: 20, total: 0, pages: 0 } });
  });
});
