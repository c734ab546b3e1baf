import type { Config } from '../../../../config.ts';
import { AppError } from '../../../../http/errors.ts';
import type { Clock } from '../../../../platform/clock.ts';
import type { CardProvider, PaymentNotification } from '../../../../platform/payments.ts';
import {
  PAYPAL_CURRENCIES,
  type PaypalOrder,
  type PaypalWebhookEvent,
  toPaypalValue,
} from './paypal.types.ts';
import { createPaypalClient, PaypalApiError, type PaypalClient } from './paypal-client.ts';
import { eventNotifications, orderNotification } from './paypal-notifications.ts';

/** Where PayPal sends the buyer back: our route, which captures (PayPal appends `?token=<order id>`). */
export const PAYPAL_RETURN_PATH = '/api/payments/paypal/return';

const SIGNATURE_HEADERS = {
  auth_algo: 'paypal-auth-algo',
  cert_url: 'paypal-cert-url',
  transmission_id: 'paypal-transmission-id',
  transmission_sig: 'paypal-transmission-sig',
  transmission_time: 'paypal-transmission-time',
} as const;

const invalidSignature = () => new AppError('invalid_signature', 400, 'The webhook could not be verified');

/** A PayPal failure the caller cannot fix: 502, with PayPal's debug id for support (never the token). */
export function paypalUnavailable(err: unknown): AppError {
  const debugId = err instanceof PaypalApiError ? err.debugId : null;
  return new AppError('paypal_unavailable', 502, 'PayPal could not be reached; try again shortly', {
    debugId,
  });
}

export type PaypalProvider = CardProvider & { readonly name: 'paypal' };

/** The PayPal card provider from `config.payments.paypal`; null when PayPal is not configured. */
export function createPaypalProvider(
  config: Pick<Config, 'payments' | 'http'>,
  d: { clock: Clock; client?: PaypalClient },
): PaypalProvider | null {
  const cfg = config.payments.paypal;
  if (!cfg) return null;
  const api = d.client ?? createPaypalClient({ ...cfg, clock: d.clock });
  const returnUrl = new URL(PAYPAL_RETURN_PATH, config.http.publicUrl).toString();

  /** Capture an approved order, once: a repeat (same request id) or an already captured order is read. */
  async function capture(order: PaypalOrder): Promise<PaymentNotification | null> {
    const paymentId = order.purchase_units?.[0]?.custom_id ?? order.id;
    try {
      return orderNotification(await api.captureOrder(order.id, `${paymentId}-capture`));
    } catch (err) {
      if (!(err instanceof PaypalApiError) || (err.status !== 422 && err.status !== 409)) throw err;
      if (err.issue === 'INSTRUMENT_DECLINED' || err.issue === 'PAYER_ACTION_REQUIRED')
        return {
          kind: 'payment_failed',
          eventId: `capture-failed:${order.id}:${err.debugId ?? d.clock.now().getTime()}`,
          providerRef: order.id,
          errorCode: 'paypal_instrument_declined',
          errorMessage: 'PayPal declined the payment method. Choose another way to pay and try again.',
        };
      // ORDER_ALREADY_CAPTURED, a capture already in flight…: PayPal's own state decides.
      return orderNotification(await api.getOrder(order.id));
    }
  }

  /**
   * Refunds and disputes name the capture; the attempt is found by its PayPal order id (`provider_ref`),
   * so one that arrives before the capture was recorded as the attempt's charge still finds its order.
   */
  async function byOrder(n: PaymentNotification): Promise<PaymentNotification> {
    if (n.kind === 'payment_succeeded' || n.kind === 'payment_failed' || n.kind === 'payment_pending')
      return n;
    const orderId = await api
      .getCapture(n.providerRef)
      .then((c) => c.supplementary_data?.related_ids?.order_id)
      .catch(() => undefined);
    return orderId ? { ...n, providerRef: orderId } : n;
  }

  async function lookup(orderId: string): Promise<PaymentNotification | null> {
    const order = await api.getOrder(orderId);
    return order.status === 'APPROVED' ? capture(order) : orderNotification(order);
  }

  return {
    name: 'paypal',
    supportsCurrency: (currency) => PAYPAL_CURRENCIES.has(currency.toUpperCase()),

    async createCheckout(r) {
      if (!PAYPAL_CURRENCIES.has(r.currency))
        throw new AppError(
          'paypal_currency_unsupported',
          400,
          `PayPal cannot take payments in ${r.currency}`,
        );
      const value = toPaypalValue(r.amountMinor);
      const order = await api
        .createOrder(
          {
            intent: 'CAPTURE',
            purchase_units: [
              {
                reference_id: r.orderId,
                custom_id: r.paymentId,
                invoice_id: r.orderNumber,
                description: `Order ${r.orderNumber}`.slice(0, 127),
                amount: { currency_code: r.currency, value },
              },
            ],
            payment_source: {
              paypal: {
                experience_context: {
                  return_url: returnUrl,
                  cancel_url: r.cancelUrl,
                  user_action: 'PAY_NOW',
                  shipping_preference: 'NO_SHIPPING',
                },
              },
            },
          },
          r.paymentId,
        )
        .catch((err) => {
          throw paypalUnavailable(err);
        });
      const link = order.links?.find((l) => l.rel === 'payer-action' || l.rel === 'approve');
      if (!link) throw paypalUnavailable(null);
      return { providerRef: order.id, redirectUrl: link.href };
    },

    async parseWebhook(rawBody, headers) {
      const signature: Record<string, string> = {};
      for (const [field, header] of Object.entries(SIGNATURE_HEADERS)) {
        const v = headers[header];
        if (typeof v !== 'string' || v.length === 0 || v.length > 2048) throw invalidSignature();
        signature[field] = v;
      }
      const raw = rawBody.toString('utf8');
      let event: PaypalWebhookEvent;
      try {
        event = JSON.parse(raw) as PaypalWebhookEvent;
      } catch {
        throw invalidSignature();
      }
      if (typeof event?.id !== 'string' || typeof event.event_type !== 'string' || !event.resource)
        throw invalidSignature();
      const genuine = await api.verifyWebhook(signature, cfg.webhookId, raw).catch((err) => {
        throw paypalUnavailable(err);
      });
      if (!genuine) throw invalidSignature();
      if (event.event_type !== 'CHECKOUT.ORDER.APPROVED')
        return Promise.all(eventNotifications(event).map(byOrder));
      const orderId = typeof event.resource.id === 'string' ? event.resource.id : null;
      const n = orderId ? await lookup(orderId) : null;
      return n ? [n] : [];
    },

    lookup,

    async refund(r) {
      const captureId =
        r.chargeRef ?? (await api.getOrder(r.providerRef)).purchase_units?.[0]?.payments?.captures?.[0]?.id;
      if (!captureId)
        return { refundRef: '', status: 'failed', error: 'No captured PayPal payment to refund' };
      try {
        const refund = await api.refundCapture(
          captureId,
          { amount: { currency_code: r.currency, value: toPaypalValue(r.amountMinor) } },
          r.refundId,
        );
        if (refund.status === 'COMPLETED') return { refundRef: refund.id, status: 'succeeded' };
        if (refund.status === 'PENDING') return { refundRef: refund.id, status: 'pending' };
        return {
          refundRef: refund.id,
          status: 'failed',
          error: refund.status_details?.reason ?? `PayPal refund ${refund.status.toLowerCase()}`,
        };
      } catch (err) {
        if (err instanceof PaypalApiError && (err.status === 422 || err.status === 400))
          return { refundRef: '', status: 'failed', error: err.description };
        throw err;
      }
    },
  };
}
