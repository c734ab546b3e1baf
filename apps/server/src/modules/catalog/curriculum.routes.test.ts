import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, studioCourse } from '../../../test/catalog.ts';
import { Client, createTestApp, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

type Outline = { id: string; title: string; position: number; lessons: { id: string; position: number }[] };
const ids = (items: { id: string }[]) => items.map((i) => i.id);

describe('curriculum routes: who may call them', () => {
  it('answers 401 without a session, 404 to a student and to another instructor, 400 to a bad body', async () => {
    const owner = await signedIn(t, 'instructor');
    const { course, section, lesson } = await studioCourse(owner.client);
    const student = await signedIn(t, 'student');
    const other = await signedIn(t, 'instructor');
    const routes: [string, string, unknown?][] = [
      ['POST', `/api/studio/courses/${course.id}/sections`, { title: 'Intruder' }],
      ['POST', `/api/studio/courses/${course.id}/sections/reorder`, { ids: [section.id] }],
      ['PATCH', `/api/studio/sections/${section.id}`, { title: 'Renamed' }],
      ['DELETE', `/api/studio/sections/${section.id}`],
      ['POST', `/api/studio/sections/${section.id}/lessons`, { title: 'Intruder', type: 'text' }],
      ['POST', `/api/studio/sections/${section.id}/lessons/reorder`, { ids: [lesson.id] }],
      ['GET', `/api/studio/lessons/${lesson.id}`],
      ['PATCH', `/api/studio/lessons/${lesson.id}`, { title: 'Renamed' }],
      ['DELETE', `/api/studio/lessons/${lesson.id}`],
    ];
    for (const [method, url, body] of routes) {
      expect((await new Client(t.app).request(method, url, body)).statusCode, `${method} ${url}`).toBe(401);
      expect((await student.client.request(method, url, body)).statusCode, `${method} ${url}`).toBe(404);
      expect((await other.client.request(method, url, body)).statusCode, `${method} ${url}`).toBe(404);
    }
    const bad: [string, string, unknown][] = [
      ['POST', `/api/studio/courses/${course.id}/sections`, { title: '' }],
      ['POST', `/api/studio/courses/${course.id}/sections/reorder`, { ids: ['not-a-uuid'] }],
      ['PATCH', `/api/studio/sections/${section.id}`, { title: 'ok title', position: 3 }],
      ['POST', `/api/studio/sections/${section.id}/lessons`, { title: 'Lesson', type: 'podcast' }],
      [
        'POST',
        `/api/studio/sections/${section.id}/lessons`,
        { title: 'Lesson', type: 'text', courseId: course.id },
      ],
      ['PATCH', `/api/studio/lessons/${lesson.id}`, { sectionId: section.id }],
      ['PATCH', `/api/studio/lessons/${lesson.id}`, { videoUrl: 'javascript:alert(1)' }],
      ['PATCH', `/api/studio/lessons/${lesson.id}`, { durationSeconds: '60' }],
    ];
    for (const [method, url, body] of bad) {
      const res = await owner.client.request(method, url, body);
      expect(res.statusCode, `${method} ${url} ${JSON.stringify(body)}`).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
    // Untouched by all of the above.
    const after = (await owner.client.get(`/api/studio/courses/${course.id}`)).json();
    expect(after.sections).toEqual([
      {
        id: section.id,
        title: 'Basics',
        position: 0,
        lessons: [expect.objectContaining({ id: lesson.id, title: 'First lesson' })],
      },
    ]);
    expect(after.lessonCount).toBe(1);
  });
});

describe('sections and lessons', () => {
  it('adds, edits, reorders and deletes, keeping positions dense and lesson_count right', async () => {
    const { client } = await signedIn(t, 'instructor');
    const { course, section: s1, lesson: l1 } = await studioCourse(client);
    const s2 = (await client.post(`/api/studio/courses/${course.id}/sections`, { title: 'Second' })).json();
    expect(s2).toMatchObject({ title: 'Second', position: 1, lessons: [] });
    const l2 = await client.post(`/api/studio/sections/${s1.id}/lessons`, {
      title: 'Video lesson',
      type: 'video',
      videoUrl: 'https://www.youtube.com/watch?v=abc',
      durationSeconds: 600,
      isPreview: true,
      releaseAt: '2030-01-01T00:00:00Z',
      contentHtml: '<p>Notes<img src=x onerror=alert(1)></p>',
    });
    expect(l2.statusCode).toBe(201);
    expect(l2.json()).toMatchObject({
      position: 1,
      isPreview: true,
      isRequired: true,
      contentHtml: '<p>Notes</p>',
    });
    const l3 = (
      await client.post(`/api/studio/sections/${s2.id}/lessons`, { title: 'Third', type: 'pdf' })
    ).json();
    const l4 = (
      await client.post(`/api/studio/sections/${s1.id}/lessons`, { title: 'Fourth', type: 'quiz' })
    ).json();
    let studio = (await client.get(`/api/studio/courses/${course.id}`)).json();
    expect(studio.lessonCount).toBe(4);
    expect(studio.sections.map((s: Outline) => ids(s.lessons))).toEqual([
      [l1.id, l2.json().id, l4.id],
      [l3.id],
    ]);

    // Reorder sections and lessons.
    const sections = await client.post(`/api/studio/courses/${course.id}/sections/reorder`, {
      ids: [s2.id, s1.id],
    });
    expect(sections.statusCode).toBe(200);
    expect(sections.json().items.map((s: Outline) => [s.id, s.position])).toEqual([
      [s2.id, 0],
      [s1.id, 1],
    ]);
    const order = [l4.id, l1.id, l2.json().id];
    const lessons = await client.post(`/api/studio/sections/${s1.id}/lessons/reorder`, { ids: order });
    expect(lessons.json().lessons.map((l: { id: string; position: number }) => [l.id, l.position])).toEqual(
      order.map((id, i) => [id, i]),
    );

    // Edit a lesson and read it back with its content.
    const patched = await client.patch(`/api/studio/lessons/${l1.id}`, {
      title: 'Renamed',
      isRequired: false,
    });
    expect(patched.json()).toMatchObject({ title: 'Renamed', isRequired: false });
    expect((await client.get(`/api/studio/lessons/${l2.json().id}`)).json()).toMatchObject({
      videoUrl: 'https://www.youtube.com/watch?v=abc',
      releaseAt: '2030-01-01T00:00:00.000Z',
    });
    expect(
      (await client.patch(`/api/studio/sections/${s2.id}`, { title: 'Renamed section' })).json().title,
    ).toBe('Renamed section');

    // Delete a lesson: the rest close the gap.
    expect((await client.delete(`/api/studio/lessons/${l1.id}`)).statusCode).toBe(204);
    studio = (await client.get(`/api/studio/courses/${course.id}`)).json();
    expect(studio.lessonCount).toBe(3);
    const first = studio.sections.find((s: Outline) => s.id === s1.id) as Outline;
    expect(first.lessons.map((l) => [l.id, l.position])).toEqual([
      [l4.id, 0],
      [l2.json().id, 1],
    ]);

    // Delete a section with its lessons.
    expect((await client.delete(`/api/studio/sections/${s2.id}`)).statusCode).toBe(204);
    studio = (await client.get(`/api/studio/courses/${course.id}`)).json();
    expect(studio.lessonCount).toBe(2);
    expect(studio.sections.map((s: Outline) => [s.id, s.position])).toEqual([[s1.id, 0]]);
    expect((await client.get(`/api/studio/lessons/${l3.id}`)).statusCode).toBe(404);

    // Every change is in the audit trail, with before and after.
    const audit = (await client.get(`/api/studio/courses/${course.id}/audit?limit=100`)).json().items as {
      action: string;
      before: Record<string, unknown> | null;
      after: Record<string, unknown> | null;
    }[];
    const actions = audit.map((a) => a.action);
    for (const a of [
      'section.created',
      'section.updated',
      'section.deleted',
      'sections.reordered',
      'lesson.created',
      'lesson.updated',
      'lesson.deleted',
      'lessons.reordered',
    ])
      expect(actions).toContain(a);
    expect(audit.find((a) => a.action === 'lesson.updated')).toMatchObject({
      before: { id: l1.id, title: 'First lesson', isRequired: true },
      after: { id: l1.id, title: 'Renamed', isRequired: false },
    });
    expect(audit.find((a) => a.action === 'sections.reordered')).toMatchObject({
      before: { ids: [s1.id, s2.id] },
      after: { ids: [s2.id, s1.id] },
    });
    expect(audit.find((a) => a.action === 'section.deleted')?.before).toMatchObject({
      id: s2.id,
      lessons: 1,
    });
  });

  it('refuses a reorder that does not list exactly the current ids', async () => {
    const { client } = await signedIn(t, 'instructor');
    const { course, section, lesson } = await studioCourse(client);
    const s2 = (await client.post(`/api/studio/courses/${course.id}/sections`, { title: 'Second' })).json();
    const other = await studioCourse(client);
    for (const wrong of [
      [section.id],
      [section.id, section.id],
      [section.id, other.section.id],
      [section.id, s2.id, other.section.id],
    ]) {
      const res = await client.post(`/api/studio/courses/${course.id}/sections/reorder`, { ids: wrong });
      expect(res.statusCode, JSON.stringify(wrong)).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
    const res = await client.post(`/api/studio/sections/${section.id}/lessons/reorder`, {
      ids: [other.lesson.id],
    });
    expect(res.statusCode).toBe(400);
    expect((await client.get(`/api/studio/lessons/${lesson.id}`)).json().position).toBe(0);
  });
});
