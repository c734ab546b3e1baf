import { count, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { courseAudit, users } from '../../db/schema/index.ts';

export interface AuditEntry {
  courseId: string;
  actorId: string | null;
  action: string;
  before?: unknown;
  after?: unknown;
}

/** The course audit trail: written in the transaction of the change it records. */
export const auditRepo = {
  async record(x: Executor, e: AuditEntry, now: Date): Promise<void> {
    await x.insert(courseAudit).values({
      courseId: e.courseId,
      actorId: e.actorId,
      action: e.action,
      before: e.before ?? null,
      after: e.after ?? null,
      createdAt: now,
    });
  },
  /** Newest first, with the actor's name (null once the account is gone). */
  async list(x: Executor, courseId: string, page: { page: number; limit: number }) {
    const [items, [total]] = await Promise.all([
      x
        .select({
          id: courseAudit.id,
          action: courseAudit.action,
          before: courseAudit.before,
          after: courseAudit.after,
          createdAt: courseAudit.createdAt,
          actorId: users.id,
          actorName: users.name,
        })
        .from(courseAudit)
        .leftJoin(users, eq(users.id, courseAudit.actorId))
        .where(eq(courseAudit.courseId, courseId))
        .orderBy(desc(courseAudit.createdAt), desc(courseAudit.id))
        .limit(page.limit)
        .offset((page.page - 1) * page.limit),
      x.select({ n: count() }).from(courseAudit).where(eq(courseAudit.courseId, courseId)),
    ]);
    return { items, total: total?.n ?? 0 };
  },
};
