import { and, asc, count, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import {
  type ManualPaymentProofRow,
  manualPaymentAccounts,
  manualPaymentProofs,
  orderEvents,
  orders,
  payments,
  users,
} from '../../../db/schema/index.ts';

const proofColumns = {
  id: manualPaymentProofs.id,
  orderId: manualPaymentProofs.orderId,
  paymentId: manualPaymentProofs.paymentId,
  accountId: manualPaymentProofs.accountId,
  method: manualPaymentProofs.method,
  attemptNumber: manualPaymentProofs.attemptNumber,
  transactionId: manualPaymentProofs.transactionId,
  paidOn: manualPaymentProofs.paidOn,
  senderAccount: manualPaymentProofs.senderAccount,
  proofKey: manualPaymentProofs.proofKey,
  proofMime: manualPaymentProofs.proofMime,
  proofSizeBytes: manualPaymentProofs.proofSizeBytes,
  status: manualPaymentProofs.status,
  rejectReason: manualPaymentProofs.rejectReason,
  rejectNote: manualPaymentProofs.rejectNote,
  reviewedBy: manualPaymentProofs.reviewedBy,
  reviewedAt: manualPaymentProofs.reviewedAt,
  createdAt: manualPaymentProofs.createdAt,
  accountTitle: manualPaymentAccounts.title,
};
export type ProofWithAccount = ManualPaymentProofRow & { accountTitle: string | null };

const queueColumns = {
  ...proofColumns,
  orderNumber: orders.number,
  orderStatus: orders.status,
  orderUserId: orders.userId,
  amountMinor: orders.totalMinor,
  currency: orders.currency,
  buyerName: users.name,
  buyerEmail: users.email,
};
export type QueueRow = Awaited<ReturnType<typeof proofsRepo.queue>>['items'][number];

/** Manual transfer proofs, their orders and attempts. Ownership goes in the `where` clause. */
export const proofsRepo = {
  /** The buyer's order by its number; `lock` takes the row lock (proof submission counts under it). */
  async orderOfBuyer(x: Executor, o: { number: string; userId: string; lock?: boolean }) {
    const q = x
      .select()
      .from(orders)
      .where(and(eq(orders.number, o.number), eq(orders.userId, o.userId)));
    const [row] = o.lock ? await q.for('update') : await q;
    return row;
  },
  /** The order's newest manual payment attempt. */
  async manualAttempt(x: Executor, orderId: string) {
    const [row] = await x
      .select()
      .from(payments)
      .where(and(eq(payments.orderId, orderId), eq(payments.provider, 'manual')))
      .orderBy(desc(payments.createdAt))
      .limit(1);
    return row;
  },
  async payment(x: Executor, id: string) {
    const [row] = await x.select().from(payments).where(eq(payments.id, id));
    return row;
  },
  async ofOrder(x: Executor, orderId: string): Promise<ProofWithAccount[]> {
    return x
      .select(proofColumns)
      .from(manualPaymentProofs)
      .leftJoin(manualPaymentAccounts, eq(manualPaymentAccounts.id, manualPaymentProofs.accountId))
      .where(eq(manualPaymentProofs.orderId, orderId))
      .orderBy(asc(manualPaymentProofs.attemptNumber));
  },
  async insert(x: Executor, values: typeof manualPaymentProofs.$inferInsert): Promise<ManualPaymentProofRow> {
    const [row] = await x.insert(manualPaymentProofs).values(values).returning();
    if (!row) throw new Error('proofsRepo.insert: no row');
    return row;
  },
  /** The review queue: proofs of a status, oldest first, with their order and buyer. */
  async queue(x: Executor, o: { status: ManualPaymentProofRow['status']; page: number; limit: number }) {
    const where = eq(manualPaymentProofs.status, o.status);
    const items = await x
      .select(queueColumns)
      .from(manualPaymentProofs)
      .innerJoin(orders, eq(orders.id, manualPaymentProofs.orderId))
      .innerJoin(users, eq(users.id, orders.userId))
      .leftJoin(manualPaymentAccounts, eq(manualPaymentAccounts.id, manualPaymentProofs.accountId))
      .where(where)
      .orderBy(asc(manualPaymentProofs.createdAt), asc(manualPaymentProofs.id))
      .limit(o.limit)
      .offset((o.page - 1) * o.limit);
    const [total] = await x.select({ n: count() }).from(manualPaymentProofs).where(where);
    return { items, total: total?.n ?? 0 };
  },
  async detail(x: Executor, id: string) {
    const [row] = await x
      .select(queueColumns)
      .from(manualPaymentProofs)
      .innerJoin(orders, eq(orders.id, manualPaymentProofs.orderId))
      .innerJoin(users, eq(users.id, orders.userId))
      .leftJoin(manualPaymentAccounts, eq(manualPaymentAccounts.id, manualPaymentProofs.accountId))
      .where(eq(manualPaymentProofs.id, id));
    return row;
  },
  /**
   * Decide a pending proof: a conditional UPDATE, so of two reviewers acting at once exactly one
   * changes it (the other gets nothing back and a 409).
   */
  async decide(
    x: Executor,
    id: string,
    set: Pick<ManualPaymentProofRow, 'status' | 'rejectReason' | 'rejectNote' | 'reviewedBy' | 'reviewedAt'>,
  ): Promise<ManualPaymentProofRow | undefined> {
    const [row] = await x
      .update(manualPaymentProofs)
      .set(set)
      .where(and(eq(manualPaymentProofs.id, id), eq(manualPaymentProofs.status, 'pending')))
      .returning();
    return row;
  },
  /** Undo an approval whose payment could not be recorded (the pipeline's transaction failed). */
  async reopen(x: Executor, id: string): Promise<void> {
    await x
      .update(manualPaymentProofs)
      .set({ status: 'pending', reviewedBy: null, reviewedAt: null })
      .where(and(eq(manualPaymentProofs.id, id), eq(manualPaymentProofs.status, 'approved')));
  },
  async addEvent(x: Executor, e: typeof orderEvents.$inferInsert): Promise<void> {
    await x.insert(orderEvents).values(e);
  },
  async reviewerName(x: Executor, userId: string): Promise<string | null> {
    const [row] = await x.select({ name: users.name }).from(users).where(eq(users.id, userId));
    return row?.name ?? null;
  },
};
