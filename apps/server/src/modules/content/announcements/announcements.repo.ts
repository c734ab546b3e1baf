import type { AnnouncementStatus } from '@9tangle/contracts';
import { and, count, desc, eq, gt, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { type AnnouncementRow, announcements as a, users } from '../../../db/schema/index.ts';

export type AnnouncementInsert = typeof a.$inferInsert;
export type AnnouncementWithAuthor = AnnouncementRow & { createdByName: string | null };

const notEnded = (now: Date) => or(isNull(a.endsAt), gt(a.endsAt, now));
const started = (now: Date) => or(isNull(a.startsAt), lte(a.startsAt, now));

/** The SQL of each status at `now`, as `statusOf` in the policy decides it. */
export function statusWhere(status: AnnouncementStatus, now: Date): SQL | undefined {
  switch (status) {
    case 'inactive':
      return eq(a.isActive, false);
    case 'expired':
      return and(eq(a.isActive, true), lte(a.endsAt, now));
    case 'scheduled':
      return and(eq(a.isActive, true), notEnded(now), gt(a.startsAt, now));
    case 'active':
      return and(eq(a.isActive, true), notEnded(now), started(now));
  }
}

const withAuthor = { row: a, createdByName: users.name };
const flat = (r: { row: AnnouncementRow; createdByName: string | null }): AnnouncementWithAuthor => ({
  ...r.row,
  createdByName: r.createdByName,
});

/** Queries on announcements, executor first. */
export const announcementsRepo = {
  async list(x: Executor, q: { status?: AnnouncementStatus; page: number; limit: number; now: Date }) {
    const where = q.status ? statusWhere(q.status, q.now) : undefined;
    const [rows, [total]] = await Promise.all([
      x
        .select(withAuthor)
        .from(a)
        .leftJoin(users, eq(users.id, a.createdBy))
        .where(where)
        .orderBy(desc(a.createdAt), desc(a.id))
        .limit(q.limit)
        .offset((q.page - 1) * q.limit),
      x.select({ n: count() }).from(a).where(where),
    ]);
    return { items: rows.map(flat), total: total?.n ?? 0 };
  },
  /** How many announcements are in each status at `now`. */
  async countByStatus(x: Executor, now: Date): Promise<Record<AnnouncementStatus, number>> {
    const [row] = await x
      .select({
        active: sql<number>`count(*) filter (where ${statusWhere('active', now)})::int`,
        scheduled: sql<number>`count(*) filter (where ${statusWhere('scheduled', now)})::int`,
        expired: sql<number>`count(*) filter (where ${statusWhere('expired', now)})::int`,
        inactive: sql<number>`count(*) filter (where ${statusWhere('inactive', now)})::int`,
      })
      .from(a);
    return {
      active: Number(row?.active ?? 0),
      scheduled: Number(row?.scheduled ?? 0),
      expired: Number(row?.expired ?? 0),
      inactive: Number(row?.inactive ?? 0),
    };
  },
  async findById(x: Executor, id: string): Promise<AnnouncementWithAuthor | undefined> {
    const [row] = await x
      .select(withAuthor)
      .from(a)
      .leftJoin(users, eq(users.id, a.createdBy))
      .where(eq(a.id, id));
    return row ? flat(row) : undefined;
  },
  async insert(x: Executor, v: AnnouncementInsert): Promise<AnnouncementRow> {
    const [row] = await x.insert(a).values(v).returning();
    if (!row) throw new Error('announcements: insert returned nothing');
    return row;
  },
  async update(
    x: Executor,
    id: string,
    v: Partial<AnnouncementInsert>,
  ): Promise<AnnouncementRow | undefined> {
    const [row] = await x.update(a).set(v).where(eq(a.id, id)).returning();
    return row;
  },
  async delete(x: Executor, id: string): Promise<boolean> {
    const rows = await x.delete(a).where(eq(a.id, id)).returning({ id: a.id });
    return rows.length > 0;
  },
  /**
   * Turned on and not yet ended at `now` (shown now or later), newest first — by when each began to
   * show: its start, or its creation if that came later. What the banners are
   * chosen from, cached, and filtered again by the clock at each read. Capped: an academy with more
   * than 200 live announcements has a different problem.
   */
  live: (x: Executor, now: Date) =>
    x
      .select()
      .from(a)
      .where(and(eq(a.isActive, true), notEnded(now)))
      .orderBy(desc(sql`greatest(${a.startsAt}, ${a.createdAt})`), desc(a.createdAt), desc(a.id))
      .limit(200),
};
