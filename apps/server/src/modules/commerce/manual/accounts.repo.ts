import { and, asc, eq, inArray, max } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { type ManualPaymentAccountRow, manualPaymentAccounts } from '../../../db/schema/index.ts';

type AccountValues = Omit<typeof manualPaymentAccounts.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;

/** The accounts buyers pay into by hand, in the order the admin arranged them. */
export const accountsRepo = {
  async list(x: Executor, o: { activeOnly: boolean }): Promise<ManualPaymentAccountRow[]> {
    return x
      .select()
      .from(manualPaymentAccounts)
      .where(o.activeOnly ? eq(manualPaymentAccounts.active, true) : undefined)
      .orderBy(asc(manualPaymentAccounts.position), asc(manualPaymentAccounts.createdAt));
  },
  async byId(x: Executor, id: string): Promise<ManualPaymentAccountRow | undefined> {
    const [row] = await x.select().from(manualPaymentAccounts).where(eq(manualPaymentAccounts.id, id));
    return row;
  },
  async activeById(x: Executor, id: string): Promise<ManualPaymentAccountRow | undefined> {
    const [row] = await x
      .select()
      .from(manualPaymentAccounts)
      .where(and(eq(manualPaymentAccounts.id, id), eq(manualPaymentAccounts.active, true)));
    return row;
  },
  async insert(x: Executor, values: Omit<AccountValues, 'position'>): Promise<ManualPaymentAccountRow> {
    const [last] = await x.select({ p: max(manualPaymentAccounts.position) }).from(manualPaymentAccounts);
    const [row] = await x
      .insert(manualPaymentAccounts)
      .values({ ...values, position: (last?.p ?? -1) + 1 })
      .returning();
    if (!row) throw new Error('accountsRepo.insert: no row');
    return row;
  },
  async update(
    x: Executor,
    id: string,
    values: Partial<AccountValues>,
    now: Date,
  ): Promise<ManualPaymentAccountRow | undefined> {
    const [row] = await x
      .update(manualPaymentAccounts)
      .set({ ...values, updatedAt: now })
      .where(eq(manualPaymentAccounts.id, id))
      .returning();
    return row;
  },
  async ids(x: Executor, ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await x
      .select({ id: manualPaymentAccounts.id })
      .from(manualPaymentAccounts)
      .where(inArray(manualPaymentAccounts.id, ids));
    return rows.map((r) => r.id);
  },
  async setPosition(x: Executor, id: string, position: number): Promise<void> {
    await x.update(manualPaymentAccounts).set({ position }).where(eq(manualPaymentAccounts.id, id));
  },
};
