import { and, asc, eq, inArray, isNotNull, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  courseEvents,
  courseSections,
  courses,
  enrollments,
  lessonProgress,
  lessons,
} from '../../db/schema/index.ts';

/**
 * What the player reads of a course (read-only views of catalog tables) and the student's progress in it.
 * Writes to catalog tables stay in the catalog module.
 */
export const courseContentRepo = {
  courseBySlug: (x: Executor, slug: string) => courseWhere(x, eq(courses.slug, slug)),
  courseById: (x: Executor, id: string) => courseWhere(x, eq(courses.id, id)),
  /** Every lesson of a course in reading order (section position, then lesson position), without content. */
  async outline(x: Executor, courseId: string) {
    return x
      .select({
        id: lessons.id,
        sectionId: lessons.sectionId,
        sectionTitle: courseSections.title,
        sectionPosition: courseSections.position,
        title: lessons.title,
        type: lessons.type,
        durationSeconds: lessons.durationSeconds,
        isPreview: lessons.isPreview,
        isRequired: lessons.isRequired,
        releaseAt: lessons.releaseAt,
        dripDays: lessons.dripDays,
        position: lessons.position,
      })
      .from(lessons)
      .innerJoin(courseSections, eq(courseSections.id, lessons.sectionId))
      .where(eq(lessons.courseId, courseId))
      .orderBy(asc(courseSections.position), asc(lessons.position));
  },
  /** The first lesson (reading order) of each course, in one query. */
  async firstLessons(x: Executor, courseIds: string[]): Promise<Map<string, string>> {
    if (courseIds.length === 0) return new Map();
    const rows = await x
      .selectDistinctOn([lessons.courseId], { courseId: lessons.courseId, id: lessons.id })
      .from(lessons)
      .innerJoin(courseSections, eq(courseSections.id, lessons.sectionId))
      .where(inArray(lessons.courseId, courseIds))
      .orderBy(asc(lessons.courseId), asc(courseSections.position), asc(lessons.position));
    return new Map(rows.map((r) => [r.courseId, r.id]));
  },
  async lesson(x: Executor, id: string) {
    const [row] = await x.select().from(lessons).where(eq(lessons.id, id)).limit(1);
    return row;
  },
  async progressOf(x: Executor, userId: string, courseId: string) {
    return x
      .select()
      .from(lessonProgress)
      .where(and(eq(lessonProgress.userId, userId), eq(lessonProgress.courseId, courseId)));
  },
  async progressOfLesson(x: Executor, userId: string, lessonId: string) {
    const [row] = await x
      .select()
      .from(lessonProgress)
      .where(and(eq(lessonProgress.userId, userId), eq(lessonProgress.lessonId, lessonId)))
      .limit(1);
    return row;
  },
  /** Save a position and the furthest point watched; completion is only ever set, never cleared, here. */
  async saveProgress(
    x: Executor,
    v: {
      userId: string;
      lessonId: string;
      courseId: string;
      positionSeconds: number;
      watchedPercent: number;
      completedAt: Date | null;
      now: Date;
    },
  ) {
    await x
      .insert(lessonProgress)
      .values({ ...v, createdAt: v.now, updatedAt: v.now })
      .onConflictDoUpdate({
        target: [lessonProgress.userId, lessonProgress.lessonId],
        set: {
          positionSeconds: v.positionSeconds,
          watchedPercent: sqlGreatest(v.watchedPercent),
          ...(v.completedAt ? { completedAt: v.completedAt } : {}),
          updatedAt: v.now,
        },
      });
  },
  async clearCompletion(x: Executor, userId: string, lessonId: string, now: Date) {
    await x
      .update(lessonProgress)
      .set({ completedAt: null, updatedAt: now })
      .where(and(eq(lessonProgress.userId, userId), eq(lessonProgress.lessonId, lessonId)));
  },
  /** How many of the given (required) lessons the student has completed. */
  async countCompleted(x: Executor, userId: string, lessonIds: string[]): Promise<number> {
    if (lessonIds.length === 0) return 0;
    const rows = await x
      .select({ id: lessonProgress.lessonId })
      .from(lessonProgress)
      .where(
        and(
          eq(lessonProgress.userId, userId),
          inArray(lessonProgress.lessonId, lessonIds),
          isNotNull(lessonProgress.completedAt),
        ),
      );
    return rows.length;
  },
  /** A lesson with the student's enrollment in its course (null when there is none), in one query. */
  async lessonWithEnrollment(x: Executor, lessonId: string, userId: string) {
    const [row] = await x
      .select({ lesson: lessons, enrollment: enrollments })
      .from(lessons)
      .leftJoin(enrollments, and(eq(enrollments.courseId, lessons.courseId), eq(enrollments.userId, userId)))
      .where(eq(lessons.id, lessonId))
      .limit(1);
    return row;
  },
  /**
   * Save a lesson's progress and "where the student last worked" on the enrollment in one statement —
   * only when the student may record progress there: enrolled, access live (not revoked, not expired)
   * and the lesson released (by its date and the enrollment's drip), the rules of `accessState` and
   * `availableAt`. Undefined when not (nothing written): the caller finds out why. `position`/`watched`
   * null keep what is saved; completion is only ever set here: `complete`, or a video watched to
   * `autoPercent`.
   *
   * The course is recounted (and the count stored on the enrollment) only when this call may complete
   * the lesson; a save that cannot change any completion (the player's periodic position saves) leaves
   * the stored count as the last recount left it and answers it (ADR 041). The recount reads the
   * snapshot from before the upsert, so this lesson's own completion is taken from the upsert's result.
   * The percentage is computed in float8 as `progressPercent` does in JS (same IEEE operations, same
   * result), so a stored 100 means every required lesson done.
   */
  async recordProgress(
    x: Executor,
    v: {
      userId: string;
      lessonId: string;
      positionSeconds: number | null;
      watchedPercent: number | null;
      complete: boolean;
      autoPercent: number;
      now: Date;
      /** The enrollment the caller has already found open (the rules are not applied again). */
      checkedEnrollmentId?: string;
    },
  ): Promise<
    | {
        courseId: string;
        lessonCompleted: boolean;
        courseCompleted: boolean;
        completedLessons: number;
        progressPercent: number;
      }
    | undefined
  > {
    const now = sql`${v.now.toISOString()}::timestamptz`;
    const pos = sql`${v.positionSeconds}::int`;
    const watched = sql`${v.watchedPercent}::int`;
    const result = await x.execute<{
      course_id: string;
      done: number;
      pct: number;
      lesson_completed: boolean;
      course_completed: boolean;
    }>(sql`
      with open as (
        select l.id as lesson_id, l.course_id, e.id as enrollment_id,
          ${v.complete}::boolean or (l.type = 'video' and ${watched} >= ${v.autoPercent}::int) as complete
        from ${lessons} l
        join ${enrollments} e on e.course_id = l.course_id and e.user_id = ${v.userId}::uuid
        where l.id = ${v.lessonId}::uuid and ${
          v.checkedEnrollmentId
            ? sql`e.id = ${v.checkedEnrollmentId}::uuid`
            : sql`e.status = 'active' and (e.expires_at is null or e.expires_at > ${now})
          and (l.release_at is null or l.release_at <= ${now})
          and (l.drip_days is null or l.drip_days <= 0
            or e.granted_at + l.drip_days * interval '86400 seconds' <= ${now})`
        }
      ),
      saved as (
        insert into ${lessonProgress} as p
          (user_id, lesson_id, course_id, position_seconds, watched_percent, completed_at, created_at, updated_at)
        select ${v.userId}::uuid, o.lesson_id, o.course_id, coalesce(${pos}, 0), coalesce(${watched}, 0),
          case when o.complete then ${now} end, ${now}, ${now}
        from open o
        on conflict (user_id, lesson_id) do update set
          position_seconds = coalesce(${pos}, p.position_seconds),
          watched_percent = greatest(p.watched_percent, coalesce(${watched}, p.watched_percent)),
          completed_at = coalesce(p.completed_at, excluded.completed_at),
          updated_at = ${now}
        returning p.completed_at
      ),
      counts as (
        select n.required, n.done
        from open o, lateral (
          select
            count(*) filter (where l.is_required)::int as required,
            count(*) filter (where l.is_required and case when l.id = ${v.lessonId}::uuid
              then (select completed_at from saved) is not null
              else lp.completed_at is not null end)::int as done
          from ${lessons} l
          join ${courseSections} s on s.id = l.section_id
          left join ${lessonProgress} lp on lp.user_id = ${v.userId}::uuid and lp.lesson_id = l.id
          where l.course_id = o.course_id
        ) n
        where o.complete
      )
      update ${enrollments} as e set
        last_accessed_at = ${now},
        last_lesson_id = o.lesson_id,
        completed_lessons = coalesce(c.done, e.completed_lessons),
        progress_percent = case when c.required is null then e.progress_percent
          when c.required = 0 then 0
          else least(100, floor((c.done::float8 / c.required::float8) * 100))::int end,
        -- Completed once: a later un-completion does not take the date (or a certificate) back.
        completed_at = case when c.required > 0 and c.done = c.required
          then coalesce(e.completed_at, ${now}) else e.completed_at end
      from open o left join counts c on true
      where e.id = o.enrollment_id
      returning o.course_id, e.completed_lessons as done, e.progress_percent as pct,
        (select completed_at from saved) is not null as lesson_completed,
        case when c.required is null then e.progress_percent = 100
          else c.required > 0 and c.done = c.required end as course_completed`);
    const [r] = result.rows;
    if (!r) return undefined;
    return {
      courseId: r.course_id,
      lessonCompleted: r.lesson_completed,
      courseCompleted: r.course_completed,
      completedLessons: Number(r.done),
      progressPercent: Number(r.pct),
    };
  },
  async recordEvent(x: Executor, userId: string, courseId: string, type: string, now: Date) {
    await x.insert(courseEvents).values({ userId, courseId, type, createdAt: now });
  },
};

async function courseWhere(x: Executor, where: SQL) {
  const [row] = await x
    .select({
      id: courses.id,
      slug: courses.slug,
      title: courses.title,
      status: courses.status,
      priceMinor: courses.priceMinor,
    })
    .from(courses)
    .where(where)
    .limit(1);
  return row;
}

/** Keep the furthest point watched: a student scrubbing back does not lose the 90 %. */
function sqlGreatest(v: number) {
  return sql`greatest(${lessonProgress.watchedPercent}, ${v})`;
}
