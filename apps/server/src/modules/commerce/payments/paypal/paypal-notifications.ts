import type { PaymentNotification } from '../../../../platform/payments.ts';
import {
  fromPaypalValue,
  type PaypalCapture,
  type PaypalMoney,
  type PaypalOrder,
  type PaypalWebhookEvent,
} from './paypal.types.ts';

/**
 * PayPal's resources and webhook events → our `PaymentNotification`s (pure). Event ids: a capture read
 * from the API is `capture:<captureId>` (so the buyer's return, the webhook-triggered capture and the
 * reconciliation job de-duplicate each other); a webhook's own notification carries the webhook event id.
 */

const money = (m: PaypalMoney | undefined) => ({
  amountMinor: fromPaypalValue(m?.value),
  currency: m?.currency_code ?? '',
});

/** A capture of the PayPal order `orderId`, as it stands. */
export function captureNotification(orderId: string, c: PaypalCapture): PaymentNotification {
  if (c.status === 'COMPLETED' || c.status === 'PARTIALLY_REFUNDED' || c.status === 'REFUNDED')
    return {
      kind: 'payment_succeeded',
      eventId: `capture:${c.id}`,
      providerRef: orderId,
      chargeRef: c.id,
      ...money(c.amount),
    };
  if (c.status === 'PENDING')
    return { kind: 'payment_pending', eventId: `capture-pending:${c.id}`, providerRef: orderId };
  return {
    kind: 'payment_failed',
    eventId: `capture:${c.id}`,
    providerRef: orderId,
    errorCode: 'paypal_capture_declined',
    errorMessage: declinedMessage(c.status_details?.reason),
  };
}

/** A completed or voided order → its notification; null while the buyer has still to act. */
export function orderNotification(order: PaypalOrder): PaymentNotification | null {
  if (order.status === 'VOIDED')
    return {
      kind: 'payment_failed',
      eventId: `voided:${order.id}`,
      providerRef: order.id,
      errorCode: 'paypal_order_voided',
      errorMessage: 'The PayPal payment was cancelled or has expired.',
    };
  if (order.status !== 'COMPLETED') return null;
  const capture = order.purchase_units?.[0]?.payments?.captures?.[0];
  return capture ? captureNotification(order.id, capture) : null;
}

function declinedMessage(reason: string | undefined): string {
  return reason
    ? `PayPal declined the payment (${reason.toLowerCase().replace(/_/g, ' ')}).`
    : 'PayPal declined the payment.';
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

/** The capture id of a refund resource: its `up` link points at `/v2/payments/captures/<id>`. */
function refundedCaptureId(resource: Record<string, unknown>): string | null {
  const links = Array.isArray(resource.links) ? (resource.links as { rel?: string; href?: string }[]) : [];
  const up = links.find((l) => l.rel === 'up' && l.href?.includes('/captures/'));
  return str(up?.href?.split('/captures/')[1]?.split(/[/?]/)[0]);
}

function disputeStatus(type: string, r: Record<string, unknown>): string {
  const outcome = str((r.dispute_outcome as { outcome_code?: string } | undefined)?.outcome_code);
  if (type === 'CUSTOMER.DISPUTE.RESOLVED') {
    if (outcome === 'RESOLVED_BUYER_FAVOUR') return 'lost';
    if (outcome === 'RESOLVED_SELLER_FAVOUR') return 'won';
    return (outcome ?? 'resolved').toLowerCase();
  }
  return (str(r.status) ?? 'open').toLowerCase();
}

/**
 * A verified webhook event → notifications, for every type but `CHECKOUT.ORDER.APPROVED` (which needs a
 * capture call; the provider does it). Unknown types and events missing what we match on → none.
 */
export function eventNotifications(e: PaypalWebhookEvent): PaymentNotification[] {
  const r = e.resource;
  const capture = r as unknown as PaypalCapture;
  const orderId = str(capture.supplementary_data?.related_ids?.order_id);
  switch (e.event_type) {
    case 'PAYMENT.CAPTURE.COMPLETED':
      if (!orderId || !str(capture.id)) return [];
      return [
        {
          kind: 'payment_succeeded',
          eventId: e.id,
          providerRef: orderId,
          chargeRef: capture.id,
          ...money(capture.amount),
        },
      ];
    case 'PAYMENT.CAPTURE.DENIED':
    case 'PAYMENT.CAPTURE.DECLINED':
      if (!orderId) return [];
      return [
        {
          kind: 'payment_failed',
          eventId: e.id,
          providerRef: orderId,
          errorCode: 'paypal_capture_declined',
          errorMessage: declinedMessage(capture.status_details?.reason),
        },
      ];
    case 'PAYMENT.CAPTURE.REFUNDED': {
      const captureId = refundedCaptureId(r);
      if (!captureId || !str(r.id)) return [];
      return [
        {
          kind: 'refund_succeeded',
          eventId: e.id,
          providerRef: captureId,
          refundRef: r.id as string,
          ...money(r.amount as PaypalMoney | undefined),
        },
      ];
    }
    case 'CUSTOMER.DISPUTE.CREATED':
    case 'CUSTOMER.DISPUTE.RESOLVED': {
      const txs = Array.isArray(r.disputed_transactions)
        ? (r.disputed_transactions as { seller_transaction_id?: string }[])
        : [];
      const captureId = str(txs[0]?.seller_transaction_id);
      if (!captureId) return [];
      return [
        {
          kind: e.event_type === 'CUSTOMER.DISPUTE.CREATED' ? 'dispute_opened' : 'dispute_closed',
          eventId: e.id,
          providerRef: captureId,
          status: disputeStatus(e.event_type, r),
        },
      ];
    }
    default:
      return [];
  }
}
