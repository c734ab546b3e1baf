import { and, count, desc, eq, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { mailMessages } from '../../db/schema/index.ts';

export const mailRepo = {
  async insert(x: Executor, v: typeof mailMessages.$inferInsert) {
    const [row] = await x.insert(mailMessages).values(v).returning({ id: mailMessages.id });
    return row as { id: string };
  },
  async findById(x: Executor, id: string) {
    const [row] = await x.select().from(mailMessages).where(eq(mailMessages.id, id)).limit(1);
    return row;
  },
  async markSent(x: Executor, id: string, messageId: string | null, transport: string) {
    await x
      .update(mailMessages)
      .set({
        status: 'sent',
        sentAt: sql`now()`,
        providerMessageId: messageId,
        transport,
        attempts: sql`${mailMessages.attempts} + 1`,
        lastError: null,
        updatedAt: sql`now()`,
      })
      .where(eq(mailMessages.id, id));
  },
  async markFailed(x: Executor, id: string, error: string) {
    await x
      .update(mailMessages)
      .set({
        status: 'failed',
        lastError: error,
        attempts: sql`${mailMessages.attempts} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(mailMessages.id, id));
  },
  async requeue(x: Executor, id: string): Promise<boolean> {
    const rows = await x
      .update(mailMessages)
      .set({ status: 'queued', updatedAt: sql`now()` })
      .where(and(eq(mailMessages.id, id), eq(mailMessages.status, 'failed')))
      .returning({ id: mailMessages.id });
    return rows.length === 1;
  },
  /**
   * Mail still queued (or failed) since `before`, encrypted with one of `keyIds`: a body sealed with a
   * key this process does not hold stays as it is (queued, so the stuck-mail check shows it) until the
   * key is back, instead of being failed by every sweep — and on a database several academies share
   * (the PostgreSQL test suite), one never takes another's mail.
   */
  async stale(x: Executor, before: Date, keyIds: string[]): Promise<string[]> {
    const rows = await x
      .select({ id: mailMessages.id })
      .from(mailMessages)
      .where(
        and(
          inArray(mailMessages.status, ['queued', 'failed']),
          lt(mailMessages.updatedAt, before),
          lt(mailMessages.attempts, 20),
          inArray(sql`split_part(${mailMessages.bodyEnc}, '.', 2)`, keyIds),
        ),
      )
      .limit(500);
    return rows.map((r) => r.id);
  },
  async list(
    x: Executor,
    q: { page: number; limit: number; status?: 'queued' | 'sent' | 'failed'; to?: string },
  ) {
    const where: SQL | undefined = and(
      q.status ? eq(mailMessages.status, q.status) : undefined,
      q.to ? eq(mailMessages.to, q.to.toLowerCase()) : undefined,
    );
    const [items, [total]] = await Promise.all([
      x
        .select()
        .from(mailMessages)
        .where(where)
        .orderBy(desc(mailMessages.createdAt))
        .limit(q.limit)
        .offset((q.page - 1) * q.limit),
      x.select({ n: count() }).from(mailMessages).where(where),
    ]);
    return { items, total: total?.n ?? 0 };
  },
  async failedSince(x: Executor, since: Date): Promise<number> {
    const [row] = await x
      .select({ n: count() })
      .from(mailMessages)
      .where(and(eq(mailMessages.status, 'failed'), sql`${mailMessages.updatedAt} > ${since}`));
    return row?.n ?? 0;
  },
};
