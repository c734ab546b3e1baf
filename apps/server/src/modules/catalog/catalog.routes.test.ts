import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishedCourse, signedIn, studioCourse, uniqueWord } from '../../../test/catalog.ts';
import { Client, createTestApp, type TestApp } from '../../../test/harness.ts';
import { buildCategory, buildCourse, buildUser } from '../../seed/factories.ts';
import { instructorsRepo } from './instructors/instructors.repo.ts';

let t: TestApp;
let anon: Client;
beforeAll(async () => {
  t = await createTestApp();
  anon = new Client(t.app);
});
afterAll(async () => t?.close());

const db = () => t.platform.database.db;
const instructor = () => buildUser(db(), { role: 'instructor' });
const slugOfInstructor = async (userId: string) =>
  (await instructorsRepo.findProfile(db(), userId))?.slug as string;
const search = async (query: string) => (await anon.get(`/api/courses?${query}`)).json();
const titles = (page: { items: { title: string }[] }) => page.items.map((c) => c.title);

describe('GET /api/categories', () => {
  it('lists active categories in position order with their published-course counts', async () => {
    const first = await buildCategory(db(), { position: 1 });
    const second = await buildCategory(db(), { position: 2 });
    const hidden = await buildCategory(db(), { position: 0, active: false });
    await publishedCourse(t, { instructorId: (await instructor()).id, categoryId: second.id });
    const items = (await anon.get('/api/categories')).json().items as { id: string; courseCount: number }[];
    const ids = items.map((c) => c.id);
    expect(ids).not.toContain(hidden.id);
    expect(ids.indexOf(first.id)).toBeLessThan(ids.indexOf(second.id));
    expect(items.find((c) => c.id === second.id)?.courseCount).toBe(1);
  });
});

describe('GET /api/courses', () => {
  it('finds courses by a word of the title or of the description, published ones only', async () => {
    const word = uniqueWord();
    const user = await instructor();
    await publishedCourse(t, { instructorId: user.id, title: `Learning ${word}` });
    await publishedCourse(t, {
      instructorId: user.id,
      title: 'Plain title',
      descriptionHtml: `<p>About <em>${word}</em> too</p>`,
    });
    await buildCourse(db(), { instructorId: user.id, title: `Draft ${word}` });
    const page = await search(`q=${word}`);
    expect(page.pageInfo).toEqual({ page: 1, limit: 12, total: 2, pages: 1 });
    // Relevance: a title match (weight A) ranks above a description match (weight C).
    expect(titles(page)).toEqual([`Learning ${word}`, 'Plain title']);
    expect(page.items[0]).toMatchObject({
      instructors: [{ id: user.id, name: user.name, slug: await slugOfInstructor(user.id), avatarUrl: null }],
      lessonCount: 1,
      isFree: true,
    });
  });

  it('pages results with total and pages', async () => {
    const word = uniqueWord();
    const user = await instructor();
    for (let i = 0; i < 5; i++)
      await publishedCourse(t, { instructorId: user.id, title: `${word} part ${i}` });
    const pages = [];
    for (const p of [1, 2, 3, 4]) pages.push(await search(`q=${word}&limit=2&page=${p}&sort=newest`));
    expect(pages.map((p) => p.pageInfo)).toEqual(
      [1, 2, 3, 4].map((page) => ({ page, limit: 2, total: 5, pages: 3 })),
    );
    expect(pages.map((p) => p.items.length)).toEqual([2, 2, 1, 0]);
    expect(new Set(pages.flatMap((p) => titles(p))).size).toBe(5);
  });

  it('filters by category, level, price, rating, language and instructor', async () => {
    const a = await instructor();
    const b = await instructor();
    const category = await buildCategory(db());
    const word = uniqueWord();
    const make = (title: string, o: Partial<Parameters<typeof buildCourse>[1]>) =>
      publishedCourse(t, { instructorId: a.id, title: `${word} ${title}`, ...o });
    await make('free beginner', { level: 'beginner', priceMinor: 0, categoryId: category.id });
    await make('paid advanced', { level: 'advanced', priceMinor: 5000, ratingAvg: 4.6, ratingCount: 10 });
    await make('urdu', { language: 'ur', ratingAvg: 3.9, ratingCount: 2 });
    await make('by b', { instructorId: b.id });
    const names = async (filter: string) =>
      titles(await search(`q=${word}&${filter}`))
        .map((x) => x.slice(word.length + 1))
        .sort();
    expect(await names(`category=${category.slug}`)).toEqual(['free beginner']);
    expect(await names('level=advanced')).toEqual(['paid advanced']);
    expect(await names('price=paid')).toEqual(['paid advanced']);
    expect(await names('price=free')).toEqual(['by b', 'free beginner', 'urdu']);
    expect(await names('minRating=4')).toEqual(['paid advanced']);
    expect(await names('language=ur')).toEqual(['urdu']);
    expect(await names(`instructor=${await slugOfInstructor(b.id)}`)).toEqual(['by b']);
    expect((await anon.get('/api/courses?level=expert')).statusCode).toBe(400);
  });

  it('sorts by newest, popularity, rating and price', async () => {
    const user = await instructor();
    const word = uniqueWord();
    const day = (n: number) => new Date(Date.UTC(2025, 0, n));
    await publishedCourse(t, {
      instructorId: user.id,
      title: `${word} A`,
      priceMinor: 300,
      enrollmentCount: 5,
      ratingAvg: 4.1,
      publishedAt: day(1),
    });
    await publishedCourse(t, {
      instructorId: user.id,
      title: `${word} B`,
      priceMinor: 100,
      enrollmentCount: 50,
      ratingAvg: null,
      publishedAt: day(3),
    });
    await publishedCourse(t, {
      instructorId: user.id,
      title: `${word} C`,
      priceMinor: 200,
      enrollmentCount: 20,
      ratingAvg: 4.8,
      publishedAt: day(2),
    });
    const order = async (sort: string) =>
      titles(await search(`instructor=${await slugOfInstructor(user.id)}&sort=${sort}`))
        .map((x) => x.slice(-1))
        .join('');
    expect(await order('newest')).toBe('BCA');
    expect(await order('popular')).toBe('BCA');
    expect(await order('rating')).toBe('CAB');
    expect(await order('price_asc')).toBe('BCA');
    expect(await order('price_desc')).toBe('ACB');
  });

  it('is served from the cache, and a publish shows at once', async () => {
    const word = uniqueWord();
    const { client } = await signedIn(t, 'instructor');
    const { course } = await studioCourse(client, { title: `Fresh ${word}` });
    expect((await search(`q=${word}`)).pageInfo.total).toBe(0);
    // Change the row behind the cache's back: the cached answer is still served...
    await publishedCourse(t, { instructorId: (await instructor()).id, title: `Sneaky ${word}` });
    expect((await search(`q=${word}`)).pageInfo.total).toBe(0);
    // ...until a catalog write bumps the version.
    const admin = await signedIn(t, 'admin');
    expect((await admin.client.post(`/api/admin/courses/${course.id}/publish`)).statusCode).toBe(200);
    expect(titles(await search(`q=${word}`)).sort()).toEqual([`Fresh ${word}`, `Sneaky ${word}`]);
  });
});

describe('GET /api/courses/:slug', () => {
  it('shows a published course with its outline and never lesson content or video links', async () => {
    const user = await instructor();
    const { course, section, lesson } = await publishedCourse(t, {
      instructorId: user.id,
      lessonContent: '<p>TOPSECRETCONTENT</p>',
      videoUrl: 'https://video.example.test/secret.mp4',
      whatYouWillLearn: ['Things'],
      introVideoUrl: 'https://vimeo.com/123',
    });
    const res = await anon.get(`/api/courses/${course.slug}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('TOPSECRETCONTENT');
    expect(res.body).not.toContain('secret.mp4');
    expect(res.body).not.toMatch(/contentHtml|videoUrl/);
    expect(res.json()).toMatchObject({
      id: course.id,
      whatYouWillLearn: ['Things'],
      introVideo: { kind: 'vimeo', url: 'https://vimeo.com/123' },
      sections: [
        {
          id: section.id,
          lessons: [
            {
              id: lesson.id,
              title: lesson.title,
              type: 'video',
              durationSeconds: 300,
              isPreview: false,
              position: 0,
            },
          ],
        },
      ],
    });
  });

  it('answers 404 for drafts, courses in review, archived ones and unknown slugs', async () => {
    const user = await instructor();
    for (const status of ['draft', 'in_review', 'archived'] as const) {
      const course = await buildCourse(db(), { instructorId: user.id, status });
      const res = await anon.get(`/api/courses/${course.slug}`);
      expect(res.statusCode, status).toBe(404);
      expect(res.json().error.code).toBe('not_found');
    }
    expect((await anon.get('/api/courses/NOT_A-slug')).statusCode).toBe(404);
  });
});

describe('GET /api/instructors/:slug', () => {
  it('shows the profile and the published courses only', async () => {
    const user = await instructor();
    const { course } = await publishedCourse(t, { instructorId: user.id });
    await buildCourse(db(), { instructorId: user.id, title: 'Hidden draft' });
    const res = await anon.get(`/api/instructors/${await slugOfInstructor(user.id)}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      instructor: { id: user.id, name: user.name, headline: null, bio: null },
      courses: [{ id: course.id }],
    });
    expect(res.json().courses).toHaveLength(1);
  });

  it('answers 404 for an instructor with drafts only and for unknown slugs', async () => {
    const user = await instructor();
    await buildCourse(db(), { instructorId: user.id });
    expect((await anon.get(`/api/instructors/${await slugOfInstructor(user.id)}`)).statusCode).toBe(404);
    expect((await anon.get(`/api/instructors/${uniqueWord()}`)).statusCode).toBe(404);
  });
});

describe('rate limits', () => {
  it('count catalog API calls but not thumbnail files', async () => {
    const s = await createTestApp({ env: { RATE_LIMIT_API_MAX: '3' } });
    try {
      const client = new Client(s.app);
      const codes = [];
      for (let i = 0; i < 4; i++) codes.push((await client.get('/api/categories')).statusCode);
      expect(codes).toEqual([200, 200, 200, 429]);
      const name = '00000000-0000-4000-8000-000000000000.png';
      for (let i = 0; i < 5; i++)
        expect((await client.get(`/api/files/thumbnails/${name}`)).statusCode).toBe(404);
    } finally {
      await s.close();
    }
  });
});
