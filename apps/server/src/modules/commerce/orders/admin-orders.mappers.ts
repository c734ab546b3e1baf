import type { AdminOrderRow } from '@9tangle/contracts';
import type { OrderEventRow, OrderItemRow, OrderRow, PaymentRow } from '../../../db/schema/index.ts';

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function toAdminOrderRow(
  o: OrderRow,
  extra: { itemCount: number; requiresShipping: boolean },
): AdminOrderRow {
  return {
    id: o.id,
    number: o.number,
    status: o.status,
    provider: o.provider,
    currency: o.currency,
    totalMinor: o.totalMinor,
    refundedMinor: o.refundedMinor,
    buyer: { name: o.contactName, email: o.contactEmail },
    itemCount: Number(extra.itemCount),
    requiresShipping: Boolean(extra.requiresShipping),
    disputed: o.disputedAt !== null,
    createdAt: o.createdAt.toISOString(),
    paidAt: iso(o.paidAt),
    archivedAt: iso(o.archivedAt),
  };
}

export const toAdminItem = (i: OrderItemRow) => ({
  id: i.id,
  itemType: i.itemType,
  courseId: i.courseId,
  productId: i.productId,
  title: i.title,
  requiresShipping: i.requiresShipping,
  unitPriceMinor: i.unitPriceMinor,
  quantity: i.quantity,
  discountMinor: i.discountMinor,
  taxMinor: i.taxMinor,
  totalMinor: i.totalMinor,
  refundedMinor: i.refundedMinor,
  refundedQuantity: i.refundedQuantity,
});

/** Every attempt as stored, with the provider's references and error (never a secret: none is stored). */
export const toAttempt = (p: PaymentRow) => ({
  id: p.id,
  provider: p.provider,
  providerRef: p.providerRef,
  providerChargeRef: p.providerChargeRef,
  amountMinor: p.amountMinor,
  currency: p.currency,
  status: p.status,
  errorCode: p.errorCode,
  errorMessage: p.errorMessage,
  createdAt: p.createdAt.toISOString(),
  succeededAt: iso(p.succeededAt),
});

export const toEvent = (e: OrderEventRow, actorName: string | null) => ({
  id: e.id,
  type: e.type,
  fromStatus: e.fromStatus,
  toStatus: e.toStatus,
  note: e.note,
  actor: e.actorId ? { id: e.actorId, name: actorName ?? '' } : null,
  createdAt: e.createdAt.toISOString(),
});
