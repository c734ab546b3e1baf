import type { AdminDashboard, DashboardPoint, DashboardQuery } from '@9tangle/contracts';
import type { Database } from '../../../db/client.ts';
import { badRequest } from '../../../http/errors.ts';
import { type Clock, calendarDay } from '../../../platform/clock.ts';
import { delta, MAX_RANGE_DAYS, resolveRange } from './dashboard.policy.ts';
import { dashboardRepo } from './dashboard.repo.ts';

/**
 * The admin dashboard's figures: totals now, the range's figures beside the previous period's, and
 * zero-filled series in the academy's time zone. Read-only; every figure is one indexed query.
 */
export function createDashboardService(d: {
  database: Database;
  clock: Clock;
  siteTimeZone: string;
  /** Reuse the figures of a range this long (0: count every time); see DASHBOARD_CACHE_SECONDS. */
  cacheMs?: number;
}) {
  const db = d.database.db;
  const tz = d.siteTimeZone;
  const repo = dashboardRepo(tz);
  // The figures count whole tables: at scale that is tens of milliseconds of database time per read, for
  // numbers that move slowly. One computation per range at a time (concurrent readers share it), reused
  // for `cacheMs` by this instance.
  const recent = new Map<string, { at: number; figures: Promise<AdminDashboard> }>();

  const service = {
    /**
     * The dashboard for `q` (default: the 30 days ending today). 400 `invalid_date_range` when `from`
     * is not before `to` or the range is longer than two years.
     */
    get(q: DashboardQuery): Promise<AdminDashboard> {
      const cacheMs = d.cacheMs ?? 0;
      if (cacheMs === 0) return service.compute(q);
      const now = d.clock.now().getTime();
      const key = JSON.stringify([q, calendarDay(d.clock.now(), tz)]);
      const hit = recent.get(key);
      if (hit && now - hit.at < cacheMs) return hit.figures;
      for (const [k, v] of recent) if (now - v.at >= cacheMs) recent.delete(k);
      const figures = service.compute(q);
      recent.set(key, { at: now, figures });
      figures.catch(() => recent.delete(key)); // a failure is not kept
      return figures;
    },

    async compute(q: DashboardQuery): Promise<AdminDashboard> {
      const range = resolveRange(q, calendarDay(d.clock.now(), tz));
      if ('problem' in range)
        throw range.problem === 'too_long'
          ? badRequest('invalid_date_range', `A range may span at most ${MAX_RANGE_DAYS} days`)
          : badRequest('invalid_date_range', 'The start of the range must be before its end');
      const cur = { from: range.from, to: range.to };
      const prev = { from: range.previousFrom, to: range.previousTo };
      const unit = range.bucket;
      // Sequential on purpose: PGlite has one connection, and a pool gains little for ten small reads.
      const roles = await repo.usersByRole(db);
      const statuses = await repo.coursesByStatus(db);
      const enrollmentsTotal = await repo.activeEnrollments(db);
      const pendingManualPayments = await repo.pendingProofs(db);
      const newUsers = await repo.newUsers(db, cur, prev);
      const newEnrollments = await repo.newEnrollments(db, cur, prev);
      const ordersPaid = await repo.ordersPaid(db, cur, prev);
      const failedPayments = await repo.failedPayments(db, cur, prev);
      const revenue = await repo.revenue(db, cur, prev);
      const signUps = await repo.signUpSeries(db, unit, cur);
      const enrolled = await repo.enrollmentSeries(db, unit, cur);
      const orders = await repo.orderSeries(db, unit, cur);
      const money = await repo.revenueSeries(db, unit, cur);

      const currencies = [...new Set(money.map((m) => m.currency))].sort();
      const points: DashboardPoint[] = signUps.map((s, i) => ({
        start: s.start,
        signUps: s.n,
        enrollments: enrolled[i]?.n ?? 0,
        orders: orders[i]?.n ?? 0,
        revenueMinor: Object.fromEntries(currencies.map((c) => [c, 0])),
      }));
      const byStart = new Map(points.map((p) => [p.start, p]));
      for (const m of money) {
        const point = byStart.get(m.start);
        if (point) point.revenueMinor[m.currency] = m.n;
      }
      const role = (r: string) => roles.find((x) => x.role === r)?.n ?? 0;
      const status = (s: string) => statuses.find((x) => x.status === s)?.n ?? 0;
      return {
        range: { ...range, timeZone: tz },
        users: {
          total: roles.reduce((a, r) => a + r.n, 0),
          byRole: { student: role('student'), instructor: role('instructor'), admin: role('admin') },
          suspended: roles.reduce((a, r) => a + r.suspended, 0),
        },
        courses: {
          total: statuses.reduce((a, s) => a + s.n, 0),
          byStatus: {
            draft: status('draft'),
            in_review: status('in_review'),
            published: status('published'),
            archived: status('archived'),
          },
          featured: statuses.find((x) => x.status === 'published')?.featured ?? 0,
        },
        enrollmentsTotal,
        pendingManualPayments,
        newUsers: delta(newUsers.value, newUsers.previous),
        newEnrollments: delta(newEnrollments.value, newEnrollments.previous),
        ordersPaid: delta(ordersPaid.value, ordersPaid.previous),
        failedPayments: delta(failedPayments.value, failedPayments.previous),
        revenue: revenue.map((r) => ({
          currency: r.currency,
          grossMinor: r.grossMinor,
          refundedMinor: r.grossMinor - r.netMinor,
          net: delta(r.netMinor, r.previousNetMinor),
        })),
        series: { currencies, points },
      };
    },
  };
  return service;
}
export type DashboardService = ReturnType<typeof createDashboardService>;
