import type { OrderStatus, RefundBody } from '@9tangle/contracts';
import { badRequest, conflict } from '../../../http/errors.ts';

/** What a refund gives back of one order line (stored in `refunds.items`). */
export interface RefundLine {
  orderItemId: string;
  quantity: number;
  amountMinor: number;
}

/** An order line as frozen at checkout, with what earlier refunds (pending or succeeded) already hold. */
export interface RefundableLine {
  id: string;
  quantity: number;
  totalMinor: number;
  heldQuantity: number;
  heldMinor: number;
}

/** Orders that took money and still have some of it. */
const REFUNDABLE: OrderStatus[] = [
  'paid',
  'processing',
  'shipped',
  'delivered',
  'fulfilled',
  'partially_refunded',
];
export const isRefundable = (s: OrderStatus) => REFUNDABLE.includes(s);

/**
 * The amount of a refund, computed from the frozen order lines only (the browser never sends an
 * amount): a line's total × quantity / its quantity, rounded down, except that the last units of a line
 * take exactly what is left of it — so refunding a line unit by unit adds up to its total, never a
 * minor unit more. Earlier refunds that are pending count as given back: two concurrent refunds of the
 * same line cannot both pass (the caller holds the order's lock). The shipping charge is given back
 * once, whole.
 */
export function computeRefund(
  order: {
    status: OrderStatus;
    totalMinor: number;
    shippingMinor: number;
    heldMinor: number;
    shippingHeld: boolean;
  },
  lines: RefundableLine[],
  ask: Pick<RefundBody, 'items' | 'shipping'>,
): { items: RefundLine[]; shippingMinor: number; amountMinor: number } {
  if (!isRefundable(order.status))
    throw conflict('refund_not_refundable', `An order that is ${order.status} cannot be refunded.`);
  const byId = new Map(lines.map((l) => [l.id, l]));
  const seen = new Set<string>();
  const items: RefundLine[] = [];
  for (const a of ask.items) {
    const line = byId.get(a.orderItemId);
    if (!line || seen.has(a.orderItemId))
      throw badRequest('validation_failed', 'Each line must be a line of this order, once.');
    seen.add(a.orderItemId);
    const leftQuantity = line.quantity - line.heldQuantity;
    const leftMinor = line.totalMinor - line.heldMinor;
    if (a.quantity > leftQuantity)
      throw conflict('refund_exceeds_paid', `Only ${leftQuantity} of “this line” can still be refunded.`);
    const share = Math.floor((line.totalMinor * a.quantity) / line.quantity);
    const amountMinor = a.quantity === leftQuantity ? leftMinor : Math.min(share, leftMinor);
    items.push({ orderItemId: line.id, quantity: a.quantity, amountMinor });
  }
  let shippingMinor = 0;
  if (ask.shipping && order.shippingMinor > 0) {
    if (order.shippingHeld) throw conflict('refund_exceeds_paid', 'The shipping was already refunded.');
    shippingMinor = order.shippingMinor;
  }
  const amountMinor = items.reduce((s, i) => s + i.amountMinor, 0) + shippingMinor;
  if (amountMinor <= 0) throw badRequest('validation_failed', 'Choose at least one line or the shipping.');
  if (amountMinor > order.totalMinor - order.heldMinor)
    throw conflict('refund_exceeds_paid', 'This is more than is left of the payment.');
  return { items, shippingMinor, amountMinor };
}
