import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { courseInstructors, courses, instructorProfiles, users } from '../../../db/schema/index.ts';

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
  /** A course's instructors in display order, with the address others added them by. */
  async listForCourse(x: Executor, courseId: string) {
    return x
      .select({
        id: users.id,
        name: users.name,
        email: users.email,
        avatarKey: users.avatarKey,
        slug: sql<string>`coalesce(${instructorProfiles.slug}, '')`,
        position: courseInstructors.position,
      })
      .from(courseInstructors)
      .innerJoin(users, eq(users.id, courseInstructors.userId))
      .leftJoin(instructorProfiles, eq(instructorProfiles.userId, courseInstructors.userId))
      .where(eq(courseInstructors.courseId, courseId))
      .orderBy(asc(courseInstructors.position), asc(users.name));
  },
  /** A live (not suspended) account that may teach: an instructor or an admin, by exact address. */
  async findTeacherByEmail(x: Executor, email: string) {
    const [row] = await x
      .select({ id: users.id, name: users.name, email: users.email })
      .from(users)
      .where(
        and(
          eq(users.email, email.toLowerCase()),
          inArray(users.role, ['instructor', 'admin']),
          isNull(users.suspendedAt),
        ),
      )
      .limit(1);
    return row;
  },
  async removeFromCourse(x: Executor, courseId: string, userId: string): Promise<boolean> {
    const rows = await x
      .delete(courseInstructors)
      .where(and(eq(courseInstructors.courseId, courseId), eq(courseInstructors.userId, userId)))
      .returning({ userId: courseInstructors.userId });
    return rows.length === 1;
  },
  /** Positions 0..n-1 in the order of `userIds`, in one statement. */
  async setPositions(x: Executor, courseId: string, userIds: string[]): Promise<void> {
    if (userIds.length === 0) return;
    const cases = sql.join(
      userIds.map((id, i) => sql`when ${courseInstructors.userId} = ${id}::uuid then ${i}::integer`),
      sql` `,
    );
    await x
      .update(courseInstructors)
      .set({ position: sql`case ${cases} else ${courseInstructors.position} end` })
      .where(and(eq(courseInstructors.courseId, courseId), inArray(courseInstructors.userId, userIds)));
  },
  /** The person behind a profile, with it (or none yet). */
  async findOwnProfile(x: Executor, userId: string) {
    const [row] = await x
      .select({
        name: users.name,
        avatarKey: users.avatarKey,
        slug: instructorProfiles.slug,
        headline: instructorProfiles.headline,
        bio: instructorProfiles.bio,
        isPublic: sql<boolean>`exists (select 1 from ${courseInstructors} join ${courses} on ${courses.id} = ${courseInstructors.courseId} where ${courseInstructors.userId} = ${users.id} and ${courses.status} = 'published')`,
      })
      .from(users)
      .leftJoin(instructorProfiles, eq(instructorProfiles.userId, users.id))
      .where(eq(users.id, userId))
      .limit(1);
    return row;
  },
  async updateProfile(
    x: Executor,
    userId: string,
    values: Partial<Pick<typeof instructorProfiles.$inferInsert, 'slug' | 'headline' | 'bio'>> & {
      updatedAt: Date;
    },
  ): Promise<void> {
    await x.update(instructorProfiles).set(values).where(eq(instructorProfiles.userId, userId));
  },
};
