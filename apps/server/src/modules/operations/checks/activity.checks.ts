import type { Check, CheckResult } from './check.types.ts';
import { checksRepo } from './checks.repo.ts';
import {
  AUTH_FAILURES_CRIT_CEILING,
  AUTH_SPIKE_CRIT_FACTOR,
  AUTH_SPIKE_CRIT_FLOOR,
  AUTH_SPIKE_WARN_FACTOR,
  AUTH_SPIKE_WARN_FLOOR,
  BACKUP_CRIT_HOURS,
  BACKUP_WARN_HOURS,
  DRILL_WARN_DAYS,
  MAIL_FAILED_CRIT,
  MAIL_FAILED_WARN,
  MAIL_QUEUED_CRIT_MINUTES,
  MAIL_QUEUED_WARN_MINUTES,
  PAYMENTS_FAILED_CRIT,
  PAYMENTS_FAILED_WARN,
  PROOF_PENDING_CRIT_HOURS,
  PROOF_PENDING_WARN_HOURS,
  REFUND_PENDING_CRIT_HOURS,
  REFUND_PENDING_WARN_HOURS,
  REFUNDS_FAILED_WINDOW_DAYS,
} from './thresholds.ts';

/** The checks that read what the academy did: sign-ins, mail, backups, payments. */

const hoursBetween = (a: Date, b: Date) => Math.round(((b.getTime() - a.getTime()) / 3_600_000) * 10) / 10;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export const authFailuresCheck: Check = {
  id: 'auth_failures',
  title: 'Failed authentication attempts',
  schedule: 'daily',
  async run(ctx) {
    const c = await checksRepo.authFailures(ctx.database.db, ctx.now);
    const average = Math.round((c.previous24h / 24) * 10) / 10;
    const details = {
      lastHour: c.lastHour,
      signInFailures: c.failures,
      throttled: c.throttled,
      twoFactorFailures: c.twoFactor,
      previousHourlyAverage: average,
      topIps: c.topIps,
      thresholds: {
        warn: `≥ ${AUTH_SPIKE_WARN_FLOOR} and > ${AUTH_SPIKE_WARN_FACTOR}× the average`,
        crit: `≥ ${AUTH_SPIKE_CRIT_FLOOR} and > ${AUTH_SPIKE_CRIT_FACTOR}× the average, or ≥ ${AUTH_FAILURES_CRIT_CEILING}`,
      },
    };
    const message = `${plural(c.lastHour, 'failed or throttled attempt')} in the last hour (hourly average before: ${average})`;
    const over = (floor: number, factor: number) => c.lastHour >= floor && c.lastHour > factor * average;
    if (c.lastHour >= AUTH_FAILURES_CRIT_CEILING || over(AUTH_SPIKE_CRIT_FLOOR, AUTH_SPIKE_CRIT_FACTOR))
      return { state: 'crit', message: `Spike: ${message}`, details };
    if (over(AUTH_SPIKE_WARN_FLOOR, AUTH_SPIKE_WARN_FACTOR))
      return { state: 'warn', message: `Unusual: ${message}`, details };
    return { state: 'ok', message, details };
  },
};

export const mailCheck: Check = {
  id: 'mail',
  title: 'Mail delivery',
  schedule: 'daily',
  async run(ctx) {
    const m = await checksRepo.mailTrouble(ctx.database.db, ctx.now, MAIL_QUEUED_WARN_MINUTES);
    const queuedMinutes = m.oldestQueuedAt
      ? Math.round((ctx.now.getTime() - m.oldestQueuedAt.getTime()) / 60_000)
      : 0;
    const details = {
      failedLast24h: m.failed24h,
      queuedOver15Minutes: m.queuedLong,
      oldestQueuedMinutes: m.oldestQueuedAt ? queuedMinutes : null,
      lastError: m.lastError,
    };
    const parts = [
      `${plural(m.failed24h, 'mail')} failed in the last 24 h`,
      `${m.queuedLong} queued for over ${MAIL_QUEUED_WARN_MINUTES} minutes`,
    ];
    const message = parts.join('; ');
    if (m.failed24h >= MAIL_FAILED_CRIT || (m.queuedLong > 0 && queuedMinutes >= MAIL_QUEUED_CRIT_MINUTES))
      return { state: 'crit', message, details };
    if (m.failed24h >= MAIL_FAILED_WARN || m.queuedLong > 0) return { state: 'warn', message, details };
    return { state: 'ok', message: 'No failed or stuck mail', details };
  },
};

export const backupCheck: Check = {
  id: 'backup',
  title: 'Last backup',
  schedule: 'daily',
  async run(ctx) {
    const ok = await checksRepo.latestRun(ctx.database.db, 'backup', ctx.now, 'succeeded');
    const last = await checksRepo.latestRun(ctx.database.db, 'backup', ctx.now);
    const failedSince =
      last && last.status === 'failed' && (!ok || (last.finishedAt ?? 0) > (ok.finishedAt ?? 0));
    const failure = failedSince ? { at: last.finishedAt?.toISOString() ?? null, error: last.error } : null;
    if (!ok?.finishedAt)
      return {
        state: 'crit',
        message: failure
          ? `No successful backup yet; the last attempt failed: ${failure.error ?? 'unknown error'}`
          : 'No backup has been made yet',
        details: { lastFailure: failure },
      };
    const age = hoursBetween(ok.finishedAt, ctx.now);
    const result = ok.result ?? {};
    const details = {
      finishedAt: ok.finishedAt.toISOString(),
      ageHours: age,
      archive: result.archive ?? null,
      sizeBytes: result.sizeBytes ?? null,
      durationMs: ok.durationMs,
      lastFailure: failure,
      warnAfterHours: BACKUP_WARN_HOURS,
      critAfterHours: BACKUP_CRIT_HOURS,
    };
    const message = `Last backup ${age} h ago${failure ? `; a later attempt failed: ${failure.error ?? 'unknown error'}` : ''}`;
    if (age > BACKUP_CRIT_HOURS) return { state: 'crit', message, details };
    if (age > BACKUP_WARN_HOURS || failure) return { state: 'warn', message, details };
    return { state: 'ok', message, details };
  },
};

export const restoreDrillCheck: Check = {
  id: 'restore_drill',
  title: 'Last restore drill',
  schedule: 'weekly',
  async run(ctx): Promise<CheckResult> {
    const last = await checksRepo.latestRun(ctx.database.db, 'restore_drill', ctx.now);
    if (!last?.finishedAt) return { state: 'warn', message: 'No restore drill has run yet', details: {} };
    const result = last.result ?? {};
    const mismatches = Array.isArray(result.mismatches) ? result.mismatches : [];
    const ageDays = Math.round(((ctx.now.getTime() - last.finishedAt.getTime()) / 86_400_000) * 10) / 10;
    const details = {
      finishedAt: last.finishedAt.toISOString(),
      ageDays,
      ok: last.status === 'succeeded' && result.ok !== false,
      durationMs: last.durationMs,
      archive: result.archive ?? null,
      mismatches: mismatches.slice(0, 20),
      error: last.error,
      warnAfterDays: DRILL_WARN_DAYS,
    };
    if (last.status === 'failed' || result.ok === false) {
      const why =
        last.error ??
        (mismatches.length
          ? `${plural(mismatches.length, 'mismatch', 'mismatches')} with the manifest`
          : 'failed');
      return {
        state: 'crit',
        message: `The last restore drill (${ageDays} days ago) failed: ${why}`,
        details,
      };
    }
    const took = last.durationMs !== null ? ` in ${Math.round(last.durationMs / 100) / 10} s` : '';
    const message = `The last restore drill passed ${ageDays} days ago${took}`;
    if (ageDays > DRILL_WARN_DAYS) return { state: 'warn', message, details };
    return { state: 'ok', message, details };
  },
};

export const paymentsCheck: Check = {
  id: 'payments',
  title: 'Failed payments and refunds',
  schedule: 'daily',
  async run(ctx) {
    const p = await checksRepo.paymentTrouble(ctx.database.db, ctx.now, {
      refundsFailedDays: REFUNDS_FAILED_WINDOW_DAYS,
      refundPendingHours: REFUND_PENDING_WARN_HOURS,
    });
    const failed = p.failedByProvider.reduce((a, r) => a + r.n, 0);
    const pendingLong = p.pendingRefunds.filter(
      (r) => ctx.now.getTime() - r.createdAt.getTime() > REFUND_PENDING_CRIT_HOURS * 3_600_000,
    );
    const details = {
      failedPayments24h: failed,
      failedByProvider: Object.fromEntries(p.failedByProvider.map((r) => [r.provider, r.n])),
      failedRefunds: p.failedRefunds,
      pendingRefunds: p.pendingRefunds.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
    };
    const message = [
      `${plural(failed, 'failed payment')} in 24 h`,
      `${plural(p.failedRefunds.length, 'failed refund')} in ${REFUNDS_FAILED_WINDOW_DAYS} days`,
      `${plural(p.pendingRefunds.length, 'refund')} pending over ${REFUND_PENDING_WARN_HOURS} h`,
    ].join('; ');
    if (failed >= PAYMENTS_FAILED_CRIT || pendingLong.length > 0) return { state: 'crit', message, details };
    if (failed >= PAYMENTS_FAILED_WARN || p.failedRefunds.length > 0 || p.pendingRefunds.length > 0)
      return { state: 'warn', message, details };
    return { state: 'ok', message, details };
  },
};

export const manualPaymentsCheck: Check = {
  id: 'manual_payments',
  title: 'Manual payments waiting for review',
  schedule: 'daily',
  async run(ctx) {
    const p = await checksRepo.pendingProofs(ctx.database.db, ctx.now, PROOF_PENDING_WARN_HOURS);
    const oldest = p.oldest[0];
    const oldestHours = oldest ? hoursBetween(oldest.createdAt, ctx.now) : null;
    const details = {
      waitingOver24h: p.count,
      oldestHours,
      orders: p.oldest
        .slice(0, 10)
        .map((r) => ({ number: r.number, waitingHours: hoursBetween(r.createdAt, ctx.now) })),
      warnAfterHours: PROOF_PENDING_WARN_HOURS,
      critAfterHours: PROOF_PENDING_CRIT_HOURS,
    };
    if (!oldest || oldestHours === null)
      return {
        state: 'ok',
        message: `No payment proof has waited over ${PROOF_PENDING_WARN_HOURS} h`,
        details,
      };
    const message = `${plural(p.count, 'payment proof')} waiting over ${PROOF_PENDING_WARN_HOURS} h (oldest: ${oldest.number}, ${oldestHours} h)`;
    if (oldestHours > PROOF_PENDING_CRIT_HOURS) return { state: 'crit', message, details };
    return { state: 'warn', message, details };
  },
};
