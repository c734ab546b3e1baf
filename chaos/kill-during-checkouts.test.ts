import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../apps/server/src/db/client.ts';
import { RECONCILE_QUEUE } from '../apps/server/src/modules/commerce/payments/reconciliation.ts';
import { createJobs } from '../apps/server/src/platform/jobs.ts';
import { type FakeStripe, startFakeStripe, stripeEnv } from '../apps/server/test/fake-stripe.ts';
import { type Academy, PASSWORD, seedAcademy } from './support/academy.ts';
import { createDatabase } from './support/databases.ts';
import { recordFigures } from './support/figures.ts';
import { request, retrying, type Session, signInAll, writeHeaders } from './support/http.ts';
import { AppServer, freePort, sleep } from './support/processes.ts';
import { seededRandom } from './support/random.ts';

/**
 * Issue 7: `kill -9` of the server at random moments during 1,000 checkouts, while Stripe's webhooks
 * arrive duplicated, out of order and 10% never (the reconciliation job has to find those). Buyers retry
 * with the same Idempotency-Key when their connection drops, as the checkout page does; Stripe retries a
 * delivery until it gets a 2xx. Everything is asserted from the database afterwards.
 */
const CHECKOUTS = Number(process.env.CHAOS_CHECKOUTS ?? 1000);
/** The whole run on a shared 2-core machine takes minutes: kills, boots and the minutely reconciliation. */
const TIMEOUT_MS = Number(process.env.CHAOS_TIMEOUT_MS ?? 1_200_000);
const KILLS = Number(process.env.CHAOS_KILLS ?? 10);
const CONCURRENCY = 16;
const rnd = seededRandom();

type Fate = 'pay' | 'decline_then_pay' | 'abandon';
interface Checkout {
  i: number;
  session: Session;
  courseIds: string[];
  fate: Fate;
  dropped: boolean;
  orderNumber?: string;
  sessionId?: string;
}

describe('kill -9 during checkouts', () => {
  let fake: FakeStripe;
  let db: Awaited<ReturnType<typeof createDatabase>>;
  let academy: Academy;
  let server: AppServer;
  const checkouts: Checkout[] = [];
  const stats = { retries: 0, kills: 0, killsWhileBooting: 0, deliveries: 0, duplicates: 0, dropped: 0 };
  const deliveryStats = { retries: 0 };

  beforeAll(async () => {
    fake = await startFakeStripe();
    db = await createDatabase('kill');
    academy = await seedAcademy(db.url, { students: CHECKOUTS, courses: 6 });
    server = new AppServer(await freePort(), {
      DATABASE_URL: db.url,
      ...stripeEnv(fake),
      // Reconciliation asks Stripe about any attempt open for more than 3 s (its job runs every minute).
      PAYMENT_RECONCILE_AFTER_MINUTES: '0.05',
    });
    server.supervise = true;
    await server.start();
    const sessions = await signInAll(
      server.url,
      academy.students.map((s) => s.email),
      PASSWORD,
    );
    for (const [i, session] of sessions.entries()) {
      const first = academy.courses[i % academy.courses.length]?.id as string;
      const second = academy.courses[(i + 1) % academy.courses.length]?.id as string;
      const roll = rnd.next();
      const fate: Fate = roll < 0.1 ? 'abandon' : roll < 0.2 ? 'decline_then_pay' : 'pay';
      checkouts.push({
        i,
        session,
        courseIds: rnd.chance(0.3) ? [first, second] : [first],
        fate,
        dropped: fate !== 'abandon' && rnd.chance(0.1),
      });
    }
  }, TIMEOUT_MS);

  afterAll(async () => {
    await server?.dispose();
    await fake?.close();
    await db?.drop();
  });

  it(
    'loses no order, fulfils each paid order once, enrols only on payment, and the ledger balances',
    async () => {
      const origin = server.url;
      const queue: { payload: string; headers: Record<string, string> }[] = [];
      let placing = true;
      let placedCount = 0;
      const started = Date.now();

      /** The buyer: the cart, then the order (the same key on every retry), then Stripe's page. */
      async function buy(c: Checkout): Promise<void> {
        const trail: string[] = [];
        for (const itemId of c.courseIds) {
          const a = await retrying(
            () =>
              request(`${origin}/api/cart/items`, {
                method: 'POST',
                headers: writeHeaders(c.session, origin),
                body: JSON.stringify({ itemType: 'course', itemId }),
              }),
            { stats, trail },
          );
          if (a.status >= 300) throw new Error(`cart add ${c.i}: ${a.status} ${JSON.stringify(a.body)}`);
          trail.push('added');
        }
        const placed = await retrying(
          () =>
            request(`${origin}/api/checkout/orders`, {
              method: 'POST',
              headers: { ...writeHeaders(c.session, origin), 'idempotency-key': `chaos-checkout-${c.i}` },
              body: JSON.stringify({
                contact: { name: 'Chaos Buyer', email: c.session.email },
                country: 'PK',
                provider: 'stripe',
              }),
            }),
          { stats, trail },
        );
        if (placed.status !== 200 && placed.status !== 201)
          throw new Error(
            `checkout ${c.i}: ${placed.status} ${JSON.stringify(placed.body)}; ${trail.join(', ')}; kills at ${server.kills.join(', ')}`,
          );
        const body = placed.body as { orderNumber: string; redirectUrl: string };
        c.orderNumber = body.orderNumber;
        c.sessionId = body.redirectUrl.split('/').pop() as string;
        placedCount += 1;
        // On Stripe's page: what happened there, and the events Stripe would send about it.
        const events = [];
        if (c.fate === 'decline_then_pay') events.push(fake.decline(c.sessionId));
        if (c.fate !== 'abandon') {
          const paid = fake.complete(c.sessionId);
          if (c.dropped) stats.dropped += 1;
          else events.push(paid);
        }
        for (const e of events) {
          const copies = rnd.chance(0.3) ? rnd.int(2, 3) : 1;
          stats.duplicates += copies - 1;
          // Reordered: each copy lands at a random place in the outgoing queue.
          for (let k = 0; k < copies; k++) queue.splice(rnd.int(0, queue.length), 0, fake.signed(e));
        }
      }

      /** Stripe: deliver the queue in its (shuffled) order, retrying each delivery until a 2xx. */
      async function deliver(): Promise<void> {
        while (placing || queue.length > 0) {
          const w = queue.shift();
          if (!w) {
            await sleep(20);
            continue;
          }
          const a = await retrying(
            () =>
              request(`${origin}/api/webhooks/stripe`, {
                method: 'POST',
                headers: w.headers,
                body: w.payload,
              }),
            { stats: deliveryStats },
          );
          if (a.status !== 200) throw new Error(`webhook: ${a.status} ${JSON.stringify(a.body)}`);
          stats.deliveries += 1;
        }
      }

      /**
       * The fault: kill -9 at KILLS random moments spread over the run (each when the checkouts placed reach
       * a random count, after a random delay; one in five is followed by a second kill while the server is
       * still booting), and the process manager's restart.
       */
      const killAt = Array.from({ length: KILLS }, () =>
        rnd.int(Math.floor(CHECKOUTS * 0.05), Math.floor(CHECKOUTS * 0.95)),
      ).sort((a, b) => a - b);
      async function killer(): Promise<void> {
        for (const point of killAt) {
          while (placedCount < point && placing) await sleep(20);
          if (!placing) break;
          await sleep(rnd.int(0, 400));
          await server.crashAndRestart();
          stats.kills += 1;
          if (rnd.chance(0.2)) {
            await sleep(rnd.int(100, 1500));
            await server.crashAndRestart();
            stats.kills += 1;
            stats.killsWhileBooting += 1;
          }
        }
      }

      let next = 0;
      const buyers = Array.from({ length: CONCURRENCY }, async () => {
        while (next < checkouts.length) await buy(checkouts[next++] as Checkout);
      });
      const stripe = Array.from({ length: 4 }, () => deliver());
      const kills = killer();
      await Promise.all(buyers).finally(() => {
        placing = false;
      });
      await Promise.all([...stripe, kills]);
      const placedMs = Date.now() - started;
      await server.waitReady();

      // The dropped webhooks: only the reconciliation job (every minute) can settle those orders.
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      try {
        const paidNumbers = checkouts.filter((c) => c.fate !== 'abandon').map((c) => c.orderNumber);
        const reconcileStart = Date.now();
        let unsettled = paidNumbers.length;
        // The reconciliation job runs every minute on its schedule; its run is also asked for now and
        // then (as a worker's next run would come), so the test need not wait out the minute. Either
        // settles the dropped payments; neither knows which orders those are.
        let askedAt = 0;
        while (Date.now() - reconcileStart < 150_000) {
          if (Date.now() - askedAt > 10_000) {
            askedAt = Date.now();
            await askReconciliation(db.url);
          }
          const { rows } = await client.query(
            `select count(*)::int as n from orders where number = any($1) and status <> 'fulfilled'`,
            [paidNumbers],
          );
          unsettled = rows[0].n;
          if (unsettled === 0) break;
          await sleep(1000);
        }
        const reconcileMs = Date.now() - reconcileStart;

        // Zero lost orders: one order per checkout (retries with the same key made no second one), each in
        // the state its buyer left it at Stripe.
        const orders = await client.query(
          `select o.id, o.number, o.status, o.total_minor, u.email
           from orders o join users u on u.id = o.user_id where u.email like 'buyer%@chaos.test'`,
        );
        expect(orders.rows.length).toBe(CHECKOUTS);
        const byNumber = new Map(orders.rows.map((r) => [r.number, r]));
        const wrong = checkouts.filter((c) => {
          const o = byNumber.get(c.orderNumber);
          return (
            !o || o.email !== c.session.email || o.status !== (c.fate === 'abandon' ? 'pending' : 'fulfilled')
          );
        });
        expect(wrong.map((c) => `${c.i}:${c.fate}:${byNumber.get(c.orderNumber)?.status}`)).toEqual([]);

        // Zero double fulfilments: one sale movement, one paid transition and one receipt per paid order.
        const doubles = await client.query(
          `select o.number,
                (select count(distinct movement_id) from ledger_entries l where l.order_id = o.id and l.kind = 'sale') as sales,
                (select count(*) from order_events e where e.order_id = o.id and e.type = 'status_changed' and e.to_status = 'paid') as paid,
                (select count(*) from mail_messages m where m."to" = o.contact_email and m.template = 'orderReceipt') as receipts
           from orders o where o.number = any($1)`,
          [paidNumbers],
        );
        const notOnce = doubles.rows.filter(
          (r) => Number(r.sales) !== 1 || Number(r.paid) !== 1 || Number(r.receipts) !== 1,
        );
        expect(notOnce).toEqual([]);
        const abandonedSales = await client.query(
          `select count(*)::int as n from ledger_entries l join orders o on o.id = l.order_id
          where o.number = any($1)`,
          [checkouts.filter((c) => c.fate === 'abandon').map((c) => c.orderNumber)],
        );
        expect(abandonedSales.rows[0].n).toBe(0);

        // Zero enrollments without payment: every purchase enrollment has its order's succeeded payment,
        // and each paid course line has its enrollment.
        const unpaid = await client.query(
          `select e.id from enrollments e
          where e.source = 'purchase'
            and not exists (select 1 from payments p join orders o on o.id = p.order_id
                             where o.id::text = e.source_ref and o.user_id = e.user_id and p.status = 'succeeded')`,
        );
        expect(unpaid.rows).toEqual([]);
        const enrolled = await client.query(
          `select count(*)::int as n from enrollments e join users u on u.id = e.user_id
          where u.email like 'buyer%@chaos.test' and e.source = 'purchase'`,
        );
        const expectedEnrollments = checkouts
          .filter((c) => c.fate !== 'abandon')
          .reduce((a, c) => a + c.courseIds.length, 0);
        expect(enrolled.rows[0].n).toBe(expectedEnrollments);

        // The ledger balances, and the cash it holds is what Stripe took.
        const sums = await client.query(
          `select currency, sum(amount_minor)::bigint as sum from ledger_entries group by currency`,
        );
        for (const r of sums.rows) expect(Number(r.sum)).toBe(0);
        const cash = await client.query(
          `select coalesce(sum(amount_minor), 0)::bigint as sum from ledger_entries where account = 'cash:stripe'`,
        );
        const taken = [...fake.sessions.values()]
          .filter((s) => s.payment_status === 'paid')
          .reduce((a, s) => a + s.amount_total, 0);
        expect(Number(cash.rows[0].sum)).toBe(taken);

        recordFigures('kill-during-checkouts', {
          seed: rnd.seed,
          checkouts: CHECKOUTS,
          paid: paidNumbers.length,
          abandoned: CHECKOUTS - paidNumbers.length,
          kills: stats.kills,
          killsWhileBooting: stats.killsWhileBooting,
          serverStarts: server.starts,
          bootFailuresRestarted: server.unexpectedExits,
          buyerRetries: stats.retries,
          webhookDeliveries: stats.deliveries,
          duplicateDeliveries: stats.duplicates,
          webhooksDropped: stats.dropped,
          webhookRetries: deliveryStats.retries,
          placedSeconds: Math.round(placedMs / 1000),
          reconciledSeconds: Math.round(reconcileMs / 1000),
          unsettledAfter: unsettled,
          lostOrders: CHECKOUTS - orders.rows.length,
          doubleFulfilments: notOnce.length,
          enrollmentsWithoutPayment: unpaid.rows.length,
          cashMinor: Number(cash.rows[0].sum),
        });
      } finally {
        await client.end();
      }
    },
    TIMEOUT_MS,
  );
});

/** Queue one run of the payments' reconciliation, as a worker's schedule would (`RECONCILE_QUEUE`). */
async function askReconciliation(url: string): Promise<void> {
  const database = await openDatabase({ kind: 'postgres', url, poolMax: 1 });
  const jobs = createJobs(database.raw, { enabled: false, onError: () => undefined });
  try {
    await jobs.start();
    await jobs.send(RECONCILE_QUEUE, {}, { retryLimit: 0 });
  } finally {
    await jobs.stop();
    await database.close();
  }
}
