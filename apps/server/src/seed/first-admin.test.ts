import { afterEach, describe, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../../test/harness.ts';
import { createPasswordHasher } from '../modules/identity/passwords.ts';
import { seedDemo } from './demo.ts';
import { ensureFirstAdmin } from './first-admin.ts';

// A fresh embedded database in every mode: "the first admin" only means something in an empty academy.
const EMPTY = { DATABASE_URL: '' };
let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('ensureFirstAdmin', () => {
  it('gives the first admin a one-time setup link, never a default password', async () => {
    t = await createTestApp({ env: EMPTY });
    const hasher = createPasswordHasher(t.config.argon2);
    const first = await ensureFirstAdmin(t.platform.database.db, t.config, hasher);
    expect(first.state).toBe('setup_link');
    if (first.state !== 'setup_link') return;
    const token = new URL(first.url).searchParams.get('token') as string;

    // Without a password nobody can sign in as the admin.
    const client = new Client(t.app);
    const before = await client.post('/api/auth/login', { email: first.email, password: 'anything at all' });
    expect(before.statusCode).toBe(401);

    // A reboot renews the link: the old one stops working.
    const second = await ensureFirstAdmin(t.platform.database.db, t.config, hasher);
    expect(second.state).toBe('setup_link');
    const stale = await client.post('/api/auth/password/reset', { token, password: 'the admin password 1' });
    expect(stale.statusCode).toBe(400);
    const fresh = new URL((second as { url: string }).url).searchParams.get('token') as string;
    expect(
      (await client.post('/api/auth/password/reset', { token: fresh, password: 'the admin password 1' }))
        .statusCode,
    ).toBe(204);
    // Used once, it is gone.
    expect(
      (await client.post('/api/auth/password/reset', { token: fresh, password: 'the admin password 2' }))
        .statusCode,
    ).toBe(400);

    const login = await client.post('/api/auth/login', {
      email: first.email,
      password: 'the admin password 1',
    });
    expect(login.statusCode).toBe(200);
    expect(login.json().user).toMatchObject({ role: 'admin', emailVerified: true });
    expect((await ensureFirstAdmin(t.platform.database.db, t.config, hasher)).state).toBe('ready');
  });

  it('creates the admin from ADMIN_EMAIL and ADMIN_PASSWORD when given', async () => {
    t = await createTestApp({
      env: { ...EMPTY, ADMIN_EMAIL: 'Owner@Academy.test', ADMIN_PASSWORD: 'owner password 123' },
    });
    const r = await ensureFirstAdmin(t.platform.database.db, t.config, createPasswordHasher(t.config.argon2));
    expect(r).toEqual({ state: 'from_env', email: 'owner@academy.test' });
    const login = await new Client(t.app).post('/api/auth/login', {
      email: 'owner@academy.test',
      password: 'owner password 123',
    });
    expect(login.json().user.role).toBe('admin');
  });
});

const demoOptions = () => ({
  storage: (t as TestApp).platform.storage,
  timeZone: (t as TestApp).config.siteTimeZone,
});

describe('seedDemo', () => {
  it('seeds two instructors and a handful of students once, with no passwords', async () => {
    t = await createTestApp({ env: EMPTY });
    expect(await seedDemo(t.platform.database.db, demoOptions())).toBe(true);
    expect(await seedDemo(t.platform.database.db, demoOptions())).toBe(false);
    const { rows } = await t.platform.database.raw.query<{ role: string; n: number; with_password: number }>(
      'select role, count(*)::int as n, count(password_hash)::int as with_password from users group by role order by role',
    );
    expect(rows).toEqual([
      { role: 'student', n: 6, with_password: 0 },
      { role: 'instructor', n: 2, with_password: 0 },
    ]);
  });

  it('seeds four categories and six published courses with correct counts', async () => {
    t = await createTestApp({ env: EMPTY });
    expect(await seedDemo(t.platform.database.db, demoOptions())).toBe(true);
    const raw = t.platform.database.raw;
    const { rows: cats } = await raw.query<{ slug: string; course_count: number; actual: number }>(
      `select c.slug, c.course_count,
         (select count(*)::int from courses where category_id = c.id and status = 'published') as actual
       from categories c order by c.position`,
    );
    expect(cats.map((c) => c.slug)).toEqual(['web-development', 'data-and-ai', 'design', 'business']);
    for (const c of cats) expect(c.course_count).toBe(c.actual);

    const { rows: courses } = await raw.query<{
      status: string;
      lesson_count: number;
      actual: number;
      sections: number;
      previews: number;
      instructors: number;
      price_minor: number;
      currency: string;
    }>(
      `select status, lesson_count, price_minor, currency,
         (select count(*)::int from lessons where course_id = co.id) as actual,
         (select count(*)::int from course_sections where course_id = co.id) as sections,
         (select count(*)::int from lessons where course_id = co.id and is_preview) as previews,
         (select count(*)::int from course_instructors where course_id = co.id) as instructors
       from courses co`,
    );
    expect(courses).toHaveLength(6);
    for (const c of courses) {
      expect(c.status).toBe('published');
      expect(c.lesson_count).toBe(c.actual);
      expect(c.sections).toBeGreaterThanOrEqual(2);
      expect(c.previews).toBeGreaterThanOrEqual(1);
      expect(c.instructors).toBeGreaterThanOrEqual(1);
    }
    expect(courses.some((c) => c.price_minor === 0)).toBe(true);
    expect(new Set(courses.filter((c) => c.price_minor > 0).map((c) => c.currency))).toEqual(
      new Set(['PKR', 'USD']),
    );

    // Both demo instructors have public pages, and the catalog answers through the API.
    const { rows: profiles } = await raw.query<{ n: number }>(
      'select count(*)::int as n from instructor_profiles',
    );
    expect(profiles[0]?.n).toBe(2);
    const page = await new Client(t.app).get('/api/courses?limit=60');
    expect(page.json().pageInfo.total).toBe(6);
  });

  it('gives the Python course a free-preview PDF lesson with resources, and the free course daily videos', async () => {
    t = await createTestApp({ env: EMPTY });
    const now = new Date('2026-04-10T12:00:00Z');
    expect(await seedDemo(t.platform.database.db, { ...demoOptions(), now })).toBe(true);
    const visitor = new Client(t.app);
    const course = (await visitor.get('/api/courses/python-for-data-analysis')).json();
    const handbook = course.sections[0].lessons.find((l: { type: string }) => l.type === 'pdf');
    expect(handbook).toMatchObject({ title: 'Course handbook', isPreview: true });
    const lesson = (await visitor.get(`/api/learning/lessons/${handbook.id}`)).json();
    expect(lesson.file).toMatchObject({ mime: 'application/pdf', fileName: 'python-course-handbook.pdf' });
    expect(lesson.resources.map((r: { mime: string }) => r.mime)).toEqual(['text/csv', 'application/pdf']);
    const pdf = await visitor.get(lesson.file.url);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.rawPayload.subarray(-6).toString()).toBe('%%EOF\n');

    const { rows } = await t.platform.database.raw.query<{ day: string }>(
      `select to_char(v.day, 'YYYY-MM-DD') as day from course_daily_videos v
       join courses c on c.id = v.course_id where c.slug = 'modern-javascript-from-scratch' order by v.day`,
    );
    // 12:00 UTC is 17:00 in Karachi: still 10 April there.
    expect(rows.map((r) => r.day)).toEqual([
      '2026-04-07',
      '2026-04-09',
      '2026-04-10',
      '2026-04-10',
      '2026-04-11',
    ]);
  });
});
