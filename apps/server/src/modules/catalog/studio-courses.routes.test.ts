import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, studioCourse, uniqueWord } from '../../../test/catalog.ts';
import { Client, createTestApp, type TestApp } from '../../../test/harness.ts';
import { type Part, postMultipart } from '../../../test/multipart.ts';
import { buildCategory } from '../../seed/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);
const image = (data: Buffer | string): Part[] => [
  { name: 'file', filename: 'cover.png', contentType: 'image/png', data },
];

describe('studio course routes: who may call them', () => {
  it('answers 401 without a session, 404 to a student and 404 for another instructor’s course', async () => {
    const owner = await signedIn(t, 'instructor');
    const { course } = await studioCourse(owner.client);
    const student = await signedIn(t, 'student');
    const other = await signedIn(t, 'instructor');
    const anonymous = new Client(t.app);
    const routes: [string, string, unknown?][] = [
      ['GET', `/api/studio/courses/${course.id}`],
      ['PATCH', `/api/studio/courses/${course.id}`, { title: 'Taken over' }],
      ['POST', `/api/studio/courses/${course.id}/submit`, {}],
      ['POST', `/api/studio/courses/${course.id}/archive`, {}],
      ['POST', `/api/studio/courses/${course.id}/unarchive`, {}],
      ['GET', `/api/studio/courses/${course.id}/audit`],
    ];
    for (const [method, url, body] of routes) {
      expect((await anonymous.request(method, url, body)).statusCode, `${method} ${url}`).toBe(401);
      expect((await student.client.request(method, url, body)).statusCode, `${method} ${url}`).toBe(404);
      const res = await other.client.request(method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.json().error.code).toBe('not_found');
    }
    for (const [method, url, body] of [
      ['GET', '/api/studio/courses'],
      ['POST', '/api/studio/courses', { title: 'A new course' }],
    ] as const) {
      expect((await anonymous.request(method, url, body)).statusCode).toBe(401);
      expect((await student.client.request(method, url, body)).statusCode).toBe(404);
    }
    const upload = await postMultipart(
      t.app,
      other.client,
      `/api/studio/courses/${course.id}/thumbnail`,
      image(PNG),
    );
    expect(upload.statusCode).toBe(404);
    // Found by the access matrix (issue 7): with no file, another instructor got 400 about the upload,
    // which told them the course exists. The course is checked before the upload is read.
    const noFile = await other.client.post(`/api/studio/courses/${course.id}/thumbnail`, {});
    expect(noFile.statusCode).toBe(404);
    expect(noFile.json().error.code).toBe('not_found');
    expect((await owner.client.post(`/api/studio/courses/${course.id}/thumbnail`, {})).statusCode).toBe(400);
    expect(
      (await postMultipart(t.app, null, `/api/studio/courses/${course.id}/thumbnail`, image(PNG))).statusCode,
    ).toBe(401);
    // Nothing changed.
    expect((await owner.client.get(`/api/studio/courses/${course.id}`)).json().status).toBe('draft');
  });
});

describe('POST /api/studio/courses', () => {
  it('creates a draft with the creator as instructor, a slug from the title and sanitized text', async () => {
    const { client, user } = await signedIn(t, 'instructor');
    const category = await buildCategory(t.platform.database.db);
    const title = `Intro ${uniqueWord()}`;
    const res = await client.post('/api/studio/courses', {
      title,
      subtitle: 'A subtitle',
      descriptionHtml: '<p onclick="x()">Hello <script>alert(1)</script><strong>world</strong></p>',
      categoryId: category.id,
      level: 'advanced',
      priceMinor: 150_000,
      currency: 'PKR',
      whatYouWillLearn: ['One thing'],
      requirements: ['Nothing'],
      introVideoUrl: 'https://youtu.be/abc',
    });
    expect(res.statusCode).toBe(201);
    const course = res.json();
    expect(course).toMatchObject({
      title,
      slug: title.toLowerCase().replace(' ', '-'),
      status: 'draft',
      categoryId: category.id,
      category: { slug: category.slug, name: category.name },
      level: 'advanced',
      priceMinor: 150_000,
      isFree: false,
      lessonCount: 0,
      ratingAvg: null,
      descriptionHtml: '<p>Hello <strong>world</strong></p>',
      introVideo: { kind: 'youtube', url: 'https://youtu.be/abc' },
      sections: [],
    });
    expect(course.instructors).toEqual([
      { id: user.id, name: user.name, slug: expect.stringMatching(/^test-instructor/), avatarUrl: null },
    ]);
  });

  it('makes the slug unique with -2, -3 and refuses a given slug that is taken', async () => {
    const { client } = await signedIn(t, 'instructor');
    const title = `Same title ${uniqueWord()}`;
    const slugs = [];
    for (let i = 0; i < 3; i++) slugs.push((await client.post('/api/studio/courses', { title })).json().slug);
    const base = title.toLowerCase().replaceAll(' ', '-');
    expect(slugs).toEqual([base, `${base}-2`, `${base}-3`]);
    const taken = await client.post('/api/studio/courses', { title: 'Another title', slug: base });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('slug_taken');
  });

  it('never gives a course the slug of the /courses/categories page', async () => {
    const { client } = await signedIn(t, 'instructor');
    const made = await client.post('/api/studio/courses', { title: 'Categories' });
    expect(made.statusCode).toBe(201);
    expect(made.json().slug).not.toBe('categories');
    const asked = await client.post('/api/studio/courses', { title: 'Anything', slug: 'categories' });
    expect(asked.statusCode).toBe(409);
    expect(asked.json().error.code).toBe('slug_taken');
  });

  it.each([
    ['status', { status: 'published' }],
    ['ratingAvg', { ratingAvg: 5 }],
    ['enrollmentCount', { enrollmentCount: 1000 }],
    ['lessonCount', { lessonCount: 3 }],
    ['instructorIds', { instructorIds: ['00000000-0000-4000-8000-000000000000'] }],
    ['priceMinor as a string', { priceMinor: '100' }],
    ['a negative price', { priceMinor: -1 }],
    ['a javascript: intro video', { introVideoUrl: 'javascript:alert(1)' }],
    ['an unknown category', { categoryId: '00000000-0000-4000-8000-000000000000' }],
    ['a short title', { title: 'ab' }],
  ])('refuses %s with 400 validation_failed', async (_name, extra) => {
    const { client } = await signedIn(t, 'instructor');
    const res = await client.post('/api/studio/courses', { title: `Course ${uniqueWord()}`, ...extra });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
    expect((await client.get('/api/studio/courses')).json().items).toEqual([]);
  });
});

describe('GET /api/studio/courses', () => {
  it('lists my courses only, and every course to an admin', async () => {
    const me = await signedIn(t, 'instructor');
    const other = await signedIn(t, 'instructor');
    const mine = await studioCourse(me.client);
    const theirs = await studioCourse(other.client);
    const ids = (await me.client.get('/api/studio/courses')).json().items.map((c: { id: string }) => c.id);
    expect(ids).toEqual([mine.course.id]);
    const admin = await signedIn(t, 'admin');
    const all = (await admin.client.get('/api/studio/courses')).json().items.map((c: { id: string }) => c.id);
    expect(all).toEqual(expect.arrayContaining([mine.course.id, theirs.course.id]));
    expect((await admin.client.get(`/api/studio/courses/${mine.course.id}`)).statusCode).toBe(200);
  });
});

describe('PATCH /api/studio/courses/:id', () => {
  it('updates fields and records before and after in the audit trail', async () => {
    const { client, user } = await signedIn(t, 'instructor');
    const { course } = await studioCourse(client, { priceMinor: 1000 });
    const res = await client.patch(`/api/studio/courses/${course.id}`, {
      priceMinor: 2500,
      subtitle: 'New subtitle',
      descriptionHtml: '<p>Now <em>better</em><iframe src="https://x.test"></iframe></p>',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      priceMinor: 2500,
      subtitle: 'New subtitle',
      descriptionHtml: '<p>Now <em>better</em></p>',
    });
    const audit = (await client.get(`/api/studio/courses/${course.id}/audit`)).json();
    const update = audit.items.find((a: { action: string }) => a.action === 'course.updated');
    expect(update).toMatchObject({
      actor: { id: user.id, name: user.name },
      before: { priceMinor: 1000, subtitle: null, descriptionHtml: '' },
      after: { priceMinor: 2500, subtitle: 'New subtitle', descriptionHtml: '<p>Now <em>better</em></p>' },
    });
    expect(audit.items.map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining(['course.created', 'course.updated', 'section.created', 'lesson.created']),
    );
    expect(audit.pageInfo).toMatchObject({ page: 1, total: audit.items.length });
  });

  it.each([
    ['status', { status: 'published' }],
    ['ratingAvg', { ratingAvg: 4.9 }],
    ['instructorIds', { instructorIds: [] }],
    ['priceMinor as a string', { priceMinor: '100' }],
    ['publishedAt', { publishedAt: '2020-01-01T00:00:00Z' }],
  ])('refuses %s (mass assignment) with 400 and changes nothing', async (_name, body) => {
    const { client } = await signedIn(t, 'instructor');
    const { course } = await studioCourse(client);
    const res = await client.patch(`/api/studio/courses/${course.id}`, body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
    expect((await client.get(`/api/studio/courses/${course.id}`)).json()).toMatchObject({
      status: 'draft',
      ratingAvg: null,
    });
  });

  it('refuses a slug another course has with 409 slug_taken', async () => {
    const { client } = await signedIn(t, 'instructor');
    const a = await studioCourse(client);
    const b = await studioCourse(client);
    const res = await client.patch(`/api/studio/courses/${b.course.id}`, { slug: a.course.slug });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('slug_taken');
  });
});

describe('POST /api/studio/courses/:id/archive and /unarchive', () => {
  it('archives a course and brings it back as a draft, with audit rows', async () => {
    const { client } = await signedIn(t, 'instructor');
    const { course } = await studioCourse(client);
    expect((await client.post(`/api/studio/courses/${course.id}/archive`)).json().status).toBe('archived');
    const again = await client.post(`/api/studio/courses/${course.id}/archive`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('invalid_course_status');
    expect((await client.post(`/api/studio/courses/${course.id}/unarchive`)).json().status).toBe('draft');
    const actions = (await client.get(`/api/studio/courses/${course.id}/audit`))
      .json()
      .items.map((a: { action: string }) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['course.archived', 'course.unarchived']));
  });
});

describe('POST /api/studio/courses/:id/thumbnail', () => {
  it('stores a PNG and serves it with nosniff in a sandbox', async () => {
    const { client } = await signedIn(t, 'instructor');
    const { course } = await studioCourse(client);
    const res = await postMultipart(t.app, client, `/api/studio/courses/${course.id}/thumbnail`, image(PNG));
    expect(res.statusCode).toBe(200);
    const url = res.json().thumbnailUrl as string;
    expect(url).toMatch(/^\/api\/files\/thumbnails\/[0-9a-f-]{36}\.png$/);
    const served = await t.app.inject({ method: 'GET', url });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(served.rawPayload.equals(PNG)).toBe(true);
  });

  it('refuses a file that is not an image, whatever its name says, and an image over 2 MB', async () => {
    const { client } = await signedIn(t, 'instructor');
    const { course } = await studioCourse(client);
    const url = `/api/studio/courses/${course.id}/thumbnail`;
    const text = await postMultipart(t.app, client, url, image('<svg onload="alert(1)"></svg>'));
    expect(text.statusCode).toBe(400);
    expect(text.json().error.code).toBe('invalid_image');
    const big = Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)]);
    expect((await postMultipart(t.app, client, url, image(big))).statusCode).toBe(413);
    expect((await t.app.inject({ method: 'GET', url: '/api/files/thumbnails/..%2Fx.png' })).statusCode).toBe(
      404,
    );
  });
});
