import type { DashboardBucket } from '@9tangle/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import {
  courses,
  enrollments,
  ledgerEntries as le,
  manualPaymentProofs,
  paymentProviderEnum,
  payments,
  users,
} from '../../../db/schema/index.ts';

/**
 * The dashboard's reads. Days are calendar days of the academy (`tz`); each bound is turned into an
 * instant in SQL (`day::timestamp at time zone tz`), so a range and its buckets follow the academy's
 * midnight, daylight saving included. Every filter is on an indexed column: users by (role, created_at),
 * ledger cash entries by (account, user_id, created_at), payments and proofs by (status, created_at).
 */
export interface Span {
  /** First day, included. */
  from: string;
  /** Last day, included. */
  to: string;
}

// The cash accounts, one per provider (`cash:<provider>`): named in full so the account index is used.
const CASH_ACCOUNTS = paymentProviderEnum.enumValues.map((p) => `cash:${p}`);
const cashList = sql.join(
  CASH_ACCOUNTS.map((a) => sql`${a}`),
  sql`, `,
);
const isCash = sql`${le.account} in (${cashList}) and ${le.userId} is null`;
const MONEY_KINDS = sql`${le.kind} in ('sale', 'refund', 'dispute')`;
const ROLES = sql`${users.role} in ('student', 'instructor', 'admin')`;

const n = (v: unknown) => Number(v ?? 0);

export function dashboardRepo(tz: string) {
  const start = (day: string) => sql`((${day}::date)::timestamp at time zone ${tz})`;
  const end = (day: string) => sql`((${day}::date + 1)::timestamp at time zone ${tz})`;
  const within = (col: SQL | unknown, s: Span) => sql`${col} >= ${start(s.from)} and ${col} < ${end(s.to)}`;
  /** Counts of one table in the range and in the previous span, in one indexed scan of both. */
  async function twoCounts(x: Executor, table: SQL, col: SQL, extra: SQL, cur: Span, prev: Span) {
    const r = await x.execute<{ cur: string; prev: string }>(sql`
      select count(*) filter (where ${within(col, cur)}) as cur,
             count(*) filter (where ${within(col, prev)}) as prev
      from ${table} where ${extra} and ${col} >= ${start(prev.from)} and ${col} < ${end(cur.to)}`);
    return { value: n(r.rows[0]?.cur), previous: n(r.rows[0]?.prev) };
  }
  /** The buckets of the range as local timestamps, zero-filled by the caller's left join. */
  const buckets = (unit: DashboardBucket, s: Span) => sql`
    select g::date as start from generate_series(
      date_trunc(${unit}, (${s.from}::date)::timestamp),
      date_trunc(${unit}, (${s.to}::date)::timestamp),
      (${`1 ${unit}`})::interval) as g`;
  const bucketOf = (unit: DashboardBucket, col: SQL) =>
    sql`date_trunc(${unit}, ${col} at time zone ${tz})::date`;

  /** One count per bucket of `col` in the range (zero where none). */
  async function countSeries(x: Executor, unit: DashboardBucket, s: Span, table: SQL, col: SQL, extra: SQL) {
    const r = await x.execute<{ start: string; n: string }>(sql`
      with b as (${buckets(unit, s)}),
      c as (select ${bucketOf(unit, col)} as k, count(*) as n from ${table}
            where ${extra} and ${within(col, s)} group by 1)
      select to_char(b.start, 'YYYY-MM-DD') as start, coalesce(c.n, 0) as n
      from b left join c on c.k = b.start order by b.start`);
    return r.rows.map((row) => ({ start: row.start, n: n(row.n) }));
  }

  return {
    async usersByRole(x: Executor) {
      const r = await x.execute<{ role: string; n: string; suspended: string }>(sql`
        select ${users.role} as role, count(*) as n,
               count(*) filter (where ${users.suspendedAt} is not null) as suspended
        from ${users} where ${users.anonymisedAt} is null group by 1`);
      return r.rows.map((row) => ({ role: row.role, n: n(row.n), suspended: n(row.suspended) }));
    },
    async coursesByStatus(x: Executor) {
      const r = await x.execute<{ status: string; n: string; featured: string }>(sql`
        select ${courses.status} as status, count(*) as n,
               count(*) filter (where ${courses.featuredAt} is not null) as featured
        from ${courses} group by 1`);
      return r.rows.map((row) => ({ status: row.status, n: n(row.n), featured: n(row.featured) }));
    },
    async activeEnrollments(x: Executor) {
      const r = await x.execute<{ n: string }>(
        sql`select count(*) as n from ${enrollments} where ${enrollments.status} = 'active'`,
      );
      return n(r.rows[0]?.n);
    },
    async pendingProofs(x: Executor) {
      const r = await x.execute<{ n: string; oldest: Date | string | null }>(sql`
        select count(*) as n, min(${manualPaymentProofs.createdAt}) as oldest
        from ${manualPaymentProofs} where ${manualPaymentProofs.status} = 'pending'`);
      const oldest = r.rows[0]?.oldest;
      return { count: n(r.rows[0]?.n), oldestAt: oldest ? new Date(oldest).toISOString() : null };
    },

    newUsers: (x: Executor, cur: Span, prev: Span) =>
      twoCounts(x, sql`${users}`, sql`${users.createdAt}`, ROLES, cur, prev),
    newEnrollments: (x: Executor, cur: Span, prev: Span) =>
      twoCounts(x, sql`${enrollments}`, sql`${enrollments.grantedAt}`, sql`true`, cur, prev),
    failedPayments: (x: Executor, cur: Span, prev: Span) =>
      twoCounts(
        x,
        sql`${payments}`,
        sql`${payments.createdAt}`,
        sql`${payments.status} = 'failed'`,
        cur,
        prev,
      ),
    /** Orders whose sale was posted (paid) in each span: one cash entry per sale. */
    async ordersPaid(x: Executor, cur: Span, prev: Span) {
      const r = await x.execute<{ cur: string; prev: string }>(sql`
        select count(distinct ${le.orderId}) filter (where ${within(le.createdAt, cur)}) as cur,
               count(distinct ${le.orderId}) filter (where ${within(le.createdAt, prev)}) as prev
        from ${le} where ${isCash} and ${le.kind} = 'sale'
          and ${le.createdAt} >= ${start(prev.from)} and ${le.createdAt} < ${end(cur.to)}`);
      return { value: n(r.rows[0]?.cur), previous: n(r.rows[0]?.prev) };
    },
    /** Per currency: received (sales), given back (refunds, disputes) in the range; net of the previous span. */
    async revenue(x: Executor, cur: Span, prev: Span) {
      const r = await x.execute<{ currency: string; gross: string; net: string; prev_net: string }>(sql`
        select ${le.currency} as currency,
          coalesce(sum(${le.amountMinor}) filter (where ${within(le.createdAt, cur)} and ${le.kind} = 'sale'), 0) as gross,
          coalesce(sum(${le.amountMinor}) filter (where ${within(le.createdAt, cur)}), 0) as net,
          coalesce(sum(${le.amountMinor}) filter (where ${within(le.createdAt, prev)}), 0) as prev_net
        from ${le} where ${isCash} and ${MONEY_KINDS}
          and ${le.createdAt} >= ${start(prev.from)} and ${le.createdAt} < ${end(cur.to)}
        group by 1 order by 1`);
      return r.rows.map((row) => ({
        currency: row.currency,
        grossMinor: n(row.gross),
        netMinor: n(row.net),
        previousNetMinor: n(row.prev_net),
      }));
    },

    signUpSeries: (x: Executor, unit: DashboardBucket, s: Span) =>
      countSeries(x, unit, s, sql`${users}`, sql`${users.createdAt}`, ROLES),
    enrollmentSeries: (x: Executor, unit: DashboardBucket, s: Span) =>
      countSeries(x, unit, s, sql`${enrollments}`, sql`${enrollments.grantedAt}`, sql`true`),
    orderSeries: async (x: Executor, unit: DashboardBucket, s: Span) => {
      const r = await x.execute<{ start: string; n: string }>(sql`
        with b as (${buckets(unit, s)}),
        c as (select ${bucketOf(unit, sql`${le.createdAt}`)} as k, count(distinct ${le.orderId}) as n
              from ${le} where ${isCash} and ${le.kind} = 'sale' and ${within(le.createdAt, s)} group by 1)
        select to_char(b.start, 'YYYY-MM-DD') as start, coalesce(c.n, 0) as n
        from b left join c on c.k = b.start order by b.start`);
      return r.rows.map((row) => ({ start: row.start, n: n(row.n) }));
    },
    /** Net revenue per bucket and currency, every currency of the range in every bucket. */
    revenueSeries: async (x: Executor, unit: DashboardBucket, s: Span) => {
      const r = await x.execute<{ start: string; currency: string; n: string }>(sql`
        with b as (${buckets(unit, s)}),
        m as (select ${bucketOf(unit, sql`${le.createdAt}`)} as k, ${le.currency} as currency,
                     sum(${le.amountMinor}) as n
              from ${le} where ${isCash} and ${MONEY_KINDS} and ${within(le.createdAt, s)} group by 1, 2),
        c as (select distinct currency from m)
        select to_char(b.start, 'YYYY-MM-DD') as start, c.currency, coalesce(m.n, 0) as n
        from b cross join c left join m on m.k = b.start and m.currency = c.currency
        order by b.start, c.currency`);
      return r.rows.map((row) => ({ start: row.start, currency: row.currency, n: n(row.n) }));
    },
  };
}
export type DashboardRepo = ReturnType<typeof dashboardRepo>;
