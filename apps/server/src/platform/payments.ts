/**
 * Payment providers behind one interface. Each provider turns its own API and notifications into the
 * `PaymentNotification`s below; the commerce payments service handles every notification the same way
 * (de-duplicated by `(provider, eventId)`, then one idempotent fulfilment), whichever provider sent it
 * and however often. Which providers exist is decided by config: Stripe and PayPal when their keys are
 * set, manual transfers when accounts are configured, and the test provider when no card provider is.
 */
export type ProviderName = 'stripe' | 'paypal' | 'manual' | 'test';

/** What a provider tells us about an attempt (`providerRef` is the `payments.provider_ref`). */
export type PaymentNotification =
  | {
      kind: 'payment_succeeded';
      /** Unique per notification at this provider: a redelivery carries the same id. */
      eventId: string;
      providerRef: string;
      /** The captured charge (payment intent, capture id), needed to refund. */
      chargeRef: string | null;
      amountMinor: number;
      currency: string;
    }
  | {
      kind: 'payment_failed';
      eventId: string;
      providerRef: string;
      /** A stable code (`card_declined`, `expired`, …) and a message a buyer may read. */
      errorCode: string;
      errorMessage: string;
    }
  | {
      kind: 'payment_pending';
      eventId: string;
      providerRef: string;
    }
  | {
      kind: 'refund_succeeded';
      eventId: string;
      /** The payment's `providerRef` (or its charge) that was refunded. */
      providerRef: string;
      refundRef: string;
      amountMinor: number;
      currency: string;
    }
  | {
      kind: 'refund_failed';
      eventId: string;
      /** The payment's `providerRef` (or its charge) that was refunded. */
      providerRef: string;
      refundRef: string;
      amountMinor: number;
      currency: string;
    }
  | {
      kind: 'dispute_opened';
      eventId: string;
      providerRef: string;
      /** The provider's word for it (`needs_response`, `won`, `lost`, …). */
      status: string;
    }
  | {
      kind: 'dispute_closed';
      eventId: string;
      providerRef: string;
      /** The provider's word for it (`needs_response`, `won`, `lost`, …). */
      status: string;
    };

/** A hosted page the buyer is sent to, made for one payment attempt. */
export interface HostedCheckout {
  providerRef: string;
  redirectUrl: string;
}

export interface CheckoutRequest {
  /** Our payment attempt's id: the idempotency key of the provider call, and its metadata. */
  paymentId: string;
  orderId: string;
  orderNumber: string;
  amountMinor: number;
  currency: string;
  customerEmail: string;
  /** Lines as the buyer sees them on the hosted page (the amounts are the order's, already final). */
  lines: { title: string; unitAmountMinor: number; quantity: number }[];
  successUrl: string;
  cancelUrl: string;
}

export interface RefundRequest {
  refundId: string;
  providerRef: string;
  chargeRef: string | null;
  amountMinor: number;
  currency: string;
}

export interface CardProvider {
  readonly name: 'stripe' | 'paypal' | 'test';
  /** Whether it can charge in this currency (PayPal cannot take PKR): checkout offers it only then. */
  supportsCurrency(currency: string): boolean;
  /** Start an attempt: the provider's hosted page for it. Idempotent on `paymentId`. */
  createCheckout(r: CheckoutRequest): Promise<HostedCheckout>;
  /**
   * Verify a webhook on its raw body and headers and turn it into notifications; throws
   * `AppError('invalid_signature', 400)` when it is forged, stale or malformed.
   */
  parseWebhook(
    rawBody: Buffer,
    headers: Record<string, string | string[] | undefined>,
  ): Promise<PaymentNotification[]>;
  /**
   * Ask the provider where an attempt stands (the success redirect and the reconciliation job): a
   * notification as a webhook would have carried it (with an `eventId` derived from the attempt's state,
   * so asking twice de-duplicates too), or null while it is still open.
   */
  lookup(providerRef: string): Promise<PaymentNotification | null>;
  /** Refund (part of) a captured payment. Idempotent on `refundId`. */
  refund(
    r: RefundRequest,
  ): Promise<{ refundRef: string; status: 'succeeded' | 'pending' | 'failed'; error?: string }>;
}
