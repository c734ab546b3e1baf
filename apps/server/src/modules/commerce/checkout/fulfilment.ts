import type { Tx } from '../../../db/client.ts';
import type { OrderItemRow, OrderRow, PaymentRow } from '../../../db/schema/index.ts';
import { cartPricingRepo } from '../cart/cart-pricing.repo.ts';
import type { CommerceDeps } from '../commerce.deps.ts';
import { type LedgerLine, ledger } from '../ledger/ledger.ts';
import { invoiceKey, renderInvoicePdf } from './invoice-pdf.ts';
import { formatMoney } from './money.ts';

// Kept here too: the refunds slice reads it from this module.
export { formatMoney };

import { ordersRepo } from './orders.repo.ts';

export type FulfilmentDeps = Pick<
  CommerceDeps,
  'config' | 'clock' | 'enrollments' | 'mail' | 'onEnrollmentChange' | 'storage'
>;

/**
 * The one fulfilment (ADR 026), run once per order on its pending → paid transition, under the order's
 * lock held by the payment pipeline, in its transaction: course access, download grants, stock, the
 * sale in the ledger, the bought lines out of the cart, the order's next status, the receipt. Work that
 * must wait for the commit (queueing the mail, the catalog's counters) goes to `afterCommit`.
 */
export async function fulfilOrder(
  tx: Tx,
  d: FulfilmentDeps,
  order: OrderRow,
  payment: PaymentRow,
  afterCommit: (fn: () => Promise<void>) => void,
): Promise<{ status: 'fulfilled' | 'processing' }> {
  const now = d.clock.now();
  const items = await ordersRepo.itemsOf(tx, order.id);
  const courseItems = items.filter((i) => i.itemType === 'course' && i.courseId);
  const productItems = items.filter((i) => i.itemType === 'product' && i.productId);

  let enrolled = false;
  for (const item of courseItems) {
    const r = await d.enrollments.grantAccess(tx, order.userId, item.courseId as string, 'purchase', {
      sourceRef: order.id,
    });
    enrolled ||= r.granted;
  }

  const productRows = await ordersRepo.productsByIds(
    tx,
    productItems.map((i) => i.productId as string),
  );
  const productById = new Map(productRows.map((p) => [p.id, p]));
  for (const item of productItems) {
    const product = productById.get(item.productId as string);
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

  await postSale(tx, d, order, payment, items, now);

  const cart = await cartPricingRepo.cartOf(tx, order.userId);
  if (cart)
    await cartPricingRepo.clear(tx, cart.id, {
      courseIds: courseItems.map((i) => i.courseId as string),
      productIds: productItems.map((i) => i.productId as string),
    });

  const ships = items.some((i) => i.requiresShipping);
  const status = ships ? 'processing' : 'fulfilled';
  await ordersRepo.setOrder(tx, order.id, { status, fulfilledAt: ships ? null : now });
  await ordersRepo.event(tx, order.id, { type: 'status_changed', fromStatus: 'paid', toStatus: status });

  // The invoice is stored before the mail that attaches it is written (a rollback leaves a file that the
  // next attempt overwrites under the same key).
  const storageKey = invoiceKey(order.id);
  await d.storage.put(storageKey, await renderInvoicePdf({ ...order, paidAt: now }, items));
  const mailId = await d.mail.write(
    tx,
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
      attachments: [{ filename: `invoice-${order.number}.pdf`, contentType: 'application/pdf', storageKey }],
    },
  );
  afterCommit(() => d.mail.dispatch(mailId));
  if (enrolled) afterCommit(() => d.onEnrollmentChange());
  return { status };
}

/**
 * The sale as one balanced movement: the cash received at the provider; the tax collected; shipping;
 * each course's instructor share (`revenueSharePercent` of its net-of-discount, pre-tax amount) owed to
 * its first instructor; the rest is the academy's.
 */
async function postSale(
  tx: Tx,
  d: FulfilmentDeps,
  order: OrderRow,
  payment: PaymentRow,
  items: OrderItemRow[],
  at: Date,
) {
  const instructors = await ordersRepo.firstInstructors(
    tx,
    items.flatMap((i) => (i.itemType === 'course' && i.courseId ? [i.courseId] : [])),
  );
  const lines: LedgerLine[] = [
    { account: `cash:${payment.provider}`, amountMinor: order.totalMinor },
    { account: 'liability:tax', amountMinor: -order.taxMinor },
    { account: 'revenue:shipping', amountMinor: -order.shippingMinor },
  ];
  let shares = 0;
  for (const item of items) {
    const instructor = item.courseId ? instructors.get(item.courseId) : undefined;
    if (item.itemType !== 'course' || !instructor) continue;
    const net =
      item.unitPriceMinor * item.quantity - item.discountMinor - (order.taxInclusive ? item.taxMinor : 0);
    const share = Math.floor((Math.max(0, net) * d.config.commerce.revenueSharePercent) / 100);
    shares += share;
    lines.push({
      account: 'payable:instructor',
      amountMinor: -share,
      userId: instructor,
      orderItemId: item.id,
    });
  }
  const academy = order.totalMinor - order.taxMinor - order.shippingMinor - shares;
  lines.push({ account: 'revenue:academy', amountMinor: -academy });
  await ledger.post(tx, {
    kind: 'sale',
    currency: order.currency,
    orderId: order.id,
    paymentId: payment.id,
    lines,
    at,
  });
}
