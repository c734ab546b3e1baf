import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { ledgerEntries } from '../../../db/schema/index.ts';

/**
 * The double-entry ledger of every money movement (ADR 026). A movement is a set of entries, one per
 * account, whose amounts sum to zero per currency: positive is a debit (money the academy holds or is
 * owed), negative a credit (where it came from or whom it is owed to). "The ledger balances" is then one
 * query (`unbalanced`).
 *
 * Accounts (`account`, with `user_id` for an instructor):
 * - `cash:<provider>` — money received through a provider (stripe, paypal, manual, test);
 * - `revenue:academy` — the academy's share of sales; `revenue:shipping` — shipping charged;
 * - `payable:instructor` — an instructor's share of their course sales (user_id = the instructor);
 * - `liability:tax` — tax collected for the authorities.
 * A refund posts the opposite entries of what it gives back (`kind` = `refund`).
 */
export type LedgerKind = 'sale' | 'refund' | 'dispute' | 'adjustment';

export interface LedgerLine {
  account: string;
  amountMinor: number;
  userId?: string | null;
  orderItemId?: string | null;
}

type Movement = {
  kind: LedgerKind;
  currency: string;
  orderId: string;
  paymentId?: string | null;
  refundId?: string | null;
  lines: LedgerLine[];
  at: Date;
};

export const ledger = {
  /**
   * One movement's rows, checked: throws when it does not balance. `post` inserts them; a caller that
   * batches its writes (the fulfilment) inserts them itself.
   */
  entries(m: Movement): { movementId: string; rows: (typeof ledgerEntries.$inferInsert)[] } {
    const lines = m.lines.filter((l) => l.amountMinor !== 0);
    const total = lines.reduce((a, l) => a + l.amountMinor, 0);
    if (total !== 0) throw new Error(`ledger: ${m.kind} movement of order ${m.orderId} is off by ${total}`);
    if (lines.some((l) => !Number.isInteger(l.amountMinor))) throw new Error('ledger: amounts are integers');
    const movementId = randomUUID();
    const rows = lines.map((l) => ({
      movementId,
      kind: m.kind,
      account: l.account,
      userId: l.userId ?? null,
      orderId: m.orderId,
      orderItemId: l.orderItemId ?? null,
      paymentId: m.paymentId ?? null,
      refundId: m.refundId ?? null,
      amountMinor: l.amountMinor,
      currency: m.currency,
      createdAt: m.at,
    }));
    return { movementId, rows };
  },

  /** Post one movement; throws (rolling the caller's transaction back) when it does not balance. */
  async post(x: Executor, m: Movement): Promise<string> {
    const { movementId, rows } = ledger.entries(m);
    if (rows.length > 0) await x.insert(ledgerEntries).values(rows);
    return movementId;
  },

  /** Currencies (and movements) whose entries do not sum to zero: empty when the ledger balances. */
  async unbalanced(x: Executor): Promise<{ currency: string; sum: number }[]> {
    const rows = await x
      .select({ currency: ledgerEntries.currency, sum: sql<string>`sum(${ledgerEntries.amountMinor})` })
      .from(ledgerEntries)
      .groupBy(ledgerEntries.currency)
      .having(sql`sum(${ledgerEntries.amountMinor}) <> 0`);
    return rows.map((r) => ({ currency: r.currency, sum: Number(r.sum) }));
  },
};
