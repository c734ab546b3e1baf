import type { Tx } from '../../../db/client.ts';
import type { OrderItemRow, OrderRow, RefundRow } from '../../../db/schema/index.ts';
import { formatMoney } from '../checkout/fulfilment.ts';
import type { CommerceDeps } from '../commerce.deps.ts';
import { postReversal } from './refund-ledger.ts';
import { refundsRepo } from './refunds.repo.ts';

export type ApplyDeps = Pick<CommerceDeps, 'clock' | 'mail' | 'enrollments' | 'config'>;

/** What a caller does once the transaction commits: queue the mails, tell the catalog. */
export interface Applied {
  mailIds: string[];
  accessChanged: boolean;
}

/**
 * Take away what fully given-back lines gave: course access (effective on the next request, as the
 * player reads enrollments fresh), the download of a digital product; and put physical goods back in
 * stock when asked. A line refunded only in part keeps its access.
 */
export async function withdrawLines(
  tx: Tx,
  d: ApplyDeps,
  m: {
    order: OrderRow;
    lines: { item: OrderItemRow; quantity: number; fully: boolean }[];
    restock: boolean;
    reason: string;
  },
): Promise<boolean> {
  let accessChanged = false;
  const now = d.clock.now();
  for (const { item, quantity, fully } of m.lines) {
    if (item.itemType === 'course' && item.courseId && fully)
      accessChanged =
        (await d.enrollments.revokeAccess(tx, m.order.userId, item.courseId, m.reason)) || accessChanged;
    if (item.itemType === 'product' && fully) await refundsRepo.revokeGrant(tx, item.id, now);
    if (item.itemType === 'product' && item.productId && item.requiresShipping && m.restock)
      await refundsRepo.restock(tx, item.productId, quantity);
  }
  return accessChanged;
}

/**
 * Apply a succeeded refund, once: the caller holds the order's lock and has locked the refund row; a
 * refund already succeeded changes nothing (a duplicated webhook, the admin's call racing the
 * provider's notification). In one transaction: the refund, the order's and lines' refunded figures and
 * status, access and downloads, stock, the opposite ledger movement and the buyer's mail.
 */
export async function applyRefund(
  tx: Tx,
  d: ApplyDeps,
  m: {
    order: OrderRow;
    refund: RefundRow;
    providerRef?: string | null;
    restock?: boolean;
    actorId?: string | null;
  },
): Promise<Applied | null> {
  const { order, refund } = m;
  if (refund.status === 'succeeded') return null;
  const now = d.clock.now();
  await refundsRepo.update(tx, refund.id, {
    status: 'succeeded',
    succeededAt: now,
    errorMessage: null,
    ...(m.providerRef ? { providerRef: m.providerRef } : {}),
  });
  const items = new Map((await refundsRepo.items(tx, order.id)).map((i) => [i.id, i]));
  const lines: { item: OrderItemRow; quantity: number; fully: boolean }[] = [];
  for (const r of refund.items) {
    const item = items.get(r.orderItemId);
    if (!item) continue;
    await refundsRepo.addItemRefund(tx, item.id, r.quantity, r.amountMinor);
    lines.push({ item, quantity: r.quantity, fully: item.refundedQuantity + r.quantity >= item.quantity });
  }
  const refundedMinor = order.refundedMinor + refund.amountMinor;
  const status = refundedMinor >= order.totalMinor ? 'refunded' : 'partially_refunded';
  await refundsRepo.updateOrder(tx, order.id, { refundedMinor, status, updatedAt: now });
  if (refund.paymentId) await refundsRepo.setPaymentStatus(tx, refund.paymentId, status, now);
  const accessChanged = await withdrawLines(tx, d, {
    order,
    lines,
    restock: m.restock ?? false,
    reason: 'refund',
  });
  const itemsMinor = refund.items.reduce((s, i) => s + i.amountMinor, 0);
  // What the lines do not account for is the shipping (`refunds.items` holds the lines only).
  const shippingMinor = refund.amountMinor - itemsMinor;
  await postReversal(tx, {
    order,
    kind: 'refund',
    refundId: refund.id,
    paymentId: refund.paymentId,
    lines: refund.items.map((r) => ({
      orderItemId: r.orderItemId,
      amountMinor: r.amountMinor,
      lineTotalMinor: items.get(r.orderItemId)?.totalMinor ?? 0,
      lineTaxMinor: items.get(r.orderItemId)?.taxMinor ?? 0,
    })),
    shippingMinor,
    at: now,
  });
  const amount = formatMoney(refund.amountMinor, refund.currency);
  await refundsRepo.addEvent(tx, {
    orderId: order.id,
    type: 'refund',
    fromStatus: order.status,
    toStatus: status,
    note: `${amount} refunded${refund.reason ? `: ${refund.reason}` : ''}`,
    actorId: m.actorId ?? refund.createdBy ?? null,
    createdAt: now,
  });
  const mailId = await d.mail.write(tx, order.contactEmail, 'orderRefunded', {
    name: order.contactName,
    number: order.number,
    amount,
    full: status === 'refunded',
    url: new URL(`/orders/${order.number}`, d.config.http.publicUrl).toString(),
  });
  return { mailIds: [mailId], accessChanged };
}
