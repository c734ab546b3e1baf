import { and, count, desc, eq, ilike, isNotNull, isNull, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../../db/client.ts';
import { courseReviews, courses, type ReviewRow, users } from '../../../db/schema/index.ts';

const replier = alias(users, 'replier');

// The reviewer's display name and avatar come straight from `users` in the page's one query (as the
// catalog does for instructors): a call into identity per review would make the page N+1.
const reviewColumns = {
  id: courseReviews.id,
  courseId: courseReviews.courseId,
  userId: courseReviews.userId,
  rating: courseReviews.rating,
  bodyHtml: courseReviews.bodyHtml,
  replyHtml: courseReviews.replyHtml,
  repliedAt: courseReviews.repliedAt,
  hiddenAt: courseReviews.hiddenAt,
  hiddenReason: courseReviews.hiddenReason,
  createdAt: courseReviews.createdAt,
  updatedAt: courseReviews.updatedAt,
  authorName: users.name,
  authorAvatarKey: users.avatarKey,
  replierName: replier.name,
};
const moderatedColumns = {
  ...reviewColumns,
  authorEmail: users.email,
  courseSlug: courses.slug,
  courseTitle: courses.title,
};
export type ReviewListRow = Awaited<ReturnType<typeof reviewsRepo.publicPage>>[number];
export type ModeratedRow = Awaited<ReturnType<typeof reviewsRepo.moderationPage>>['items'][number];

type Page = { page: number; limit: number };
const likeTerm = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Reviews, and the rating figures they keep on the course (learning figures the catalog shows). */
export const reviewsRepo = {
  /**
   * Lock the course row for the rest of the transaction. Every change to a course's reviews takes this
   * lock before recounting, so two reviews written at once are counted one after the other: the second
   * recount starts after the first commit and sees both.
   */
  async lockCourse(x: Executor, courseId: string): Promise<void> {
    await x.select({ id: courses.id }).from(courses).where(eq(courses.id, courseId)).for('update');
  },
  /** Average (two decimals) and count of the visible reviews, written on the course in one statement. */
  async recomputeRating(x: Executor, courseId: string): Promise<void> {
    await x.execute(sql`
      update ${courses} set
        rating_avg = s.avg,
        rating_count = s.n
      from (
        select round(avg(${courseReviews.rating})::numeric, 2) as avg, count(*)::int as n
        from ${courseReviews}
        where ${courseReviews.courseId} = ${courseId} and ${courseReviews.hiddenAt} is null
      ) s
      where ${courses.id} = ${courseId}`);
  },
  /** Insert unless the student reviewed the course already (then nothing comes back). */
  async insertOnce(x: Executor, v: typeof courseReviews.$inferInsert): Promise<ReviewRow | undefined> {
    const [row] = await x
      .insert(courseReviews)
      .values(v)
      .onConflictDoNothing({ target: [courseReviews.courseId, courseReviews.userId] })
      .returning();
    return row;
  },
  async findOwn(x: Executor, courseId: string, userId: string): Promise<ReviewRow | undefined> {
    const [row] = await x
      .select()
      .from(courseReviews)
      .where(and(eq(courseReviews.courseId, courseId), eq(courseReviews.userId, userId)))
      .limit(1);
    return row;
  },
  async byId(x: Executor, id: string): Promise<ReviewRow | undefined> {
    const [row] = await x.select().from(courseReviews).where(eq(courseReviews.id, id)).limit(1);
    return row;
  },
  async update(x: Executor, id: string, v: Partial<typeof courseReviews.$inferInsert>): Promise<void> {
    await x.update(courseReviews).set(v).where(eq(courseReviews.id, id));
  },
  async remove(x: Executor, id: string): Promise<void> {
    await x.delete(courseReviews).where(eq(courseReviews.id, id));
  },
  /** Hide a visible review (true), or show a hidden one again (false); false when nothing changed. */
  async setHidden(
    x: Executor,
    id: string,
    v: { at: Date; by: string; reason: string } | null,
  ): Promise<boolean> {
    const rows = await x
      .update(courseReviews)
      .set(
        v
          ? { hiddenAt: v.at, hiddenBy: v.by, hiddenReason: v.reason }
          : { hiddenAt: null, hiddenBy: null, hiddenReason: null },
      )
      .where(
        and(eq(courseReviews.id, id), v ? isNull(courseReviews.hiddenAt) : isNotNull(courseReviews.hiddenAt)),
      )
      .returning({ id: courseReviews.id });
    return rows.length === 1;
  },
  /** How many visible reviews gave each number of stars. */
  async histogram(x: Executor, courseId: string): Promise<Record<1 | 2 | 3 | 4 | 5, number>> {
    const rows = await x
      .select({ rating: courseReviews.rating, n: count() })
      .from(courseReviews)
      .where(and(eq(courseReviews.courseId, courseId), isNull(courseReviews.hiddenAt)))
      .groupBy(courseReviews.rating);
    const h = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
    for (const r of rows) h[r.rating as 1 | 2 | 3 | 4 | 5] = r.n;
    return h;
  },
  /** Visible reviews of a course, newest first (the count comes from the histogram). */
  async publicPage(x: Executor, courseId: string, q: Page & { rating?: number }) {
    return listQuery(
      x,
      and(eq(courseReviews.courseId, courseId), isNull(courseReviews.hiddenAt), ratingIs(q.rating)),
    )
      .orderBy(desc(courseReviews.createdAt), desc(courseReviews.id))
      .limit(q.limit)
      .offset((q.page - 1) * q.limit);
  },
  /** Every review of a course, hidden ones too (the studio), newest first, with the total. */
  async studioPage(x: Executor, courseId: string, q: Page & { rating?: number }) {
    const where = and(eq(courseReviews.courseId, courseId), ratingIs(q.rating));
    const [items, [total]] = await Promise.all([
      listQuery(x, where)
        .orderBy(desc(courseReviews.createdAt), desc(courseReviews.id))
        .limit(q.limit)
        .offset((q.page - 1) * q.limit),
      x.select({ n: count() }).from(courseReviews).where(where),
    ]);
    return { items, total: total?.n ?? 0 };
  },
  /** Every review on the site for the admin, newest first, filtered and searched. */
  async moderationPage(
    x: Executor,
    q: Page & { status?: 'visible' | 'hidden'; rating?: number; q?: string },
  ) {
    const term = q.q ? likeTerm(q.q) : null;
    const where = and(
      q.status === 'hidden' ? isNotNull(courseReviews.hiddenAt) : undefined,
      q.status === 'visible' ? isNull(courseReviews.hiddenAt) : undefined,
      ratingIs(q.rating),
      term
        ? or(ilike(courseReviews.bodyHtml, term), ilike(courses.title, term), ilike(users.name, term))
        : undefined,
    );
    const [items, [total]] = await Promise.all([
      x
        .select(moderatedColumns)
        .from(courseReviews)
        .innerJoin(courses, eq(courses.id, courseReviews.courseId))
        .innerJoin(users, eq(users.id, courseReviews.userId))
        .leftJoin(replier, eq(replier.id, courseReviews.repliedBy))
        .where(where)
        .orderBy(desc(courseReviews.createdAt), desc(courseReviews.id))
        .limit(q.limit)
        .offset((q.page - 1) * q.limit),
      x
        .select({ n: count() })
        .from(courseReviews)
        .innerJoin(courses, eq(courses.id, courseReviews.courseId))
        .innerJoin(users, eq(users.id, courseReviews.userId))
        .where(where),
    ]);
    return { items, total: total?.n ?? 0 };
  },
  /** One review with its author and course, as the lists show it. */
  async moderatedById(x: Executor, id: string) {
    const [row] = await x
      .select(moderatedColumns)
      .from(courseReviews)
      .innerJoin(courses, eq(courses.id, courseReviews.courseId))
      .innerJoin(users, eq(users.id, courseReviews.userId))
      .leftJoin(replier, eq(replier.id, courseReviews.repliedBy))
      .where(eq(courseReviews.id, id))
      .limit(1);
    return row;
  },
};

const ratingIs = (rating: number | undefined): SQL | undefined =>
  rating === undefined ? undefined : eq(courseReviews.rating, rating);

function listQuery(x: Executor, where: SQL | undefined) {
  return x
    .select(reviewColumns)
    .from(courseReviews)
    .innerJoin(users, eq(users.id, courseReviews.userId))
    .leftJoin(replier, eq(replier.id, courseReviews.repliedBy))
    .where(where);
}
