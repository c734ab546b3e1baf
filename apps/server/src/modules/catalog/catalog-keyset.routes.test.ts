import { CatalogSorts } from '@9tangle/contracts';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishedCourse, uniqueWord } from '../../../test/catalog.ts';
import { Client, createTestApp, type TestApp } from '../../../test/harness.ts';
import { courses } from '../../db/schema/index.ts';
import { buildUser } from '../../seed/factories.ts';
import { instructorsRepo } from './instructors/instructors.repo.ts';

let t: TestApp;
let anon: Client;
let slug: string;
let word: string;
const TOTAL = 11;
beforeAll(async () => {
  t = await createTestApp();
  anon = new Client(t.app);
  const db = t.platform.database.db;
  const teacher = await buildUser(db, { role: 'instructor' });
  word = uniqueWord();
  // Eleven courses that tie on every sort key in groups: two publication instants, three prices, two
  // ratings and no rating, two enrolment counts, and the search word in the title or the description.
  const instants = [new Date('2026-03-01T10:00:00.123Z'), new Date('2026-03-02T10:00:00.456Z')];
  let undated = '';
  for (let i = 0; i < TOTAL; i++) {
    const { course } = await publishedCourse(t, {
      instructorId: teacher.id,
      title: i % 3 === 0 ? `${word} course ${i}` : `Course ${i}`,
      descriptionHtml: `<p>About ${word}, part ${i}.</p>`,
      publishedAt: instants[i % 2],
      priceMinor: [0, 1500, 1500][i % 3],
      ratingAvg: [null, 4.5, 4.5, 3][i % 4],
      ratingCount: i % 4 === 0 ? 0 : 7,
      enrollmentCount: i % 2 === 0 ? 12 : 30,
    });
    if (i === 5) undated = course.id;
  }
  // A published course without a publication date still has its place (nulls last).
  await db.update(courses).set({ publishedAt: null }).where(eq(courses.id, undated));
  slug = (await instructorsRepo.findProfile(db, teacher.id))?.slug as string;
});
afterAll(async () => t?.close());

type Page = { items: { id: string }[]; pageInfo: { page: number; total: number }; nextCursor: string | null };
const get = async (query: string) => anon.get(`/api/courses?instructor=${slug}&${query}`);

/** Every page by cursor, from the first: the ids in order and the page numbers seen. */
async function walk(query: string, limit: number) {
  const ids: string[] = [];
  const pages: number[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 50; i++) {
    const res = await get(`${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json() as Page;
    ids.push(...page.items.map((c) => c.id));
    pages.push(page.pageInfo.page);
    expect(page.pageInfo.total).toBe(TOTAL);
    cursor = page.nextCursor;
    if (!cursor) return { ids, pages };
  }
  throw new Error('the cursor walk did not end');
}

describe('GET /api/courses with a keyset cursor', () => {
  for (const sort of CatalogSorts) {
    it(`walks the whole list sorted by ${sort}, in the same order as one big page, without gaps or repeats`, async () => {
      const query = `sort=${sort}${sort === 'relevance' ? `&q=${word}` : ''}`;
      const all = ((await get(`${query}&limit=60`)).json() as Page).items.map((c) => c.id);
      expect(all).toHaveLength(TOTAL);
      for (const limit of [1, 3, 4]) {
        const { ids, pages } = await walk(query, limit);
        expect(ids).toEqual(all);
        expect(pages).toEqual(Array.from({ length: Math.ceil(TOTAL / limit) }, (_, i) => i + 1));
      }
    });
  }

  it('gives the same rows as the numbered page', async () => {
    const first = (await get('sort=price_asc&limit=4')).json() as Page;
    const second = (
      await get(`sort=price_asc&limit=4&cursor=${encodeURIComponent(first.nextCursor ?? '')}`)
    ).json();
    expect(second.items).toEqual(((await get('sort=price_asc&limit=4&page=2')).json() as Page).items);
    // A numbered page carries a cursor too, so a client can switch at any page.
    const third = (await get('sort=price_asc&limit=4&page=2')).json() as Page;
    const fromThird = await get(
      `sort=price_asc&limit=4&cursor=${encodeURIComponent(third.nextCursor ?? '')}`,
    );
    expect(fromThird.json().pageInfo.page).toBe(3);
    expect(fromThird.json().nextCursor).toBeNull();
  });

  it('answers 400 invalid_cursor to a forged, altered or foreign cursor', async () => {
    const cursor = ((await get('sort=newest&limit=2')).json() as Page).nextCursor as string;
    const [body, mac] = cursor.split('.') as [string, string];
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString());
    const altered = Buffer.from(JSON.stringify({ ...payload, p: 9 })).toString('base64url');
    const bad = [
      'garbage',
      `${altered}.${mac}`,
      `${body}.${mac.slice(1)}x`,
      `${body}.${mac}.extra`,
      `${Buffer.from('{"f":1}').toString('base64url')}.${mac}`,
    ];
    for (const c of bad) {
      const res = await get(`sort=newest&limit=2&cursor=${encodeURIComponent(c)}`);
      expect(res.statusCode, c).toBe(400);
      expect(res.json().error.code).toBe('invalid_cursor');
    }
    // A real cursor with another sort, filter or limit belongs to another list.
    for (const other of ['sort=popular&limit=2', 'sort=newest&limit=3', 'sort=newest&limit=2&price=paid']) {
      const res = await get(`${other}&cursor=${encodeURIComponent(cursor)}`);
      expect(res.statusCode, other).toBe(400);
      expect(res.json().error.code).toBe('invalid_cursor');
    }
    expect((await get(`sort=newest&limit=2&cursor=${encodeURIComponent(cursor)}`)).statusCode).toBe(200);
  });

  it('does not take a cursor on the catalog page: pages stay numbered', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/courses?cursor=' });
    expect(res.statusCode).toBe(400);
  });
});
