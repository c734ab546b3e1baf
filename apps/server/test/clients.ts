import type { FastifyInstance } from 'fastify';
import { Client } from './harness.ts';

/** A second client holding the same cookies: the browser tab that keeps an old cookie after a change. */
export function copyOf(app: FastifyInstance, client: Client): Client {
  const copy = new Client(app);
  copy.cookies = new Map(client.cookies);
  return copy;
}

/** The Cookie header a client would send. */
export const cookieHeader = (client: Client): string =>
  [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');

/** Poll until `probe` returns a value (not undefined), or fail after `timeoutMs`. */
export async function waitFor<T>(
  probe: () => Promise<T | undefined> | T | undefined,
  { timeoutMs = 10_000, what = 'condition' } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
