import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { announcements, courses } from '../db/schema/index.ts';

/** Two demo courses on the home page, the newer featured first. */
export const DEMO_FEATURED = ['React and TypeScript: Build Real Apps', 'UI Design Essentials with Figma'];
export const DEMO_ANNOUNCEMENT = {
  title: 'Welcome to the 9tangle demo academy',
  message: 'Everything here is sample data: browse the courses, enroll in a free one, or try a test payment.',
  type: 'info' as const,
  audience: 'everyone' as const,
  dismissible: true,
};

/** The demo's featured courses and its one announcement; safe to run twice. */
export async function seedDemoHighlights(x: Executor, now: Date): Promise<void> {
  for (const [i, title] of DEMO_FEATURED.entries())
    await x
      .update(courses)
      .set({ featuredAt: new Date(now.getTime() - i * 60_000) })
      .where(and(eq(courses.title, title), eq(courses.status, 'published'), isNull(courses.featuredAt)));
  const [existing] = await x
    .select({ id: announcements.id })
    .from(announcements)
    .where(inArray(announcements.title, [DEMO_ANNOUNCEMENT.title]));
  if (!existing)
    await x.insert(announcements).values({ ...DEMO_ANNOUNCEMENT, createdAt: now, updatedAt: now });
}
