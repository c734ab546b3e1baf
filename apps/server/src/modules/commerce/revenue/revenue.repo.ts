import { and, asc, desc, eq, isNotNull, not, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { ledgerEntries as le, orderItems, users } from '../../../db/schema/index.ts';

const num = (s: SQL) => sql<string>`coalesce(${s}, 0)`;
/** Sale credits are negative: a share is minus their sum; a reversal (refund, lost dispute) is positive. */
const saleShare = num(sql`sum(case when ${le.kind} = 'sale' then -${le.amountMinor} end)`);
const reversed = num(sql`sum(case when ${le.kind} in ('refund', 'dispute') then ${le.amountMinor} end)`);
const isCash = sql`${le.account} like 'cash:%'`;

/** Reads of the ledger by month in the academy's time zone, instructor and course. */
export function revenueRepo(timeZone: string) {
  const month = sql<string>`to_char(${le.createdAt} at time zone ${timeZone}, 'YYYY-MM')`;
  const inMonths = (from: string, to: string) => and(sql`${month} >= ${from}`, sql`${month} <= ${to}`);
  return {
    /** An instructor's `payable:instructor` entries per month and currency. */
    earnings: (x: Executor, userId: string, from: string, to: string) =>
      x
        .select({
          month,
          currency: le.currency,
          shareMinor: saleShare,
          refundedMinor: reversed,
          grossMinor: num(
            sql`sum(case when ${le.kind} = 'sale' then ${orderItems.totalMinor} - ${orderItems.taxMinor} end)`,
          ),
          sales: sql<number>`count(distinct case when ${le.kind} = 'sale' then ${le.orderItemId} end)::int`,
        })
        .from(le)
        .leftJoin(orderItems, eq(orderItems.id, le.orderItemId))
        .where(and(eq(le.account, 'payable:instructor'), eq(le.userId, userId), inMonths(from, to)))
        .groupBy(sql`1`, sql`2`)
        .orderBy(desc(sql`1`), asc(sql`2`)),

    perInstructor: (x: Executor, m: string) =>
      x
        .select({
          userId: le.userId,
          name: sql<string>`coalesce(min(${users.name}), '')`,
          email: sql<string>`coalesce(min(${users.email}), '')`,
          currency: le.currency,
          shareMinor: saleShare,
          refundedMinor: reversed,
        })
        .from(le)
        .leftJoin(users, eq(users.id, le.userId))
        .where(and(eq(le.account, 'payable:instructor'), inMonths(m, m)))
        .groupBy(le.userId, le.currency)
        .orderBy(asc(sql`2`)),

    /**
     * Per course, the sales of the month: its lines of the orders whose sale was posted then (one cash
     * entry per sale), their amount before tax, and the instructors' share posted for them.
     */
    courseSales: (x: Executor, m: string) =>
      x
        .select({
          courseId: orderItems.courseId,
          title: sql<string>`min(${orderItems.title})`,
          currency: le.currency,
          sales: sql<number>`count(*)::int`,
          grossMinor: num(sql`sum(${orderItems.totalMinor} - ${orderItems.taxMinor})`),
          instructorShareMinor: num(
            sql`sum((select -coalesce(sum(p.amount_minor), 0) from ${le} p where p.order_item_id = ${orderItems.id} and p.kind = 'sale' and p.account = 'payable:instructor'))`,
          ),
        })
        .from(le)
        .innerJoin(orderItems, eq(orderItems.orderId, le.orderId))
        .where(and(eq(le.kind, 'sale'), isCash, isNotNull(orderItems.courseId), inMonths(m, m)))
        .groupBy(orderItems.courseId, le.currency)
        .orderBy(asc(sql`2`)),

    /** Per course, what refunds and lost disputes of the month gave back (their entries tagged with its lines). */
    courseReversals: (x: Executor, m: string) =>
      x
        .select({ courseId: orderItems.courseId, currency: le.currency, refundedMinor: reversed })
        .from(le)
        .innerJoin(orderItems, eq(orderItems.id, le.orderItemId))
        .where(and(isNotNull(orderItems.courseId), not(isCash), inMonths(m, m)))
        .groupBy(orderItems.courseId, le.currency),

    academy: (x: Executor, m: string) =>
      x
        .select({ currency: le.currency, shareMinor: saleShare, refundedMinor: reversed })
        .from(le)
        .where(and(eq(le.account, 'revenue:academy'), inMonths(m, m)))
        .groupBy(le.currency)
        .orderBy(asc(le.currency)),

    currencySums: (x: Executor) =>
      x
        .select({ currency: le.currency, sumMinor: sql<string>`sum(${le.amountMinor})` })
        .from(le)
        .groupBy(le.currency)
        .orderBy(asc(le.currency)),
    accountSums: (x: Executor) =>
      x
        .select({
          account: le.account,
          currency: le.currency,
          balanceMinor: sql<string>`sum(${le.amountMinor})`,
        })
        .from(le)
        .groupBy(le.account, le.currency)
        .orderBy(asc(le.account), asc(le.currency)),
  };
}
