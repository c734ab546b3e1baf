import { and, asc, eq, gt, inArray, isNotNull, lt, notInArray, or } from 'drizzle-orm';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Config } from '../../../config.ts';
import type { Database, Executor } from '../../../db/client.ts';
import { orders, payments } from '../../../db/schema/index.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Jobs } from '../../../platform/jobs.ts';
import type { PaymentPipeline } from './pipeline.ts';
import type { CardProviders } from './providers.ts';

export const RECONCILE_QUEUE = 'payments.reconcile';
/** Attempts older than this are left alone: their hosted pages expired long ago (Stripe: 24 h at most). */
const MAX_AGE_MS = 24 * 3_600_000;
const BATCH = 100;
/**
 * Batches one pass reads at most. Every stale attempt is looked at in a pass, not only the oldest batch:
 * buyers who leave Stripe's page open (a day's abandoned checkouts) would otherwise fill the batch for a
 * day, and a newer attempt whose webhook was lost would never be reconciled (found by the chaos suite).
 */
const MAX_BATCHES = 50;
/** Failures after which the attempt's page is gone: nothing more can happen there. */
const FINAL_FAILURES = ['expired', 'async_failed'];

export interface ReconcileDeps {
  config: Config;
  database: Database;
  clock: Clock;
  log: FastifyBaseLogger;
  pipeline: PaymentPipeline;
  providers: CardProviders;
}

/**
 * Card attempts still open after `reconcileAfterMs` (and less than a day old), a batch at a time. A failed
 * attempt of an order still awaiting payment counts as open: on Stripe's page a buyer whose card was
 * declined may pay with another card in the same session (not once it expired).
 */
export function staleCardAttempts(
  x: Executor,
  o: { providers: string[]; before: Date; after: Date; afterId?: string },
) {
  return x
    .select({
      id: payments.id,
      provider: payments.provider,
      providerRef: payments.providerRef,
    })
    .from(payments)
    .innerJoin(orders, eq(orders.id, payments.orderId))
    .where(
      and(
        inArray(payments.provider, o.providers as ('stripe' | 'paypal' | 'test')[]),
        or(
          inArray(payments.status, ['created', 'pending']),
          and(
            eq(payments.status, 'failed'),
            eq(orders.status, 'pending'),
            notInArray(payments.errorCode, FINAL_FAILURES),
          ),
        ),
        isNotNull(payments.providerRef),
        lt(payments.createdAt, o.before),
        gt(payments.createdAt, o.after),
        // Keyset on the id (exact, unlike a timestamp read back at millisecond precision).
        o.afterId ? gt(payments.id, o.afterId) : undefined,
      ),
    )
    .orderBy(asc(payments.id))
    .limit(BATCH);
}

/**
 * A webhook may never arrive (an outage, a misconfigured endpoint): ask each card provider where its
 * stale attempts stand and feed the answers to the one pipeline, exactly as a webhook would have been
 * (the lookup's event ids make a repeat a duplicate). Provider-agnostic: any card provider with
 * `lookup` takes part. One attempt's failure is logged and does not stop the others.
 */
export async function reconcilePayments(d: ReconcileDeps): Promise<{ checked: number; outcomes: string[] }> {
  const names = [...d.providers.keys()];
  if (names.length === 0) return { checked: 0, outcomes: [] };
  const now = d.clock.now().getTime();
  const window = {
    providers: names,
    before: new Date(now - d.config.commerce.reconcileAfterMs),
    after: new Date(now - MAX_AGE_MS),
  };
  const outcomes: string[] = [];
  let checked = 0;
  let afterId: string | undefined;
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const attempts = await staleCardAttempts(d.database.db, { ...window, ...(afterId ? { afterId } : {}) });
    checked += attempts.length;
    for (const a of attempts) await reconcileOne(d, a, outcomes);
    const last = attempts.at(-1);
    if (!last || attempts.length < BATCH) break;
    afterId = last.id;
  }
  return { checked, outcomes };
}

async function reconcileOne(
  d: ReconcileDeps,
  a: { id: string; provider: string; providerRef: string | null },
  outcomes: string[],
): Promise<void> {
  const provider = d.providers.get(a.provider as 'stripe' | 'paypal' | 'test');
  if (!provider || !a.providerRef) return;
  try {
    const n = await provider.lookup(a.providerRef);
    if (!n) return;
    const [outcome] = await d.pipeline.handle(provider.name, [n]);
    outcomes.push(outcome ?? 'none');
    d.log.info(
      { paymentId: a.id, provider: provider.name, eventId: n.eventId, outcome },
      'payment reconciled',
    );
  } catch (err) {
    d.log.warn({ err, paymentId: a.id, provider: provider.name }, 'payment reconciliation failed');
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Run one reconciliation pass now (what the minutely job does); for tests and operators. */
    reconcilePayments(): Promise<{ checked: number; outcomes: string[] }>;
  }
}

/** The minutely job (pg-boss, run once across instances) and `app.reconcilePayments()`. */
export async function registerReconciliation(app: FastifyInstance, d: ReconcileDeps & { jobs: Jobs }) {
  const run = () => reconcilePayments(d);
  app.decorate('reconcilePayments', run);
  await d.jobs.work(RECONCILE_QUEUE, async () => {
    await run();
  });
  await d.jobs.schedule(RECONCILE_QUEUE, '* * * * *');
}
