import Stripe from 'stripe';
import type { Config } from '../../../../config.ts';
import { AppError } from '../../../../http/errors.ts';
import type { Clock } from '../../../../platform/clock.ts';
import type { CardProvider, CheckoutRequest, PaymentNotification } from '../../../../platform/payments.ts';
import { eventNotifications, type StripeReads, sessionNotification } from './stripe-events.ts';

/** How long a signed webhook stays acceptable (Stripe's own default), in seconds. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

/**
 * Currencies whose minor units at Stripe differ from ISO 4217's (three-decimal ones Stripe wants rounded
 * to tens; ones it treats as two-decimal but pays out whole): we do not offer Stripe for them, so that an
 * order's `amountMinor` is always exactly what Stripe charges. USD and PKR are two-decimal at both.
 */
const UNSUPPORTED = new Set(['BHD', 'JOD', 'KWD', 'OMR', 'TND', 'HUF', 'TWD', 'UGX', 'ISK']);

/** Stripe lets a Checkout Session live between 30 minutes and 24 hours. */
const MIN_EXPIRY_MS = 31 * 60_000;
const MAX_EXPIRY_MS = 23 * 3_600_000;

export function createStripeClient(c: NonNullable<Config['payments']['stripe']>): Stripe {
  const base = c.apiBase;
  return new Stripe(c.secretKey, {
    maxNetworkRetries: 2,
    timeout: 15_000,
    telemetry: false,
    ...(base
      ? {
          host: base.hostname,
          port: base.port || (base.protocol === 'https:' ? 443 : 80),
          protocol: base.protocol === 'http:' ? 'http' : 'https',
        }
      : {}),
  });
}

/** What Stripe shows and charges: the order's lines when they add up to its total, else one line of it. */
export function checkoutLines(r: CheckoutRequest): Stripe.Checkout.SessionCreateParams.LineItem[] {
  const currency = r.currency.toLowerCase();
  const sum = r.lines.reduce((a, l) => a + l.unitAmountMinor * l.quantity, 0);
  if (r.lines.length > 0 && sum === r.amountMinor)
    return r.lines.map((l) => ({
      quantity: l.quantity,
      price_data: { currency, unit_amount: l.unitAmountMinor, product_data: { name: l.title.slice(0, 250) } },
    }));
  return [
    {
      quantity: 1,
      price_data: { currency, unit_amount: r.amountMinor, product_data: { name: `Order ${r.orderNumber}` } },
    },
  ];
}

function providerError(err: unknown): AppError {
  const message = err instanceof Stripe.errors.StripeError ? err.message : 'Stripe could not be reached';
  return new AppError('payment_provider_error', 502, `The card payment could not be started: ${message}`);
}

export function createStripeProvider(d: { config: Config; clock: Clock }): CardProvider | null {
  const c = d.config.payments.stripe;
  if (!c) return null;
  const stripe = createStripeClient(c);
  const expiryMs = Math.min(Math.max(d.config.commerce.pendingOrderTtlMs, MIN_EXPIRY_MS), MAX_EXPIRY_MS);
  const reads: StripeReads = {
    async sessionOfIntent(paymentIntentId) {
      const list = await stripe.checkout.sessions.list({ payment_intent: paymentIntentId, limit: 1 });
      return list.data[0]?.id ?? null;
    },
    async refundsOfCharge(chargeId) {
      const list = await stripe.refunds.list({ charge: chargeId, limit: 100 });
      return list.data;
    },
  };

  return {
    name: 'stripe',
    supportsCurrency: (currency) => /^[A-Z]{3}$/.test(currency) && !UNSUPPORTED.has(currency),

    async createCheckout(r) {
      const metadata = { orderId: r.orderId, paymentId: r.paymentId, orderNumber: r.orderNumber };
      try {
        const session = await stripe.checkout.sessions.create(
          {
            mode: 'payment',
            line_items: checkoutLines(r),
            customer_email: r.customerEmail,
            client_reference_id: r.orderId,
            metadata,
            payment_intent_data: { metadata },
            success_url: r.successUrl,
            cancel_url: r.cancelUrl,
            expires_at: Math.floor((d.clock.now().getTime() + expiryMs) / 1000),
          },
          { idempotencyKey: r.paymentId },
        );
        if (!session.url) throw new Error('Stripe returned a session without a page');
        return { providerRef: session.id, redirectUrl: session.url };
      } catch (err) {
        throw providerError(err);
      }
    },

    async parseWebhook(rawBody, headers) {
      const sig = headers['stripe-signature'];
      let event: Stripe.Event;
      try {
        if (typeof sig !== 'string' || sig === '') throw new Error('no signature');
        event = stripe.webhooks.constructEvent(rawBody, sig, c.webhookSecret, WEBHOOK_TOLERANCE_SECONDS);
      } catch {
        throw new AppError('invalid_signature', 400, 'The webhook signature is missing, forged or stale');
      }
      return eventNotifications(event, reads);
    },

    async lookup(providerRef): Promise<PaymentNotification | null> {
      const s = await stripe.checkout.sessions.retrieve(providerRef);
      const state = s.status === 'expired' ? 'expired' : s.payment_status === 'unpaid' ? 'pending' : 'paid';
      return sessionNotification(`lookup:${s.id}:${state}`, s);
    },

    async refund(r) {
      if (!r.chargeRef)
        return { refundRef: '', status: 'failed', error: 'The payment has no captured charge' };
      try {
        const refund = await stripe.refunds.create(
          { payment_intent: r.chargeRef, amount: r.amountMinor },
          { idempotencyKey: r.refundId },
        );
        const status =
          refund.status === 'succeeded'
            ? 'succeeded'
            : refund.status === 'failed' || refund.status === 'canceled'
              ? 'failed'
              : 'pending';
        return {
          refundRef: refund.id,
          status,
          ...(refund.failure_reason ? { error: refund.failure_reason } : {}),
        };
      } catch (err) {
        return {
          refundRef: '',
          status: 'failed',
          error: err instanceof Error ? err.message : 'Stripe refused the refund',
        };
      }
    },
  };
}
