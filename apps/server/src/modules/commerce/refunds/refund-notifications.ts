import type { Tx } from '../../../db/client.ts';
import type { OrderRow } from '../../../db/schema/index.ts';
import type { PaymentNotification } from '../../../platform/payments.ts';
import type { PaymentPipeline } from '../payments/pipeline.ts';
import { type ApplyDeps, applyRefund, withdrawLines } from './apply-refund.ts';
import { postReversal } from './refund-ledger.ts';
import { refundsRepo } from './refunds.repo.ts';
import { type RefundsService, refundState } from './refunds.service.ts';

/**
 * A refund made in the provider's dashboard, which we learn of by its webhook: the whole of what is
 * left (every line and the shipping) when the amount covers it, otherwise a money-only refund spread
 * over the lines by what is left of each (quantity 0: access stays; an admin decides the rest).
 */
async function dashboardRefund(
  tx: Tx,
  order: OrderRow,
  paymentId: string,
  n: { refundRef: string; amountMinor: number },
) {
  const s = await refundState(tx, order);
  const left = order.totalMinor - s.heldMinor;
  if (n.amountMinor <= 0 || n.amountMinor > left) return null;
  const open = s.lines.map((l) => ({
    ...l,
    leftQ: l.quantity - l.heldQuantity,
    leftM: l.totalMinor - l.heldMinor,
  }));
  let items: { orderItemId: string; quantity: number; amountMinor: number }[];
  if (n.amountMinor === left) {
    items = open
      .filter((l) => l.leftM > 0 || l.leftQ > 0)
      .map((l) => ({ orderItemId: l.id, quantity: l.leftQ, amountMinor: l.leftM }));
  } else {
    const linesLeft = open.reduce((a, l) => a + l.leftM, 0);
    let rest = Math.min(n.amountMinor, linesLeft);
    items = [];
    for (const [i, l] of open.entries()) {
      if (l.leftM <= 0 || rest <= 0) continue;
      const last = open.slice(i + 1).every((o) => o.leftM <= 0);
      const part = last ? rest : Math.min(rest, Math.floor((n.amountMinor * l.leftM) / Math.max(left, 1)));
      if (part > 0) items.push({ orderItemId: l.id, quantity: 0, amountMinor: part });
      rest -= part;
    }
  }
  return refundsRepo.insert(tx, {
    orderId: order.id,
    paymentId,
    provider: order.provider ?? 'stripe',
    providerRef: n.refundRef,
    amountMinor: n.amountMinor,
    currency: order.currency,
    reason: 'Refunded in the provider’s dashboard',
    items,
  });
}

// `Extract<…, { kind: 'refund_succeeded' }>` is `never` (the union member's kind is both refund kinds).
type RefundNotification = Extract<PaymentNotification, { refundRef: string }>;

/**
 * The orders slice's part of the one payment pipeline (ADR 026): refunds and disputes reported by a
 * provider. The pipeline has already de-duplicated the notification and locked the order.
 */
export function registerRefundHandlers(
  pipeline: PaymentPipeline,
  d: ApplyDeps & { refunds: RefundsService },
) {
  pipeline.on('refund_succeeded', async ({ tx, notification, order, payment, afterCommit }) => {
    const n = notification as unknown as RefundNotification;
    if (n.currency !== order.currency) return 'currency_mismatch';
    const refund =
      (await refundsRepo.lockByRef(tx, payment.provider, n.refundRef)) ??
      // Our own refund whose webhook beat the provider's answer to us (its ref is not stored yet).
      (await refundsRepo.lockUnanswered(tx, order.id, n.amountMinor)) ??
      (await dashboardRefund(tx, order, payment.id, n));
    if (!refund) return 'refund_exceeds_paid';
    if (refund.status === 'succeeded') return 'already_refunded';
    const applied = await applyRefund(tx, d, { order, refund, providerRef: n.refundRef });
    afterCommit(() => d.refunds.afterCommit(applied));
    return 'refund_applied';
  });

  pipeline.on('refund_failed', async ({ tx, notification, order, payment }) => {
    const n = notification as unknown as RefundNotification;
    const refund = await refundsRepo.lockByRef(tx, payment.provider, n.refundRef);
    if (refund?.status !== 'pending') return 'ignored';
    await refundsRepo.update(tx, refund.id, {
      status: 'failed',
      errorMessage: 'The provider could not refund it.',
    });
    await refundsRepo.addEvent(tx, {
      orderId: order.id,
      type: 'refund_failed',
      note: n.refundRef,
      createdAt: d.clock.now(),
    });
    return 'refund_failed';
  });

  for (const kind of ['dispute_opened', 'dispute_closed'] as const) {
    pipeline.on(kind, async ({ tx, notification: n, order, payment, afterCommit }) => {
      const now = d.clock.now();
      const lost = kind === 'dispute_closed' && n.status === 'lost' && order.disputeStatus !== 'lost';
      await refundsRepo.updateOrder(tx, order.id, {
        disputedAt: order.disputedAt ?? now,
        disputeStatus: n.status,
        updatedAt: now,
      });
      await refundsRepo.addEvent(tx, { orderId: order.id, type: kind, note: n.status, createdAt: now });
      let accessChanged = false;
      if (lost) {
        // The provider took the money back: withdraw everything still given, post the reversal of what
        // was not refunded already.
        const s = await refundState(tx, order);
        const lines = s.items.map((item) => ({ item, quantity: 0, fully: true }));
        accessChanged = await withdrawLines(tx, d, { order, lines, restock: false, reason: 'chargeback' });
        const open = s.lines.map((l) => ({
          orderItemId: l.id,
          amountMinor: l.totalMinor - l.heldMinor,
          lineTotalMinor: l.totalMinor,
          lineTaxMinor: s.items.find((i) => i.id === l.id)?.taxMinor ?? 0,
        }));
        const linesMinor = open.reduce((a, l) => a + l.amountMinor, 0);
        const shippingMinor = Math.max(0, order.totalMinor - s.heldMinor - linesMinor);
        await postReversal(tx, {
          order,
          kind: 'dispute',
          paymentId: payment.id,
          lines: open,
          shippingMinor,
          at: now,
        });
      }
      const url = new URL(`/admin/orders/${order.number}`, d.config.http.publicUrl).toString();
      const mailIds: string[] = [];
      for (const admin of await refundsRepo.admins(tx))
        mailIds.push(
          await d.mail.write(tx, admin.email, 'orderDisputed', {
            number: order.number,
            status: n.status,
            url,
          }),
        );
      afterCommit(() => d.refunds.afterCommit({ mailIds, accessChanged }));
      return lost ? 'dispute_lost' : kind;
    });
  }
}
