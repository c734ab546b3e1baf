import { asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { courseInstructors, instructorProfiles, users } from '../../db/schema/index.ts';

/** An instructor as a course card shows them, with the course they belong to. */
export interface InstructorRefRow {
  courseId: string;
  id: string;
  name: string;
  avatarKey: string | null;
  slug: string;
}

// The catalog reads the names and avatars of instructors straight from `users` in the same query as
// their profiles: one join per page instead of a call per instructor into the identity module.
const refColumns = {
  id: users.id,
  name: users.name,
  avatarKey: users.avatarKey,
  slug: instructorProfiles.slug,
};

export const instructorsRepo = {
  async findProfile(x: Executor, userId: string) {
    const [row] = await x
      .select()
      .from(instructorProfiles)
      .where(eq(instructorProfiles.userId, userId))
      .limit(1);
    return row;
  },
  /** The profile and the person behind it, by the public slug. */
  async findBySlug(x: Executor, slug: string) {
    const [row] = await x
      .select({ ...refColumns, headline: instructorProfiles.headline, bio: instructorProfiles.bio })
      .from(instructorProfiles)
      .innerJoin(users, eq(users.id, instructorProfiles.userId))
      .where(eq(instructorProfiles.slug, slug))
      .limit(1);
    return row;
  },
  async slugTaken(x: Executor, slug: string): Promise<boolean> {
    const rows = await x
      .select({ userId: instructorProfiles.userId })
      .from(instructorProfiles)
      .where(eq(instructorProfiles.slug, slug))
      .limit(1);
    return rows.length > 0;
  },
  /** Insert unless the user already has a profile or the slug is taken (then nothing comes back). */
  async insertProfile(x: Executor, values: typeof instructorProfiles.$inferInsert) {
    const [row] = await x.insert(instructorProfiles).values(values).onConflictDoNothing().returning();
    return row;
  },
  /** The instructors of many courses in one query, in each course's display order. */
  async refsForCourses(x: Executor, courseIds: string[]): Promise<InstructorRefRow[]> {
    if (courseIds.length === 0) return [];
    return x
      .select({ courseId: courseInstructors.courseId, ...refColumns })
      .from(courseInstructors)
      .innerJoin(users, eq(users.id, courseInstructors.userId))
      .innerJoin(instructorProfiles, eq(instructorProfiles.userId, courseInstructors.userId))
      .where(inArray(courseInstructors.courseId, courseIds))
      .orderBy(asc(courseInstructors.courseId), asc(courseInstructors.position));
  },
};
