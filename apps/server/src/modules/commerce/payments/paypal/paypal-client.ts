import type { Clock } from '../../../../platform/clock.ts';
import type { PaypalCapture, PaypalOrder, PaypalRefund } from './paypal.types.ts';

/**
 * A small typed client of PayPal's REST API (Orders v2, Payments v2, webhook verification) over `fetch`.
 * The OAuth2 client-credentials token is cached until a minute before it expires (and dropped on a 401);
 * every POST carries `PayPal-Request-Id`, so repeating a call with the same key repeats nothing at
 * PayPal. The token and the secret are never logged nor put in an error message.
 */
export interface PaypalClientOptions {
  clientId: string;
  clientSecret: string;
  apiBase: URL;
  clock: Clock;
  timeoutMs?: number;
}

/** A failed call: PayPal's error `name` and first issue, its `debug_id` (for support), the HTTP status. */
export class PaypalApiError extends Error {
  constructor(
    public readonly status: number,
    public readonly errorName: string,
    public readonly issue: string | null,
    public readonly description: string,
    public readonly debugId: string | null,
  ) {
    super(`PayPal ${status} ${errorName}${issue ? ` (${issue})` : ''}: ${description}`);
    this.name = 'PaypalApiError';
  }
}

interface PaypalErrorBody {
  name?: string;
  message?: string;
  debug_id?: string;
  details?: { issue?: string; description?: string }[];
  error?: string;
  error_description?: string;
}

export function createPaypalClient(o: PaypalClientOptions) {
  const timeoutMs = o.timeoutMs ?? 15_000;
  let token: { value: string; expiresAt: number } | null = null;

  async function send(path: string, init: RequestInit): Promise<Response> {
    try {
      return await fetch(new URL(path, o.apiBase), { ...init, signal: AbortSignal.timeout(timeoutMs) });
    } catch (err) {
      const reason = err instanceof Error && err.name === 'TimeoutError' ? 'timed out' : 'unreachable';
      throw new PaypalApiError(0, 'NETWORK_ERROR', null, `PayPal ${reason} (${path})`, null);
    }
  }

  async function failure(res: Response): Promise<PaypalApiError> {
    const body = (await res.json().catch(() => ({}))) as PaypalErrorBody;
    const first = body.details?.[0];
    return new PaypalApiError(
      res.status,
      body.name ?? body.error ?? 'HTTP_ERROR',
      first?.issue ?? null,
      first?.description ?? body.message ?? body.error_description ?? res.statusText,
      body.debug_id ?? null,
    );
  }

  async function accessToken(): Promise<string> {
    const now = o.clock.now().getTime();
    if (token && token.expiresAt > now) return token.value;
    const basic = Buffer.from(`${o.clientId}:${o.clientSecret}`).toString('base64');
    const res = await send('/v1/oauth2/token', {
      method: 'POST',
      headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
    });
    if (!res.ok) throw await failure(res);
    const body = (await res.json()) as { access_token: string; expires_in: number };
    token = { value: body.access_token, expiresAt: now + Math.max(0, body.expires_in - 60) * 1000 };
    return token.value;
  }

  /** One authorized call; a 401 (a revoked or expired token) gets one retry with a fresh token. */
  async function call<T>(
    method: 'GET' | 'POST',
    path: string,
    o2: { body?: string; requestId?: string } = {},
  ): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const headers: Record<string, string> = {
        authorization: `Bearer ${await accessToken()}`,
        accept: 'application/json',
        prefer: 'return=representation',
      };
      if (o2.body !== undefined) headers['content-type'] = 'application/json';
      if (o2.requestId) headers['paypal-request-id'] = o2.requestId;
      const res = await send(path, { method, headers, body: o2.body });
      if (res.status === 401 && attempt === 0) {
        token = null;
        continue;
      }
      if (!res.ok) throw await failure(res);
      return (await res.json()) as T;
    }
  }

  return {
    createOrder: (body: unknown, requestId: string) =>
      call<PaypalOrder>('POST', '/v2/checkout/orders', { body: JSON.stringify(body), requestId }),
    getOrder: (id: string) => call<PaypalOrder>('GET', `/v2/checkout/orders/${encodeURIComponent(id)}`),
    captureOrder: (id: string, requestId: string) =>
      call<PaypalOrder>('POST', `/v2/checkout/orders/${encodeURIComponent(id)}/capture`, {
        body: '{}',
        requestId,
      }),
    getCapture: (id: string) => call<PaypalCapture>('GET', `/v2/payments/captures/${encodeURIComponent(id)}`),
    refundCapture: (captureId: string, body: unknown, requestId: string) =>
      call<PaypalRefund>('POST', `/v2/payments/captures/${encodeURIComponent(captureId)}/refund`, {
        body: JSON.stringify(body),
        requestId,
      }),
    /**
     * Ask PayPal whether a webhook is genuine. The event goes as the exact text received (parsing and
     * re-serialising it could change it, and the signature is over the original).
     */
    async verifyWebhook(headers: Record<string, string>, webhookId: string, rawEvent: string) {
      const envelope = JSON.stringify({ ...headers, webhook_id: webhookId, webhook_event: '\u0000' });
      const body = envelope.replace('"\\u0000"', rawEvent);
      const res = await call<{ verification_status: string }>(
        'POST',
        '/v1/notifications/verify-webhook-signature',
        { body },
      );
      return res.verification_status === 'SUCCESS';
    },
  };
}
export type PaypalClient = ReturnType<typeof createPaypalClient>;
