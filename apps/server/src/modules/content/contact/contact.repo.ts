import type { ContactMessageStatus } from '@9tangle/contracts';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { type ContactMessageRow, contactMessages, users } from '../../../db/schema/index.ts';

export const contactRepo = {
  async insert(x: Executor, v: typeof contactMessages.$inferInsert): Promise<ContactMessageRow> {
    const [row] = await x.insert(contactMessages).values(v).returning();
    return row as ContactMessageRow;
  },
  async list(x: Executor, q: { page: number; limit: number; status?: ContactMessageStatus }) {
    const where = q.status ? eq(contactMessages.status, q.status) : undefined;
    const [items, [count]] = await Promise.all([
      x
        .select()
        .from(contactMessages)
        .where(where)
        .orderBy(desc(contactMessages.createdAt), desc(contactMessages.id))
        .limit(q.limit)
        .offset((q.page - 1) * q.limit),
      x.select({ n: sql<number>`count(*)::int` }).from(contactMessages).where(where),
    ]);
    return { items, total: count?.n ?? 0 };
  },
  async countNew(x: Executor): Promise<number> {
    const [row] = await x
      .select({ n: sql<number>`count(*)::int` })
      .from(contactMessages)
      .where(eq(contactMessages.status, 'new'));
    return row?.n ?? 0;
  },
  async find(x: Executor, id: string): Promise<ContactMessageRow | null> {
    const [row] = await x.select().from(contactMessages).where(eq(contactMessages.id, id));
    return row ?? null;
  },
  async setStatus(x: Executor, id: string, status: ContactMessageStatus, at: Date) {
    const [row] = await x
      .update(contactMessages)
      .set({ status, updatedAt: at })
      .where(eq(contactMessages.id, id))
      .returning();
    return row ?? null;
  },
  /** Delete a message only while it is spam (the check and the delete are one statement). */
  async deleteSpam(x: Executor, id: string): Promise<ContactMessageRow | null> {
    const [row] = await x
      .delete(contactMessages)
      .where(and(eq(contactMessages.id, id), eq(contactMessages.status, 'spam')))
      .returning();
    return row ?? null;
  },
  /** Addresses of the active admins (not suspended, not anonymised): who reads the contact form. */
  admins: (x: Executor) =>
    x
      .select({ email: users.email })
      .from(users)
      .where(and(eq(users.role, 'admin'), isNull(users.suspendedAt), isNull(users.anonymisedAt))),
};
