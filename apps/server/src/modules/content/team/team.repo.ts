import { asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { type TeamMemberRow, teamMembers } from '../../../db/schema/index.ts';

export const teamRepo = {
  list: (x: Executor, o: { visibleOnly?: boolean } = {}): Promise<TeamMemberRow[]> =>
    x
      .select()
      .from(teamMembers)
      .where(o.visibleOnly ? eq(teamMembers.isVisible, true) : undefined)
      .orderBy(asc(teamMembers.position), asc(teamMembers.createdAt)),
  async find(x: Executor, id: string, o: { lock?: boolean } = {}): Promise<TeamMemberRow | null> {
    const q = x.select().from(teamMembers).where(eq(teamMembers.id, id));
    const [row] = o.lock ? await q.for('update') : await q;
    return row ?? null;
  },
  async nextPosition(x: Executor): Promise<number> {
    const [row] = await x
      .select({ n: sql<number>`coalesce(max(${teamMembers.position}) + 1, 0)::int` })
      .from(teamMembers);
    return row?.n ?? 0;
  },
  async insert(x: Executor, v: typeof teamMembers.$inferInsert): Promise<TeamMemberRow> {
    const [row] = await x.insert(teamMembers).values(v).returning();
    return row as TeamMemberRow;
  },
  async update(x: Executor, id: string, v: Partial<typeof teamMembers.$inferInsert>) {
    const [row] = await x.update(teamMembers).set(v).where(eq(teamMembers.id, id)).returning();
    return row ?? null;
  },
  async delete(x: Executor, id: string): Promise<TeamMemberRow | null> {
    const [row] = await x.delete(teamMembers).where(eq(teamMembers.id, id)).returning();
    return row ?? null;
  },
  /** Lock every member (a reorder rewrites all positions; a concurrent one waits). */
  lockAll: (x: Executor) => x.select({ id: teamMembers.id }).from(teamMembers).for('update'),
};
