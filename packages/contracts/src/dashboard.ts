import { z } from 'zod';

/**
 * The admin dashboard (`GET /api/admin/dashboard`): headline figures for a date range with the same
 * figures of the period just before it, and series bucketed by day, week or month in the academy's
 * time zone. Money is integer minor units per currency; revenue is what the ledger's cash accounts
 * received (sales) less what they gave back (refunds, lost disputes), as `/api/admin/revenue` reads it.
 */
/** Ranges ending today: the last 7, 30 or 90 days, or the last 12 calendar months (this one included). */
export const DashboardPresets = ['7d', '30d', '90d', '12m'] as const;
export const DashboardPreset = z.enum(DashboardPresets);
export type DashboardPreset = z.infer<typeof DashboardPreset>;

export const DashboardQuery = z.object({
  /** A range ending today in the academy's time zone; `from`/`to`, when given, win. */
  preset: DashboardPreset.optional(),
  /** First day of the range (`YYYY-MM-DD`, the academy's calendar); default 29 days before `to`. */
  from: z.iso.date().optional(),
  /** Last day of the range, included (`YYYY-MM-DD`); default today. */
  to: z.iso.date().optional(),
});
export type DashboardQuery = z.infer<typeof DashboardQuery>;

export const DashboardBucket = z.enum(['day', 'week', 'month']);
export type DashboardBucket = z.infer<typeof DashboardBucket>;

/** A figure of the range beside the same figure of the previous period of the same length. */
export const DashboardDelta = z.object({
  value: z.number(),
  previous: z.number(),
  /** Percent change from `previous` (rounded to one decimal); null when `previous` is 0. */
  changePercent: z.number().nullable(),
});
export type DashboardDelta = z.infer<typeof DashboardDelta>;

export const DashboardRevenue = z.object({
  currency: z.string(),
  /** Received in the range, before refunds. */
  grossMinor: z.number(),
  /** Given back in the range (refunds and lost disputes, whenever the sale was). */
  refundedMinor: z.number(),
  /** `grossMinor − refundedMinor`, with the previous period's net beside it. */
  net: DashboardDelta,
});
export type DashboardRevenue = z.infer<typeof DashboardRevenue>;

export const DashboardPoint = z.object({
  /** The bucket's first day (`YYYY-MM-DD`); a week starts on Monday. */
  start: z.string(),
  signUps: z.number(),
  enrollments: z.number(),
  /** Orders paid (their sale posted) in the bucket. */
  orders: z.number(),
  /** Net revenue per currency in the bucket (every currency of the range, zero when none). */
  revenueMinor: z.record(z.string(), z.number()),
});
export type DashboardPoint = z.infer<typeof DashboardPoint>;

export const AdminDashboard = z.object({
  range: z.object({
    from: z.string(),
    to: z.string(),
    /** The period compared with: the same number of days just before `from`. */
    previousFrom: z.string(),
    previousTo: z.string(),
    days: z.number(),
    bucket: DashboardBucket,
    timeZone: z.string(),
  }),
  /** Now, whatever the range. */
  users: z.object({
    total: z.number(),
    byRole: z.object({ student: z.number(), instructor: z.number(), admin: z.number() }),
    suspended: z.number(),
  }),
  courses: z.object({
    total: z.number(),
    byStatus: z.object({
      draft: z.number(),
      in_review: z.number(),
      published: z.number(),
      archived: z.number(),
    }),
    featured: z.number(),
  }),
  /** Active enrollments now. */
  enrollmentsTotal: z.number(),
  /** Manual payment proofs waiting for review now, and since when the oldest has waited. */
  pendingManualPayments: z.object({ count: z.number(), oldestAt: z.string().nullable() }),
  /** In the range, beside the previous period. */
  newUsers: DashboardDelta,
  newEnrollments: DashboardDelta,
  ordersPaid: DashboardDelta,
  failedPayments: DashboardDelta,
  revenue: z.array(DashboardRevenue),
  series: z.object({ currencies: z.array(z.string()), points: z.array(DashboardPoint) }),
});
export type AdminDashboard = z.infer<typeof AdminDashboard>;
