import { signIn as benchSignIn, type Session } from '../../bench/lib/sessions.ts';
import { sleep } from './processes.ts';

export type { Session };

/** Errors of a connection the server dropped or refused (it was killed, or is booting). */
export function isNetworkError(err: unknown): boolean {
  const code = (err as { cause?: { code?: string } })?.cause?.code ?? (err as { code?: string })?.code;
  return (
    err instanceof TypeError ||
    ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED'].includes(code ?? '')
  );
}

export interface Answer {
  status: number;
  body: unknown;
}

/** One request; a dropped connection is status 0 (never thrown). */
export async function request(url: string, init: RequestInit & { timeoutMs?: number } = {}): Promise<Answer> {
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(init.timeoutMs ?? 30_000) });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {}
    return { status: res.status, body };
  } catch (err) {
    if (isNetworkError(err) || (err as Error).name === 'TimeoutError')
      return { status: 0, body: String(err) };
    throw err;
  }
}

/**
 * What a client does against a server that may be down: repeat the same request (same idempotency key)
 * while the connection is refused or dropped, or the answer is 503, until `done` accepts the answer.
 * Counts the attempts that did not get through.
 */
export async function retrying(
  send: () => Promise<Answer>,
  o: { until?: number; stats?: { retries: number }; trail?: string[] } = {},
): Promise<Answer> {
  const until = o.until ?? Date.now() + 300_000;
  for (;;) {
    const a = await send();
    o.trail?.push(`${new Date().toISOString().slice(11, 23)} ${a.status}`);
    if (a.status !== 0 && a.status !== 503) return a;
    if (Date.now() > until) return a;
    if (o.stats) o.stats.retries += 1;
    await sleep(50 + Math.random() * 150);
  }
}

export const writeHeaders = (s: Session, origin: string) => ({
  cookie: s.cookie,
  'x-csrf-token': s.csrf,
  origin,
  'content-type': 'application/json',
  accept: 'application/json',
});

/** Sign every address in, a few at a time. */
export async function signInAll(url: string, emails: string[], password: string, concurrency = 8) {
  const out: Session[] = new Array(emails.length);
  let i = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (i < emails.length) {
        const k = i++;
        out[k] = await benchSignIn(url, emails[k] as string, password);
      }
    }),
  );
  return out;
}
