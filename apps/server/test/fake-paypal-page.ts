import type { IncomingMessage } from 'node:http';
import type { Answer, FakeOrder } from './fake-paypal.ts';

/** PayPal's hosted page, for a browser: Pay sends the buyer to the return URL, Cancel to the cancel URL. */
export function buyerPage(
  orders: Map<string, FakeOrder>,
  req: IncomingMessage,
  path: string,
  token: string,
): Answer | null {
  const o = orders.get(token);
  if (!o || !path.startsWith('/checkoutnow')) return null;
  const ctx = (o.body.payment_source as { paypal: { experience_context: Record<string, string> } }).paypal
    .experience_context;
  const to = (url = '', payer = '') => ({
    status: 303,
    body: '',
    headers: { location: `${url}${url.includes('?') ? '&' : '?'}token=${o.id}${payer}` },
  });
  if (req.method === 'POST' && path === '/checkoutnow/approve') {
    o.status = 'APPROVED';
    return to(ctx.return_url, '&PayerID=FAKEPAYER');
  }
  if (req.method === 'POST' && path === '/checkoutnow/cancel') return to(ctx.cancel_url);
  const { value, currency_code } = o.unit.amount;
  const form = (action: string, label: string) =>
    `<form method="post" action="/checkoutnow/${action}?token=${o.id}"><button>${label}</button></form>`;
  const html = `<!doctype html><title>Fake PayPal</title><h1>Fake PayPal</h1><p>Pay ${value} ${currency_code}</p>${form('approve', 'Pay now')}${form('cancel', 'Cancel and return')}`;
  return { status: 200, body: html, headers: { 'content-type': 'text/html' } };
}
