import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.ts';
import { courses, type EnrollmentRow, enrollments } from '../../db/schema/index.ts';

type Source = EnrollmentRow['source'];

/** Enrollments, and the enrollment counter they keep on the course (a learning figure shown in the catalog). */
export const enrollmentsRepo = {
  async find(x: Executor, userId: string, courseId: string): Promise<EnrollmentRow | undefined> {
    const [row] = await x
      .select()
      .from(enrollments)
      .where(and(eq(enrollments.userId, userId), eq(enrollments.courseId, courseId)))
      .limit(1);
    return row;
  },
  /**
   * Grant or re-grant access: a new row (one statement), or a revoked or expired one made active again.
   * Returns the row and whether access is new (false when it was already active: a retry changes
   * nothing); `renewed` when an expired row (still counted on the course) was extended.
   */
  async upsertActive(
    x: Executor,
    v: {
      userId: string;
      courseId: string;
      source: Source;
      sourceRef: string | null;
      expiresAt: Date | null;
      now: Date;
      /** Also add a new row to the course's counter, in the same statement (`counted` says it did). */
      count?: boolean;
    },
  ): Promise<{ row: EnrollmentRow; granted: boolean; renewed?: boolean; counted?: boolean }> {
    // Most grants are a first enrollment: one insert (with the counter's bump). A row already there (or
    // being inserted by another transaction, which this waits for) goes the way below.
    const values = {
      userId: v.userId,
      courseId: v.courseId,
      source: v.source,
      sourceRef: v.sourceRef,
      expiresAt: v.expiresAt,
      grantedAt: v.now,
    };
    const insertFresh = x
      .insert(enrollments)
      .values(values)
      .onConflictDoNothing({ target: [enrollments.userId, enrollments.courseId] })
      .returning();
    let fresh: EnrollmentRow | undefined;
    if (v.count) {
      const inserted = x.$with('inserted').as(insertFresh);
      const counted = x.$with('counted').as(
        x
          .update(courses)
          .set({ enrollmentCount: sql`${courses.enrollmentCount} + 1` })
          .where(and(eq(courses.id, v.courseId), sql`exists (select 1 from ${inserted})`)),
      );
      [fresh] = await x.with(inserted, counted).select().from(inserted);
    } else [fresh] = await insertFresh;
    if (fresh) return { row: fresh, granted: true, renewed: false, counted: v.count === true };
    const existing = await x
      .select()
      .from(enrollments)
      .where(and(eq(enrollments.userId, v.userId), eq(enrollments.courseId, v.courseId)))
      .for('update');
    const current = existing[0];
    const expired = current?.expiresAt != null && current.expiresAt.getTime() <= v.now.getTime();
    if (current?.status === 'active' && !expired) return { row: current, granted: false };
    const [row] = await x
      .insert(enrollments)
      .values(values)
      .onConflictDoUpdate({
        target: [enrollments.userId, enrollments.courseId],
        set: {
          status: 'active',
          source: v.source,
          sourceRef: v.sourceRef,
          expiresAt: v.expiresAt,
          grantedAt: v.now,
          revokedAt: null,
          revokeReason: null,
          updatedAt: v.now,
        },
        // Renew a revoked or expired row; never steal one another transaction just activated.
        setWhere: sql`${enrollments.status} = 'revoked' or (${enrollments.expiresAt} is not null and ${enrollments.expiresAt} <= ${v.now.toISOString()}::timestamptz)`,
      })
      .returning();
    if (!row) {
      const again = await enrollmentsRepo.find(x, v.userId, v.courseId);
      return { row: again as EnrollmentRow, granted: false };
    }
    return { row, granted: true, renewed: current?.status === 'active' };
  },
  async revoke(x: Executor, userId: string, courseId: string, reason: string, now: Date): Promise<boolean> {
    const rows = await x
      .update(enrollments)
      .set({ status: 'revoked', revokedAt: now, revokeReason: reason, updatedAt: now })
      .where(
        and(
          eq(enrollments.userId, userId),
          eq(enrollments.courseId, courseId),
          eq(enrollments.status, 'active'),
        ),
      )
      .returning({ id: enrollments.id });
    return rows.length === 1;
  },
  async bumpCourseCount(x: Executor, courseId: string, delta: 1 | -1): Promise<void> {
    await x
      .update(courses)
      .set({ enrollmentCount: sql`greatest(0, ${courses.enrollmentCount} + ${delta})` })
      .where(eq(courses.id, courseId));
  },
  /** The student's active enrollments, most recently used first. */
  /**
   * A user's active enrollments, most recently used first, as a prepared statement (`my courses` runs
   * it on every dashboard view: built once, planned once per connection). Run with `{ userId }`.
   */
  listActiveStatement(db: Db) {
    return db
      .select()
      .from(enrollments)
      .where(and(eq(enrollments.userId, sql.placeholder('userId')), eq(enrollments.status, 'active')))
      .orderBy(
        desc(sql`coalesce(${enrollments.lastAccessedAt}, ${enrollments.grantedAt})`),
        asc(enrollments.id),
      )
      .prepare('enrollments_list_active');
  },
  async touch(x: Executor, id: string, lessonId: string | null, now: Date): Promise<void> {
    await x
      .update(enrollments)
      .set({ lastAccessedAt: now, ...(lessonId ? { lastLessonId: lessonId } : {}) })
      .where(eq(enrollments.id, id));
  },
  async setProgress(
    x: Executor,
    id: string,
    p: { completedLessons: number; progressPercent: number; completedAt?: Date },
  ) {
    await x
      .update(enrollments)
      .set({
        completedLessons: p.completedLessons,
        progressPercent: p.progressPercent,
        // Completed once: a later un-completion does not take the date (or a certificate) back.
        ...(p.completedAt
          ? { completedAt: sql`coalesce(${enrollments.completedAt}, ${p.completedAt})` }
          : {}),
      })
      .where(eq(enrollments.id, id));
  },
};
