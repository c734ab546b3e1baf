import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * How the fake PayPal signs webhooks: an HMAC, over the transmission id and time, the webhook id and the
 * event, with a key only this process knows. Its verify endpoint recomputes it; anything else is forged.
 */
export const WEBHOOK_ID = 'WH-FAKE-0001';
const SIGNING_KEY = randomBytes(32);

export function sign(transmissionId: unknown, time: unknown, event: unknown): string {
  return createHmac('sha256', SIGNING_KEY)
    .update(`${String(transmissionId)}|${String(time)}|${WEBHOOK_ID}|${JSON.stringify(event)}`)
    .digest('base64');
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A webhook event as PayPal posts it: the JSON text and the `paypal-*` headers, signed or forged. */
export function signWebhook(
  base: string,
  e: { id: string; event_type: string; resource: unknown },
  forged = false,
) {
  const event = { ...e, create_time: new Date().toISOString() };
  const transmissionId = randomBytes(8).toString('hex');
  const time = new Date().toISOString();
  const headers = {
    'content-type': 'application/json',
    'paypal-auth-algo': 'SHA256withRSA',
    'paypal-cert-url': `${base}/certs/CERT-360caa42-fca2a594-a5cafa77`,
    'paypal-transmission-id': transmissionId,
    'paypal-transmission-sig': forged
      ? randomBytes(32).toString('base64')
      : sign(transmissionId, time, event),
    'paypal-transmission-time': time,
  };
  return { id: event.id, payload: JSON.stringify(event), headers };
}
