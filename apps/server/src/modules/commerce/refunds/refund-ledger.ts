import type { Tx } from '../../../db/client.ts';
import type { OrderRow } from '../../../db/schema/index.ts';
import { type LedgerKind, type LedgerLine, ledger } from '../ledger/ledger.ts';
import { refundsRepo } from './refunds.repo.ts';

/** A line's part of a reversal: how much of the line (whose frozen total is `lineTotalMinor`) goes back. */
export interface ReversedLine {
  orderItemId: string;
  amountMinor: number;
  lineTotalMinor: number;
  /** The line's tax (included in its total either way). */
  lineTaxMinor: number;
}

/**
 * Post the opposite of (part of) the order's sale: the cash leaves the provider's account, and each
 * account the sale credited for a line (the instructor's payable, the academy's revenue, the tax) gets
 * back its proportion of what that line returns, the tax its share of the line's tax. Rounding and anything the sale did not attribute to
 * the line fall to the academy's revenue, so the movement always balances to the minor unit. The
 * shipping returns to `revenue:shipping`; an amount not tied to lines (a partial refund made in the
 * provider's dashboard) to the academy.
 */
export async function postReversal(
  tx: Tx,
  m: {
    order: OrderRow;
    kind: LedgerKind;
    refundId?: string | null;
    paymentId?: string | null;
    lines: ReversedLine[];
    shippingMinor: number;
    at: Date;
  },
): Promise<void> {
  const sale = await refundsRepo.saleEntries(tx, m.order.id);
  const cash =
    sale.find((e) => e.account.startsWith('cash:'))?.account ?? `cash:${m.order.provider ?? 'manual'}`;
  const total = m.lines.reduce((s, l) => s + l.amountMinor, 0) + m.shippingMinor;
  const out: LedgerLine[] = [{ account: cash, amountMinor: -total }];
  for (const line of m.lines) {
    let covered = 0;
    if (line.lineTotalMinor > 0) {
      for (const e of sale) {
        if (e.orderItemId !== line.orderItemId || e.account.startsWith('cash:')) continue;
        const part = -Math.round((e.amountMinor * line.amountMinor) / line.lineTotalMinor);
        out.push({ account: e.account, userId: e.userId, orderItemId: line.orderItemId, amountMinor: part });
        covered += part;
      }
    }
    // The checkout posts the tax as one untagged line: the line's proportion of its tax goes back to it.
    const taxTagged = sale.some((e) => e.orderItemId === line.orderItemId && e.account === 'liability:tax');
    if (!taxTagged && line.lineTaxMinor > 0 && line.lineTotalMinor > 0) {
      const tax = Math.round((line.lineTaxMinor * line.amountMinor) / line.lineTotalMinor);
      out.push({ account: 'liability:tax', orderItemId: line.orderItemId, amountMinor: tax });
      covered += tax;
    }
    const rest = line.amountMinor - covered;
    if (rest !== 0)
      out.push({ account: 'revenue:academy', orderItemId: line.orderItemId, amountMinor: rest });
  }
  if (m.shippingMinor > 0) out.push({ account: 'revenue:shipping', amountMinor: m.shippingMinor });
  await ledger.post(tx, {
    kind: m.kind,
    currency: m.order.currency,
    orderId: m.order.id,
    paymentId: m.paymentId ?? null,
    refundId: m.refundId ?? null,
    lines: out,
    at: m.at,
  });
}
