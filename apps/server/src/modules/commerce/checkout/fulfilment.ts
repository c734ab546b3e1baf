import { eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import {
  ledgerEntries,
  mailMessages,
  type OrderRow,
  orderEvents,
  orders,
  type PaymentRow,
} from '../../../db/schema/index.ts';
import { cartPricingRepo } from '../cart/cart-pricing.repo.ts';
import type { CommerceDeps } from '../commerce.deps.ts';
import { type LedgerLine, ledger } from '../ledger/ledger.ts';
import type { NotificationContext } from '../payments/pipeline.ts';
import { INVOICE_SOURCE, invoiceKey } from './invoice-pdf.ts';
import { formatMoney } from './money.ts';

// Kept here too: the refunds slice reads it from this module.
export { formatMoney };

import { type FulfilmentLine, ordersRepo } from './orders.repo.ts';

export type FulfilmentDeps = Pick<
  CommerceDeps,
  'config' | 'clock' | 'enrollments' | 'mail' | 'onEnrollmentChange' | 'storage'
>;

/** What the pipeline gives a handler besides the transaction (see `NotificationContext`). */
export type FulfilmentEffects = Pick<NotificationContext, 'write' | 'afterCommit'>;

/**
 * The one fulfilment (ADR 026), run once per order on its pending → paid transition, under the order's
 * lock held by the payment pipeline, in its transaction: course access, download grants, stock, the
 * sale in the ledger, the bought lines out of the cart, the order's status (paid, then the next one:
 * written once, with both events), the receipt. The lines are read once (with their products and
 * instructors); the writes nothing here reads again go to `write`, sent as one statement with the
 * pipeline's own (ADR 042). Work that must wait for the commit (queueing the mail, the catalog's
 * counters) goes to `afterCommit`.
 */
export async function fulfilOrder(
  tx: Tx,
  d: FulfilmentDeps,
  order: OrderRow,
  payment: PaymentRow,
  fx: FulfilmentEffects,
): Promise<{ status: 'fulfilled' | 'processing' }> {
  const now = d.clock.now();
  const lines = await ordersRepo.linesForFulfilment(tx, order.id);
  const items = lines.map((l) => l.item);
  // In one order (by course id): two fulfilments bumping the same courses' counters lock them alike,
  // instead of deadlocking (seen as a 500 on concurrent webhooks in the chaos suite).
  const courseItems = items
    .filter((i) => i.itemType === 'course' && i.courseId)
    .sort((a, b) => ((a.courseId as string) < (b.courseId as string) ? -1 : 1));
  const productLines = lines.filter((l) => l.item.itemType === 'product' && l.product);

  let enrolled = false;
  for (const item of courseItems) {
    const r = await d.enrollments.grantAccess(tx, order.userId, item.courseId as string, 'purchase', {
      sourceRef: order.id,
    });
    enrolled ||= r.granted;
  }

  for (const { item, product } of productLines) {
    if (product?.type === 'digital')
      await ordersRepo.grantDownload(tx, {
        orderItemId: item.id,
        userId: order.userId,
        productId: product.id,
      });
    else if (product?.type === 'physical') {
      const taken = await ordersRepo.takeStock(tx, product.id, item.quantity);
      if (!taken)
        await ordersRepo.event(tx, order.id, {
          type: 'stock_short',
          note: `${item.title}: ${item.quantity} sold with fewer on hand`,
        });
    }
  }

  const sale = saleEntries(d, order, payment, lines, now);
  if (sale.length > 0) fx.write(tx.insert(ledgerEntries).values(sale));

  for (const w of cartPricingRepo.clearBoughtWrites(order.userId, {
    courseIds: courseItems.map((i) => i.courseId as string),
    productIds: productLines.map((l) => l.item.productId as string),
  }))
    fx.write(w);

  // The order goes from its status through paid to the next one: one update, both events.
  const ships = items.some((i) => i.requiresShipping);
  const status = ships ? 'processing' : 'fulfilled';
  fx.write(
    tx
      .update(orders)
      .set({
        status,
        paidAt: now,
        provider: payment.provider,
        fulfilledAt: ships ? null : now,
        updatedAt: new Date(),
      })
      .where(eq(orders.id, order.id)),
  );
  fx.write(
    tx.insert(orderEvents).values([
      { orderId: order.id, type: 'status_changed', fromStatus: order.status, toStatus: 'paid' },
      { orderId: order.id, type: 'status_changed', fromStatus: 'paid', toStatus: status },
    ]),
  );

  // The invoice is rendered by the mail's delivery (from the order as committed), and stored then under
  // this key; the buyer's download renders it from the same rows.
  const mail = d.mail.compose(
    order.contactEmail,
    'orderReceipt',
    {
      name: order.contactName,
      orderNumber: order.number,
      total: formatMoney(order.totalMinor, order.currency),
      lines: items.map((i) => `${i.title} × ${i.quantity}: ${formatMoney(i.totalMinor, order.currency)}`),
      url: new URL(`/dashboard/orders/${order.number}`, d.config.http.publicUrl).toString(),
    },
    {
      attachments: [
        {
          filename: `invoice-${order.number}.pdf`,
          contentType: 'application/pdf',
          storageKey: invoiceKey(order.id),
          source: { kind: INVOICE_SOURCE, id: order.id },
        },
      ],
    },
  );
  fx.write(tx.insert(mailMessages).values(mail));
  fx.afterCommit(() => d.mail.dispatch(mail.id));
  if (enrolled) fx.afterCommit(() => d.onEnrollmentChange());
  return { status };
}

/**
 * The sale as one balanced movement: the cash received at the provider; the tax collected; shipping;
 * each course's instructor share (`revenueSharePercent` of its net-of-discount, pre-tax amount) owed to
 * its first instructor; the rest is the academy's.
 */
function saleEntries(
  d: FulfilmentDeps,
  order: OrderRow,
  payment: PaymentRow,
  lines: FulfilmentLine[],
  at: Date,
) {
  const entries: LedgerLine[] = [
    { account: `cash:${payment.provider}`, amountMinor: order.totalMinor },
    { account: 'liability:tax', amountMinor: -order.taxMinor },
    { account: 'revenue:shipping', amountMinor: -order.shippingMinor },
  ];
  let shares = 0;
  for (const { item, instructorId: instructor } of lines) {
    if (item.itemType !== 'course' || !item.courseId || !instructor) continue;
    const net =
      item.unitPriceMinor * item.quantity - item.discountMinor - (order.taxInclusive ? item.taxMinor : 0);
    const share = Math.floor((Math.max(0, net) * d.config.commerce.revenueSharePercent) / 100);
    shares += share;
    entries.push({
      account: 'payable:instructor',
      amountMinor: -share,
      userId: instructor,
      orderItemId: item.id,
    });
  }
  const academy = order.totalMinor - order.taxMinor - order.shippingMinor - shares;
  entries.push({ account: 'revenue:academy', amountMinor: -academy });
  return ledger.entries({
    kind: 'sale',
    currency: order.currency,
    orderId: order.id,
    paymentId: payment.id,
    lines: entries,
    at,
  }).rows;
}
