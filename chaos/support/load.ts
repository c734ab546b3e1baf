import { type Answer, request, type Session, writeHeaders } from './http.ts';

export interface Sample {
  kind: string;
  sentAt: number;
  endedAt: number;
  status: number;
  /** The error's stable code, for a 4xx or 5xx answer. */
  code?: string;
}

/**
 * Steady traffic for a fault to land in: `connections` loops, each a signed-in student doing a mix of
 * reads (the catalog, the cart, the student's courses) and, when `checkoutEvery` is set, a cart write
 * and a Stripe checkout every that many steps. Every request's timing and status is kept.
 */
export function startLoad(o: {
  url: string;
  sessions: Session[];
  courseIds: string[];
  connections: number;
  checkoutEvery?: number;
  /** Pause between one loop's requests. */
  pauseMs?: number;
}) {
  const samples: Sample[] = [];
  let running = true;
  let n = 0;
  const timed = async (kind: string, send: () => Promise<Answer>) => {
    const sentAt = Date.now();
    const a = await send();
    const code = (a.body as { error?: { code?: string } } | null)?.error?.code;
    samples.push({ kind, sentAt, endedAt: Date.now(), status: a.status, ...(code ? { code } : {}) });
    return a;
  };
  const loop = async (k: number) => {
    const s = o.sessions[k % o.sessions.length] as Session;
    let step = 0;
    while (running) {
      step += 1;
      const i = n++;
      if (o.checkoutEvery && step % o.checkoutEvery === 0) {
        const courseId = o.courseIds[i % o.courseIds.length] as string;
        await timed('cart_add', () =>
          request(`${o.url}/api/cart/items`, {
            method: 'POST',
            headers: writeHeaders(s, o.url),
            body: JSON.stringify({ itemType: 'course', itemId: courseId }),
          }),
        );
        await timed('checkout', () =>
          request(`${o.url}/api/checkout/orders`, {
            method: 'POST',
            headers: { ...writeHeaders(s, o.url), 'idempotency-key': `load-${k}-${step}-${Date.now()}` },
            body: JSON.stringify({
              contact: { name: 'Load Buyer', email: s.email },
              country: 'PK',
              provider: 'stripe',
            }),
          }),
        );
      } else {
        const read = i % 3;
        if (read === 0) await timed('catalog', () => request(`${o.url}/api/courses?limit=12`));
        else if (read === 1)
          await timed('cart', () => request(`${o.url}/api/cart`, { headers: { cookie: s.cookie } }));
        else
          await timed('my_courses', () =>
            request(`${o.url}/api/learning/courses`, { headers: { cookie: s.cookie } }),
          );
      }
      if (o.pauseMs) await new Promise((r) => setTimeout(r, o.pauseMs));
    }
  };
  const loops = Array.from({ length: o.connections }, (_, k) => loop(k));
  return {
    samples,
    async stop() {
      running = false;
      await Promise.all(loops);
      return samples;
    },
  };
}

/** Counts of statuses: `{ '200': 812, '503': 4, '0': 1 }`. */
export function statusCounts(samples: Sample[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of samples) out[String(s.status)] = (out[String(s.status)] ?? 0) + 1;
  return out;
}
