import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { announcements, courses } from '../db/schema/index.ts';
import { DEMO_ANNOUNCEMENT, DEMO_FEATURED, seedDemoHighlights } from './demo-highlights.ts';
import { buildCourse, buildUser } from './factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('seedDemoHighlights', () => {
  it('features the two demo courses and adds the welcome announcement once', async () => {
    const db = t.platform.database.db;
    const teacher = await buildUser(db, { role: 'instructor' });
    const ids: string[] = [];
    for (const title of DEMO_FEATURED)
      ids.push((await buildCourse(db, { instructorId: teacher.id, title, status: 'published' })).id);
    await seedDemoHighlights(db, new Date());
    await seedDemoHighlights(db, new Date());
    const featured = await db
      .select({ title: courses.title, featuredAt: courses.featuredAt })
      .from(courses)
      .where(inArray(courses.id, ids));
    expect(featured.map((c) => c.title).sort()).toEqual([...DEMO_FEATURED].sort());
    expect(featured.every((c) => c.featuredAt !== null)).toBe(true);
    const welcome = await db
      .select()
      .from(announcements)
      .where(eq(announcements.title, DEMO_ANNOUNCEMENT.title));
    expect(welcome).toHaveLength(1);
    expect(welcome[0]).toMatchObject({ isActive: true, audience: 'everyone', startsAt: null, endsAt: null });
  });
});
