import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';

/**
 * A local stand-in for Stripe's API that the real SDK talks to (through `STRIPE_API_BASE`): Checkout
 * Sessions (create, honouring `Idempotency-Key`; retrieve; list by payment intent), refunds (create, list
 * by charge), plus test controls that move a session the way a buyer on Stripe's page would, and return
 * the event Stripe would then send, ready to be signed with `signed`.
 */
export const FAKE_STRIPE_SECRET = 'sk_test_fake_9tangle';
export const FAKE_WEBHOOK_SECRET = 'whsec_fake_9tangle_webhook_secret';

type Json = Record<string, unknown>;
export interface FakeSession extends Json {
  id: string;
  status: 'open' | 'complete' | 'expired';
  payment_status: 'unpaid' | 'paid';
  payment_intent: string | null;
  amount_total: number;
  currency: string;
  metadata: Record<string, string>;
}

const rid = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`;

/** `a[b][0][c]=1` form fields (as the SDK encodes them) back into nested objects and arrays. */
export function parseForm(body: string): Json {
  const out: Json = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const path = key.replace(/\]/g, '').split('[');
    let node: Json = out;
    path.forEach((part, i) => {
      if (i === path.length - 1) node[part] = value;
      else {
        const next = path[i + 1] as string;
        node[part] ??= /^\d+$/.test(next) ? [] : {};
        node = node[part] as Json;
      }
    });
  }
  return out;
}

/** The environment that points the app's Stripe adapter at the fake (tests, chaos servers, the bench). */
export const stripeEnv = (fake: { apiBase: string }, extra: Record<string, string> = {}) => ({
  STRIPE_SECRET_KEY: FAKE_STRIPE_SECRET,
  STRIPE_WEBHOOK_SECRET: FAKE_WEBHOOK_SECRET,
  STRIPE_API_BASE: fake.apiBase,
  ...extra,
});

export interface FakeStripe {
  apiBase: string;
  sessions: Map<string, FakeSession>;
  /** Every request as it arrived: method, path, idempotency key and parsed form. */
  requests: { method: string; path: string; idempotencyKey: string | null; form: Json }[];
  complete(sessionId: string, o?: { paymentStatus?: 'paid' | 'unpaid' }): Stripe.Event;
  asyncResult(sessionId: string, ok: boolean): Stripe.Event;
  expire(sessionId: string): Stripe.Event;
  decline(sessionId: string, o?: { code?: string; message?: string }): Stripe.Event;
  refunded(sessionId: string, amounts: number[]): Stripe.Event;
  dispute(sessionId: string, type: 'created' | 'closed', status: string): Stripe.Event;
  event(type: string, object: Json): Stripe.Event;
  /** The body and headers of a webhook delivery, signed like Stripe signs it (or tampered with). */
  /**
   * Called when a buyer pays on the hosted page (`GET /pay/:id`, its Pay button), with the
   * `checkout.session.completed` event Stripe would then send; the page redirects to the success URL.
   */
  onHostedPay: ((event: Stripe.Event) => void) | null;
  /** How long each API answer waits (0 unless a test sets it: a slow Stripe keeps requests in flight). */
  latencyMs: number;
  signed(
    payload: Stripe.Event | string,
    o?: { secret?: string; timestamp?: number },
  ): { payload: string; headers: Record<string, string> };
  close(): Promise<void>;
}

export async function startFakeStripe(): Promise<FakeStripe> {
  const sessions = new Map<string, FakeSession>();
  const refunds = new Map<string, Json>();
  const byKey = new Map<string, { status: number; body: Json }>();
  const requests: FakeStripe['requests'] = [];
  const sdk = new Stripe(FAKE_STRIPE_SECRET);

  function createSession(form: Json, base: string): Json {
    const lines = (form.line_items ?? []) as { quantity: string; price_data: Json }[];
    const amount = lines.reduce((a, l) => a + Number(l.price_data.unit_amount) * Number(l.quantity), 0);
    const id = rid('cs_test');
    const s: FakeSession = {
      id,
      object: 'checkout.session',
      status: 'open',
      payment_status: 'unpaid',
      payment_intent: null,
      amount_total: amount,
      currency: String(lines[0]?.price_data.currency ?? 'usd'),
      mode: form.mode,
      line_items_sent: lines,
      customer_email: form.customer_email,
      client_reference_id: form.client_reference_id,
      metadata: (form.metadata ?? {}) as Record<string, string>,
      payment_intent_data: form.payment_intent_data,
      success_url: form.success_url,
      cancel_url: form.cancel_url,
      expires_at: Number(form.expires_at),
      url: `${base}/pay/${id}`,
    };
    sessions.set(id, s);
    return s;
  }

  function createRefund(form: Json): { status: number; body: Json } {
    const pi = String(form.payment_intent ?? '');
    const s = [...sessions.values()].find((x) => x.payment_intent === pi && x.payment_status === 'paid');
    if (!s)
      return {
        status: 400,
        body: {
          error: { type: 'invalid_request_error', code: 'resource_missing', message: 'No such payment' },
        },
      };
    const r = {
      id: rid('re'),
      object: 'refund',
      amount: Number(form.amount ?? s.amount_total),
      currency: s.currency,
      payment_intent: pi,
      charge: `ch_${pi.slice(3)}`,
      status: 'succeeded',
    };
    refunds.set(r.id, r);
    return { status: 200, body: r };
  }

  async function route(
    req: IncomingMessage,
    body: string,
    base: string,
  ): Promise<{ status: number; body: Json }> {
    const url = new URL(req.url ?? '/', base);
    const form = req.method === 'POST' ? parseForm(body) : Object.fromEntries(url.searchParams);
    const key = (req.headers['idempotency-key'] as string | undefined) ?? null;
    requests.push({ method: req.method ?? '', path: url.pathname, idempotencyKey: key, form });
    if (req.method === 'POST' && key && byKey.has(`${url.pathname}:${key}`))
      return byKey.get(`${url.pathname}:${key}`) as { status: number; body: Json };
    let res: { status: number; body: Json };
    const one = url.pathname.match(/^\/v1\/checkout\/sessions\/([^/]+)$/);
    if (req.method === 'POST' && url.pathname === '/v1/checkout/sessions')
      res = { status: 200, body: createSession(form, base) };
    else if (req.method === 'GET' && one && sessions.has(one[1] as string))
      res = { status: 200, body: sessions.get(one[1] as string) as Json };
    else if (req.method === 'GET' && url.pathname === '/v1/checkout/sessions') {
      const data = [...sessions.values()].filter((s) => s.payment_intent === form.payment_intent);
      res = { status: 200, body: { object: 'list', data, has_more: false, url: url.pathname } };
    } else if (req.method === 'POST' && url.pathname === '/v1/refunds') res = createRefund(form);
    else if (req.method === 'GET' && url.pathname === '/v1/refunds') {
      const data = [...refunds.values()].filter((r) => r.charge === form.charge);
      res = { status: 200, body: { object: 'list', data, has_more: false, url: url.pathname } };
    } else
      res = {
        status: 404,
        body: {
          error: { type: 'invalid_request_error', code: 'resource_missing', message: 'No such object' },
        },
      };
    if (req.method === 'POST' && key) byKey.set(`${url.pathname}:${key}`, res);
    return res;
  }

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (hostedPage(req, res)) return;
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const delay = new Promise((r) => setTimeout(r, fake.latencyMs));
      delay
        .then(() => route(req, Buffer.concat(chunks).toString('utf8'), base))
        .then(
          (r) => {
            res.writeHead(r.status, { 'content-type': 'application/json', 'request-id': rid('req') });
            res.end(JSON.stringify(r.body));
          },
          (err: Error) => {
            res.writeHead(500, { 'content-type': 'application/json' });
            res.end(JSON.stringify({ error: { type: 'api_error', message: err.message } }));
          },
        );
    });
  });
  /** Stripe's hosted Checkout page, for a browser: `GET /pay/:id` shows a Pay button, its POST pays. */
  function hostedPage(req: IncomingMessage, res: ServerResponse): boolean {
    const m = new URL(req.url ?? '/', 'http://x').pathname.match(/^\/pay\/([A-Za-z0-9_]+)$/);
    const s = m ? sessions.get(m[1] as string) : undefined;
    if (!s) return false;
    if (req.method === 'POST') {
      if (s.status === 'open') {
        const paid = fake.complete(s.id);
        fake.onHostedPay?.(paid);
      }
      res.writeHead(303, { location: String(s.success_url) }).end();
      return true;
    }
    const amount = `${(s.amount_total / 100).toFixed(2)} ${s.currency.toUpperCase()}`;
    const html = `<!doctype html><html lang="en"><title>Fake Stripe Checkout</title><main><h1>Fake Stripe Checkout</h1><p>Pay ${amount}</p><form method="post" action="/pay/${s.id}"><button>Pay</button></form></main></html>`;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    return true;
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const apiBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const session = (id: string): FakeSession => {
    const s = sessions.get(id);
    if (!s) throw new Error(`fake stripe: no session ${id}`);
    return s;
  };
  const intentOf = (s: FakeSession): string => {
    s.payment_intent ??= rid('pi');
    return s.payment_intent;
  };
  const event = (type: string, object: Json): Stripe.Event =>
    ({
      id: rid('evt'),
      object: 'event',
      api_version: Stripe.API_VERSION,
      created: Math.floor(Date.now() / 1000),
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type,
      data: { object: structuredClone(object) },
    }) as unknown as Stripe.Event;

  const fake: FakeStripe = {
    apiBase,
    sessions,
    requests,
    event,
    onHostedPay: null,
    latencyMs: 0,
    complete(id, o = {}) {
      const s = session(id);
      intentOf(s);
      s.status = 'complete';
      s.payment_status = o.paymentStatus ?? 'paid';
      return event('checkout.session.completed', s);
    },
    asyncResult(id, ok) {
      const s = session(id);
      s.payment_status = ok ? 'paid' : 'unpaid';
      return event(`checkout.session.async_payment_${ok ? 'succeeded' : 'failed'}`, s);
    },
    expire(id) {
      const s = session(id);
      s.status = 'expired';
      return event('checkout.session.expired', s);
    },
    decline(id, o = {}) {
      const s = session(id);
      const code = o.code ?? 'card_declined';
      return event('payment_intent.payment_failed', {
        id: intentOf(s),
        object: 'payment_intent',
        status: 'requires_payment_method',
        metadata: s.metadata,
        last_payment_error: {
          type: 'card_error',
          code: 'card_declined',
          decline_code: code,
          message: o.message ?? 'Your card was declined.',
        },
      });
    },
    refunded(id, amounts) {
      const s = session(id);
      const pi = intentOf(s);
      const list = amounts.map((amount) => {
        const r = {
          id: rid('re'),
          object: 'refund',
          amount,
          currency: s.currency,
          payment_intent: pi,
          status: 'succeeded',
          charge: `ch_${pi.slice(3)}`,
        };
        refunds.set(r.id, r);
        return r;
      });
      return event('charge.refunded', {
        id: `ch_${pi.slice(3)}`,
        object: 'charge',
        payment_intent: pi,
        amount: s.amount_total,
        amount_refunded: amounts.reduce((a, b) => a + b, 0),
        currency: s.currency,
        refunds: { object: 'list', data: list, has_more: false },
      });
    },
    dispute(id, type, status) {
      const s = session(id);
      const pi = intentOf(s);
      return event(`charge.dispute.${type}`, {
        id: `dp_${pi.slice(3)}`,
        object: 'dispute',
        payment_intent: pi,
        charge: `ch_${pi.slice(3)}`,
        amount: s.amount_total,
        currency: s.currency,
        status,
      });
    },
    signed(payload, o = {}) {
      const text = typeof payload === 'string' ? payload : JSON.stringify(payload);
      const header = sdk.webhooks.generateTestHeaderString({
        payload: text,
        secret: o.secret ?? FAKE_WEBHOOK_SECRET,
        ...(o.timestamp === undefined ? {} : { timestamp: o.timestamp }),
      });
      return {
        payload: text,
        headers: { 'content-type': 'application/json; charset=utf-8', 'stripe-signature': header },
      };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return fake;
}
