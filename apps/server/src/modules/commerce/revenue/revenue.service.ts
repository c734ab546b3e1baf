import type { Earnings, EarningsQuery, LedgerBalance, RevenueReport } from '@9tangle/contracts';
import { type CsvCell, toCsv } from '../../learning/quizzes/csv.ts';
import type { CommerceDeps } from '../commerce.deps.ts';
import { revenueRepo } from './revenue.repo.ts';

const n = (v: string | number | null) => Number(v ?? 0);
/** The month `d` falls in, in a time zone, as YYYY-MM. */
function monthOf(d: Date, timeZone: string): string {
  const p = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' }).formatToParts(
    d,
  );
  return `${p.find((x) => x.type === 'year')?.value}-${p.find((x) => x.type === 'month')?.value}`;
}
function addMonths(m: string, k: number): string {
  const [y, mo] = m.split('-').map(Number) as [number, number];
  const t = y * 12 + (mo - 1) + k;
  return `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`;
}

/**
 * Money per instructor, course and month, read from the ledger only (ADR 026): what a report shows is
 * what was posted, so it always agrees with the balance. Months are the academy's (`SITE_TIME_ZONE`).
 */
export function createRevenueService(d: Pick<CommerceDeps, 'database' | 'clock' | 'config'>) {
  const db = d.database.db;
  const tz = d.config.siteTimeZone;
  const repo = revenueRepo(tz);
  const sharePercent = d.config.commerce.revenueSharePercent;

  async function report(month: string): Promise<RevenueReport> {
    const [instructors, sales, reversals, academy] = await Promise.all([
      repo.perInstructor(db, month),
      repo.courseSales(db, month),
      repo.courseReversals(db, month),
      repo.academy(db, month),
    ]);
    const key = (r: { courseId: string | null; currency: string }) => `${r.courseId}/${r.currency}`;
    const back = new Map(reversals.map((r) => [key(r), n(r.refundedMinor)]));
    const courses = sales.map((r) => ({ ...r, refundedMinor: back.get(key(r)) ?? 0 }));
    return {
      month,
      sharePercent,
      instructors: instructors.map((r) => ({
        ...r,
        shareMinor: n(r.shareMinor),
        refundedMinor: n(r.refundedMinor),
        netMinor: n(r.shareMinor) - n(r.refundedMinor),
      })),
      courses: courses.map((r) => ({
        ...r,
        sales: n(r.sales),
        grossMinor: n(r.grossMinor),
        instructorShareMinor: n(r.instructorShareMinor),
        // The academy keeps what the lines brought in before tax, less the instructors' share.
        academyShareMinor: n(r.grossMinor) - n(r.instructorShareMinor),
        refundedMinor: r.refundedMinor,
      })),
      academy: academy.map((r) => ({
        currency: r.currency,
        shareMinor: n(r.shareMinor),
        refundedMinor: n(r.refundedMinor),
      })),
    };
  }

  return {
    /** The signed-in instructor's own sales per month (12 months to this one unless told). */
    async earnings(userId: string, q: EarningsQuery): Promise<Earnings> {
      const to = q.to ?? monthOf(d.clock.now(), tz);
      const from = q.from ?? addMonths(to, -11);
      const rows = await repo.earnings(db, userId, from, to);
      const months = rows.map((r) => {
        const shareMinor = n(r.shareMinor);
        const refundedMinor = n(r.refundedMinor);
        return {
          month: r.month,
          currency: r.currency,
          grossMinor: n(r.grossMinor),
          shareMinor,
          refundedMinor,
          netMinor: shareMinor - refundedMinor,
          sales: n(r.sales),
        };
      });
      const totals = new Map<string, Omit<Earnings['months'][number], 'month'>>();
      for (const { month: _m, ...m } of months) {
        const t = totals.get(m.currency) ?? {
          currency: m.currency,
          grossMinor: 0,
          shareMinor: 0,
          refundedMinor: 0,
          netMinor: 0,
          sales: 0,
        };
        totals.set(m.currency, {
          currency: m.currency,
          grossMinor: t.grossMinor + m.grossMinor,
          shareMinor: t.shareMinor + m.shareMinor,
          refundedMinor: t.refundedMinor + m.refundedMinor,
          netMinor: t.netMinor + m.netMinor,
          sales: t.sales + m.sales,
        });
      }
      return { sharePercent, months, totals: [...totals.values()] };
    },

    report,

    /** The month's report per course as a spreadsheet (RFC 4180, BOM, formula-safe cells). */
    async reportCsv(month: string): Promise<{ filename: string; body: string }> {
      const r = await report(month);
      const rows: CsvCell[][] = [
        [
          'Kind',
          'Name',
          'Email',
          'Currency',
          'Sales',
          'Gross (minor units)',
          'Instructor share',
          'Academy share',
          'Refunded',
        ],
        ...r.courses.map((c) => [
          'course',
          c.title,
          '',
          c.currency,
          c.sales,
          c.grossMinor,
          c.instructorShareMinor,
          c.academyShareMinor,
          c.refundedMinor,
        ]),
        ...r.instructors.map((i) => [
          'instructor',
          i.name,
          i.email,
          i.currency,
          '',
          '',
          i.shareMinor,
          '',
          i.refundedMinor,
        ]),
      ];
      return { filename: `revenue-${month}.csv`, body: toCsv(rows) };
    },

    /** Whether the ledger balances (every currency sums to zero) and each account's balance. */
    async balance(): Promise<LedgerBalance> {
      const [currencies, accounts] = await Promise.all([repo.currencySums(db), repo.accountSums(db)]);
      const c = currencies.map((r) => ({ currency: r.currency, sumMinor: n(r.sumMinor) }));
      return {
        balanced: c.every((r) => r.sumMinor === 0),
        currencies: c,
        accounts: accounts.map((a) => ({ ...a, balanceMinor: n(a.balanceMinor) })),
      };
    },
  };
}
export type RevenueService = ReturnType<typeof createRevenueService>;
