import { and, eq, or, type SQLWrapper, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Database, Tx } from '../../../db/client.ts';
import { reusable } from '../../../db/reusable.ts';
import { type OrderRow, orders, type PaymentRow, paymentEvents, payments } from '../../../db/schema/index.ts';
import type { PaymentNotification, ProviderName } from '../../../platform/payments.ts';

/**
 * The one door every payment notification goes through (ADR 026), whichever provider sent it (a webhook,
 * a lookup on the buyer's return, the reconciliation job, an admin approving a transfer) and however
 * often. One transaction per notification:
 *
 * 1. `(provider, eventId)` is inserted into `payment_events`; a redelivery conflicts and stops there
 *    (a concurrent copy waits on the first one's insert and then sees it).
 * 2. The attempt is found by its provider reference (or the charge, for refunds and disputes); an unknown
 *    one is recorded as `unknown_payment` and ignored.
 * 3. The order row and then the attempt's are locked (`for update`), then the handler registered for
 *    the notification's kind acts on the order's *current* status, so the order in which notifications
 *    arrive does not matter.
 *
 * Steps 1–3 are one statement (the insert is a CTE the locking select depends on). Slices register
 * their handlers with `on`: checkout the payment ones (and the fulfilment), orders the refund and
 * dispute ones. Writes whose answer a handler does not need go to `ctx.write`: they are sent together,
 * with the event's outcome, as one statement at the end (ADR 042). Work that must wait for the commit
 * (queueing mail, cache invalidation) goes to `ctx.afterCommit`.
 */
export interface NotificationContext<K extends PaymentNotification['kind'] = PaymentNotification['kind']> {
  tx: Tx;
  provider: ProviderName;
  notification: Extract<PaymentNotification, { kind: K }>;
  /** The attempt the notification is about, locked. */
  payment: PaymentRow;
  /** Its order, locked, as it is now. */
  order: OrderRow;
  /**
   * A write (an insert, update or delete builder) whose answer is not needed: run, with the others and
   * the outcome, as one statement when the handler returns. They all see the transaction as it was
   * before any of them, so each must touch rows no other one does (and no later read may need them).
   */
  write(q: SQLWrapper): void;
  afterCommit(fn: () => Promise<void>): void;
}

/** What a handler did, stored in `payment_events.outcome` (`fulfilled`, `already_paid`, `ignored`, …). */
export type NotificationHandler<K extends PaymentNotification['kind']> = (
  ctx: NotificationContext<K>,
) => Promise<string>;

/**
 * Step 1–3's statement, built once with placeholders and prepared (`reusable`): built per
 * notification, the query builder's work was the largest part of a webhook's CPU.
 */
const recordAndLockOn = reusable((x) => {
  const recorded = x.$with('recorded').as(
    x
      .insert(paymentEvents)
      .values({
        provider: sql.placeholder('provider'),
        eventId: sql.placeholder('eventId'),
        type: sql.placeholder('kind'),
      })
      .onConflictDoNothing()
      .returning({ eventId: paymentEvents.eventId }),
  );
  return x
    .with(recorded)
    .select({ order: orders, payment: payments })
    .from(orders)
    .innerJoin(payments, eq(payments.orderId, orders.id))
    .where(
      and(
        sql`exists (select 1 from ${recorded})`,
        eq(payments.provider, sql.placeholder('provider')),
        or(
          eq(payments.providerRef, sql.placeholder('providerRef')),
          eq(payments.providerChargeRef, sql.placeholder('providerRef')),
        ),
      ),
    )
    .limit(1)
    .for('update')
    .prepare('payment_event_record_and_lock');
});

export function createPaymentPipeline(d: { database: Database; log: FastifyBaseLogger }) {
  const handlers = new Map<PaymentNotification['kind'], NotificationHandler<never>>();

  async function handleOne(provider: ProviderName, n: PaymentNotification): Promise<string> {
    const after: (() => Promise<void>)[] = [];
    const outcome = await d.database.db.transaction(async (tx) => {
      // The event recorded, its attempt and order found and locked (the order's row first): one statement.
      // No row: a redelivery (the insert did nothing) or an unknown attempt, told apart below.
      const [found] = await recordAndLockOn(tx).execute({
        provider,
        eventId: n.eventId,
        kind: n.kind,
        providerRef: n.providerRef,
      });
      const event = and(eq(paymentEvents.provider, provider), eq(paymentEvents.eventId, n.eventId));
      if (!found) {
        // Recorded by this transaction, the event has no outcome yet; a redelivery's first copy has one.
        const mine = await tx
          .update(paymentEvents)
          .set({ outcome: 'unknown_payment', orderId: null })
          .where(and(event, sql`${paymentEvents.outcome} is null`))
          .returning({ eventId: paymentEvents.eventId });
        return mine.length > 0 ? 'unknown_payment' : 'duplicate';
      }
      const { order, payment } = found;
      const writes: SQLWrapper[] = [];
      const handler = handlers.get(n.kind) as NotificationHandler<typeof n.kind> | undefined;
      const result = handler
        ? await handler({
            tx,
            provider,
            notification: n as never,
            payment,
            order,
            write: (q) => writes.push(q),
            afterCommit: (fn) => after.push(fn),
          })
        : 'ignored';
      const setOutcome = tx.update(paymentEvents).set({ outcome: result, orderId: order.id }).where(event);
      if (writes.length === 0) await setOutcome;
      else
        await tx.execute(
          sql`with ${sql.join(
            // getSQL: a builder embedded as itself would be wrapped in parentheses, as a subquery.
            writes.map((q, i) => sql`${sql.raw(`w${i}`)} as (${q.getSQL()})`),
            sql`, `,
          )} ${setOutcome.getSQL()}`,
        );
      return result;
    });
    for (const fn of after) {
      await fn().catch((err) =>
        d.log.error({ err, provider, eventId: n.eventId }, 'after-commit step failed'),
      );
    }
    return outcome;
  }

  return {
    /** Register what a kind of notification does (one handler per kind). */
    on<K extends PaymentNotification['kind']>(kind: K, handler: NotificationHandler<K>): void {
      if (handlers.has(kind))
        throw new Error(`payment pipeline: a handler for ${kind} is already registered`);
      handlers.set(kind, handler as unknown as NotificationHandler<never>);
    },
    /** Apply notifications one after another; returns each one's outcome (`duplicate` for a repeat). */
    async handle(provider: ProviderName, notifications: PaymentNotification[]): Promise<string[]> {
      const outcomes: string[] = [];
      for (const n of notifications) outcomes.push(await handleOne(provider, n));
      return outcomes;
    },
  };
}
export type PaymentPipeline = ReturnType<typeof createPaymentPipeline>;
