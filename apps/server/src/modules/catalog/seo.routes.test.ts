import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishedCourse } from '../../../test/catalog.ts';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { buildCourse, buildUser } from '../../seed/factories.ts';
import { instructorsRepo } from './instructors/instructors.repo.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { PUBLIC_URL: 'https://academy.example.test' } });
});
afterAll(async () => t?.close());

describe('GET /sitemap.xml', () => {
  it('lists the public pages, published courses and their instructors with absolute URLs, and no drafts', async () => {
    const db = t.platform.database.db;
    const teacher = await buildUser(db, { role: 'instructor' });
    const draftOnly = await buildUser(db, { role: 'instructor' });
    const { course } = await publishedCourse(t, { instructorId: teacher.id });
    const draft = await buildCourse(db, { instructorId: teacher.id });
    await buildCourse(db, { instructorId: draftOnly.id });
    const slug = async (id: string) => (await instructorsRepo.findProfile(db, id))?.slug as string;

    const res = await t.app.inject({ method: 'GET', url: '/sitemap.xml' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
    const xml = res.body;
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/,
    );
    for (const path of ['/', '/courses', '/courses/categories'])
      expect(xml).toContain(`<loc>https://academy.example.test${path}</loc>`);
    expect(xml).toMatch(
      new RegExp(
        `<loc>https://academy.example.test/courses/${course.slug}</loc><lastmod>\\d{4}-\\d\\d-\\d\\dT`,
      ),
    );
    expect(xml).toContain(`<loc>https://academy.example.test/instructors/${await slug(teacher.id)}</loc>`);
    expect(xml).not.toContain(draft.slug);
    expect(xml).not.toContain(`/instructors/${await slug(draftOnly.id)}<`);
  });
});

describe('GET /robots.txt', () => {
  it('allows the public pages, keeps crawlers out of private areas and names the sitemap', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/robots.txt' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    const lines = res.body.split('\n');
    expect(lines).toContain('User-agent: *');
    expect(lines).toContain('Allow: /');
    for (const path of ['/admin', '/studio', '/dashboard', '/profile', '/api/', '/checkout', '/cart'])
      expect(lines).toContain(`Disallow: ${path}`);
    expect(lines).toContain('Sitemap: https://academy.example.test/sitemap.xml');
  });
});
