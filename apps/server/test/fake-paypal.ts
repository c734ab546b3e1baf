import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buyerPage } from './fake-paypal-page.ts';
import { safeEqual, sign, signWebhook, WEBHOOK_ID } from './fake-paypal-signing.ts';

/**
 * A stateful fake of the PayPal REST endpoints the adapter calls (OAuth2 token, Orders v2 create / get /
 * capture, captures get / refund, webhook verification), on a real HTTP port. Orders go CREATED →
 * `approve()` → captured; a POST repeated with the same `PayPal-Request-Id` answers what it answered the
 * first time (only successes are remembered, as PayPal does); the verify endpoint answers SUCCESS only
 * for events this fake signed with `signedWebhook`.
 */
export interface FakeCapture {
  id: string;
  orderId: string;
  status: string;
  amount: { currency_code: string; value: string };
  refunded: number;
  status_details?: { reason: string };
}
export interface FakeOrder {
  id: string;
  status: string;
  body: Record<string, unknown>;
  unit: { custom_id?: string; invoice_id?: string; amount: { currency_code: string; value: string } };
  capture: FakeCapture | null;
  /** What the next capture does: `instrument` → 422 INSTRUMENT_DECLINED, `denied` → a DECLINED capture. */
  decline: 'instrument' | 'denied' | null;
}

export type Answer = { status: number; body: unknown; headers?: Record<string, string> };

const CLIENT_ID = 'fake-client-id';
const CLIENT_SECRET = 'fake-client-secret';

const rid = (prefix = '') => `${prefix}${randomBytes(9).toString('hex').toUpperCase().slice(0, 17)}`;
const cents = (v: string) => Math.round(Number(v) * 100);

export async function startFakePaypal() {
  const orders = new Map<string, FakeOrder>();
  const captures = new Map<string, FakeCapture>();
  const remembered = new Map<string, Answer>();
  const tokens = new Set<string>();
  const stats = { tokens: 0, creates: 0, captures: 0, refunds: 0, verifications: 0 };
  const calls: { method: string; path: string; requestId: string | null }[] = [];
  let base = '';
  const control = { outage: false };

  const orderJson = (o: FakeOrder) => ({
    id: o.id,
    status: o.status,
    purchase_units: [
      {
        ...o.unit,
        payments: o.capture ? { captures: [captureJson(o.capture)] } : undefined,
      },
    ],
    links: [
      { rel: 'self', href: `${base}/v2/checkout/orders/${o.id}`, method: 'GET' },
      { rel: 'payer-action', href: `${base}/checkoutnow?token=${o.id}`, method: 'GET' },
    ],
  });
  const captureJson = (c: FakeCapture) => ({
    id: c.id,
    status: c.status,
    amount: c.amount,
    ...(c.status_details ? { status_details: c.status_details } : {}),
    supplementary_data: { related_ids: { order_id: c.orderId } },
  });
  const issue = (status: number, name: string, issueName: string, description: string) => ({
    status,
    body: { name, debug_id: rid('dbg'), details: [{ issue: issueName, description }] },
  });

  function capture(o: FakeOrder): Answer {
    if (o.status === 'COMPLETED')
      return issue(422, 'UNPROCESSABLE_ENTITY', 'ORDER_ALREADY_CAPTURED', 'Order already captured.');
    if (o.status !== 'APPROVED')
      return issue(
        422,
        'UNPROCESSABLE_ENTITY',
        'ORDER_NOT_APPROVED',
        'Payer has not yet approved the Order.',
      );
    stats.captures += 1;
    if (o.decline === 'instrument') {
      o.decline = null;
      o.status = 'PAYER_ACTION_REQUIRED';
      return issue(422, 'UNPROCESSABLE_ENTITY', 'INSTRUMENT_DECLINED', 'The instrument was declined.');
    }
    const c: FakeCapture = {
      id: rid('CAP'),
      orderId: o.id,
      status: o.decline === 'denied' ? 'DECLINED' : 'COMPLETED',
      amount: o.unit.amount,
      refunded: 0,
      ...(o.decline === 'denied' ? { status_details: { reason: 'DECLINED_BY_RISK_FRAUD_FILTERS' } } : {}),
    };
    o.decline = null;
    o.capture = c;
    o.status = 'COMPLETED';
    captures.set(c.id, c);
    return { status: 201, body: orderJson(o) };
  }

  function route(req: IncomingMessage, path: string, body: string): Answer {
    if (req.method === 'POST' && path === '/v1/oauth2/token') {
      const basic = Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64');
      if (req.headers.authorization !== `Basic ${basic}` || body !== 'grant_type=client_credentials')
        return {
          status: 401,
          body: { error: 'invalid_client', error_description: 'Client Authentication failed' },
        };
      const token = `A21${randomBytes(16).toString('hex')}`;
      tokens.add(token);
      stats.tokens += 1;
      return { status: 200, body: { access_token: token, token_type: 'Bearer', expires_in: 32400 } };
    }
    const bearer = req.headers.authorization?.replace(/^Bearer /, '') ?? '';
    if (!tokens.has(bearer)) return { status: 401, body: { error: 'invalid_token' } };
    const json = body ? (JSON.parse(body) as Record<string, unknown>) : {};
    if (req.method === 'POST' && path === '/v1/notifications/verify-webhook-signature') {
      stats.verifications += 1;
      const ok =
        json.webhook_id === WEBHOOK_ID &&
        json.auth_algo === 'SHA256withRSA' &&
        typeof json.transmission_sig === 'string' &&
        safeEqual(
          json.transmission_sig,
          sign(json.transmission_id, json.transmission_time, json.webhook_event),
        );
      return { status: 200, body: { verification_status: ok ? 'SUCCESS' : 'FAILURE' } };
    }
    if (req.method === 'POST' && path === '/v2/checkout/orders') {
      stats.creates += 1;
      const unit = (json.purchase_units as FakeOrder['unit'][])[0] as FakeOrder['unit'];
      const o: FakeOrder = {
        id: rid(),
        status: 'PAYER_ACTION_REQUIRED',
        body: json,
        unit: { custom_id: unit.custom_id, invoice_id: unit.invoice_id, amount: unit.amount },
        capture: null,
        decline: null,
      };
      orders.set(o.id, o);
      return { status: 200, body: orderJson(o) };
    }
    const m = /^\/v2\/(checkout\/orders|payments\/captures)\/([^/]+)(\/capture|\/refund)?$/.exec(path);
    const notFound = issue(
      404,
      'RESOURCE_NOT_FOUND',
      'INVALID_RESOURCE_ID',
      'Specified resource ID does not exist.',
    );
    if (!m) return notFound;
    const [, kind, id = '', action] = m;
    if (kind === 'checkout/orders') {
      const o = orders.get(id);
      if (!o) return notFound;
      if (req.method === 'GET' && !action) return { status: 200, body: orderJson(o) };
      if (req.method === 'POST' && action === '/capture') return capture(o);
      return notFound;
    }
    const c = captures.get(id);
    if (!c) return notFound;
    if (req.method === 'GET' && !action) return { status: 200, body: captureJson(c) };
    if (req.method !== 'POST' || action !== '/refund') return notFound;
    const amount = (json.amount as { value: string } | undefined)?.value ?? c.amount.value;
    if (c.status !== 'COMPLETED' && c.status !== 'PARTIALLY_REFUNDED')
      return issue(
        422,
        'UNPROCESSABLE_ENTITY',
        'CAPTURE_FULLY_REFUNDED',
        'The capture has already been fully refunded',
      );
    if (c.refunded + cents(amount) > cents(c.amount.value))
      return issue(
        422,
        'UNPROCESSABLE_ENTITY',
        'REFUND_AMOUNT_EXCEEDED',
        'The refund amount exceeds the capture.',
      );
    stats.refunds += 1;
    c.refunded += cents(amount);
    c.status = c.refunded === cents(c.amount.value) ? 'REFUNDED' : 'PARTIALLY_REFUNDED';
    return { status: 201, body: refundJson(rid('REF'), c, amount) };
  }

  const refundJson = (refundId: string, c: FakeCapture, value: string) => ({
    id: refundId,
    status: 'COMPLETED',
    amount: { currency_code: c.amount.currency_code, value },
    links: [{ rel: 'up', href: `${base}/v2/payments/captures/${c.id}`, method: 'GET' }],
  });

  function handle(req: IncomingMessage, res: ServerResponse, body: string) {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const requestId = (req.headers['paypal-request-id'] as string | undefined) ?? null;
    calls.push({ method: req.method ?? 'GET', path, requestId });
    if (control.outage) {
      res.writeHead(503, { 'content-type': 'application/json' }).end('{"name":"SERVICE_UNAVAILABLE"}');
      return;
    }
    const key = requestId && `${path} ${requestId}`;
    const page = buyerPage(
      orders,
      req,
      path,
      new URL(req.url ?? '/', 'http://x').searchParams.get('token') ?? '',
    );
    let answer = page ?? (key ? remembered.get(key) : undefined);
    if (!answer) {
      answer = route(req, path, body);
      if (key && answer.status < 300) remembered.set(key, answer);
    }
    const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
    res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers }).end(text);
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handle(req, res, Buffer.concat(chunks).toString('utf8')));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const mustOrder = (id: string) => {
    const o = orders.get(id);
    if (!o) throw new Error(`fake paypal: no order ${id}`);
    return o;
  };

  return {
    url: base,
    /** The app's PayPal config pointing at this fake. */
    env: {
      PAYPAL_CLIENT_ID: CLIENT_ID,
      PAYPAL_CLIENT_SECRET: CLIENT_SECRET,
      PAYPAL_WEBHOOK_ID: WEBHOOK_ID,
      PAYPAL_API_BASE: base,
    },
    orders,
    captures,
    stats,
    /** While true, every call answers 503 (PayPal is down). */
    control,
    calls,
    /** The buyer approves on PayPal's page. */
    approve(id: string) {
      mustOrder(id).status = 'APPROVED';
    },
    /** The buyer's next capture fails (see `FakeOrder.decline`). */
    decline(id: string, how: 'instrument' | 'denied' = 'instrument') {
      mustOrder(id).decline = how;
    },
    /** PayPal voids the order (the buyer never approved it in time). */
    void(id: string) {
      mustOrder(id).status = 'VOIDED';
    },
    /** Capture at PayPal behind our back (as if another channel did it): the capture, for webhooks. */
    captureNow(id: string): FakeCapture {
      const o = mustOrder(id);
      o.status = 'APPROVED';
      capture(o);
      if (!o.capture) throw new Error('fake paypal: capture failed');
      return o.capture;
    },
    /** Refund a capture at PayPal (as if from PayPal's dashboard): the refund resource. */
    refundNow(captureId: string, value?: string) {
      const c = captures.get(captureId);
      if (!c) throw new Error(`fake paypal: no capture ${captureId}`);
      const v = value ?? c.amount.value;
      c.refunded += cents(v);
      c.status = c.refunded >= cents(c.amount.value) ? 'REFUNDED' : 'PARTIALLY_REFUNDED';
      return refundJson(rid('REF'), c, v);
    },
    captureResource: (c: FakeCapture) => captureJson(c),
    orderResource: (id: string) => orderJson(mustOrder(id)),
    /** A webhook as PayPal would post it: its JSON text and its `paypal-*` headers, signed (or forged). */
    signedWebhook: (eventType: string, resource: unknown, o: { id?: string; forged?: boolean } = {}) =>
      signWebhook(base, { id: o.id ?? rid('WH-'), event_type: eventType, resource }, o.forged),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
export type FakePaypal = Awaited<ReturnType<typeof startFakePaypal>>;
