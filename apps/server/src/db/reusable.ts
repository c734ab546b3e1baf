import type { Executor } from './client.ts';

interface Prepared {
  execute(values?: Record<string, unknown>): Promise<unknown>;
}

/** What both Drizzle drivers' sessions and prepared queries hold: the client they send statements on. */
interface HasClient {
  client: unknown;
}

/**
 * A statement Drizzle builds once, with placeholders, that runs on the database or inside any
 * transaction. Drizzle's own `.prepare(name)` is bound to the executor it was built on, so a read
 * inside a transaction was built again on every call: on the checkout's path, building SQL was a third
 * of the server's CPU (`is()` alone 11 %; docs/performance.md).
 *
 * The statement is built on the first executor it meets (one per driver class: pg or PGlite), and each
 * call runs it on the caller's client (a transaction's connection, or the pool) by a view of the
 * prepared query whose `client` is that one. Both drivers' prepared queries send through `this.client`,
 * and both sessions keep theirs as `client` (drizzle-orm 0.45; `reusable.test.ts` holds them to it).
 */
export function reusable<P extends Prepared>(build: (x: Executor) => P): (x: Executor) => P {
  const byDriver = new Map<unknown, P>();
  return (x) => {
    const session = x._.session as unknown as HasClient;
    let prepared = byDriver.get(session.constructor);
    if (!prepared) {
      prepared = build(x);
      byDriver.set(session.constructor, prepared);
    }
    if ((prepared as unknown as HasClient).client === session.client) return prepared;
    return Object.create(prepared, { client: { value: session.client } }) as P;
  };
}
