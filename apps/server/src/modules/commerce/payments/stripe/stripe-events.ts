import type Stripe from 'stripe';
import type { PaymentNotification } from '../../../../platform/payments.ts';

/**
 * What a verified Stripe event means for us, as the pipeline's notifications. Stripe's event id is the
 * `eventId` (a redelivery carries the same one), except for refunds, whose id is derived from the refund
 * (`<refund id>:succeeded`) so that one refund reported by several events is handled once.
 *
 * Reads the SDK needs to make (a payment intent's Checkout Session, a charge's refunds) come in as
 * `find`, so this stays a plain mapping.
 */
export interface StripeReads {
  /** The Checkout Session that made this payment intent (null when it has none). */
  sessionOfIntent(paymentIntentId: string): Promise<string | null>;
  refundsOfCharge(chargeId: string): Promise<Stripe.Refund[]>;
}

const idOf = (x: string | { id: string } | null | undefined): string | null =>
  typeof x === 'string' ? x : (x?.id ?? null);

function succeeded(eventId: string, s: Stripe.Checkout.Session): PaymentNotification {
  return {
    kind: 'payment_succeeded',
    eventId,
    providerRef: s.id,
    chargeRef: idOf(s.payment_intent),
    amountMinor: s.amount_total ?? 0,
    currency: (s.currency ?? '').toUpperCase(),
  };
}

/** A session as a notification, for the webhook of `checkout.session.*` and for `lookup`. */
export function sessionNotification(eventId: string, s: Stripe.Checkout.Session): PaymentNotification | null {
  if (s.status === 'expired')
    return {
      kind: 'payment_failed',
      eventId,
      providerRef: s.id,
      errorCode: 'expired',
      errorMessage: 'The payment page expired before the payment was made.',
    };
  if (s.status !== 'complete') return null;
  if (s.payment_status === 'paid' || s.payment_status === 'no_payment_required') return succeeded(eventId, s);
  return { kind: 'payment_pending', eventId, providerRef: s.id };
}

export async function eventNotifications(
  event: Stripe.Event,
  reads: StripeReads,
): Promise<PaymentNotification[]> {
  const eventId = event.id;
  switch (event.type) {
    case 'checkout.session.completed': {
      const n = sessionNotification(eventId, event.data.object);
      return n ? [n] : [];
    }
    case 'checkout.session.async_payment_succeeded':
      return [succeeded(eventId, event.data.object)];
    case 'checkout.session.async_payment_failed':
      return [
        {
          kind: 'payment_failed',
          eventId,
          providerRef: event.data.object.id,
          errorCode: 'async_failed',
          errorMessage: 'The bank did not complete the payment.',
        },
      ];
    case 'checkout.session.expired':
      return [
        sessionNotification(eventId, { ...event.data.object, status: 'expired' }) as PaymentNotification,
      ];
    case 'payment_intent.payment_failed': {
      const pi = event.data.object;
      const err = pi.last_payment_error;
      // Our attempt is known by its Checkout Session; the intent's id only once it has succeeded.
      const providerRef = (await reads.sessionOfIntent(pi.id)) ?? pi.id;
      return [
        {
          kind: 'payment_failed',
          eventId,
          providerRef,
          errorCode: err?.decline_code ?? err?.code ?? 'payment_failed',
          errorMessage: err?.message ?? 'The payment was declined.',
        },
      ];
    }
    case 'charge.refunded': {
      const charge = event.data.object;
      const providerRef = idOf(charge.payment_intent) ?? charge.id;
      const list = charge.refunds?.data ?? (await reads.refundsOfCharge(charge.id));
      return list
        .filter((r) => r.status === 'succeeded')
        .map((r) => ({
          kind: 'refund_succeeded' as const,
          eventId: `${r.id}:succeeded`,
          providerRef,
          refundRef: r.id,
          amountMinor: r.amount,
          currency: r.currency.toUpperCase(),
        }));
    }
    case 'charge.dispute.created':
    case 'charge.dispute.closed': {
      const d = event.data.object;
      return [
        {
          kind: event.type === 'charge.dispute.created' ? 'dispute_opened' : 'dispute_closed',
          eventId,
          providerRef: idOf(d.payment_intent) ?? idOf(d.charge) ?? d.id,
          status: d.status,
        },
      ];
    }
    default:
      return [];
  }
}
