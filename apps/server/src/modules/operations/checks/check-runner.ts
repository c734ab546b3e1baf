import type { CheckState } from '@9tangle/contracts';
import type { Check, CheckContext, CheckResult } from './check.types.ts';
import { CHECK_TIMEOUT_MS } from './thresholds.ts';

/**
 * Run one check so that it always answers: a thrown error or no answer within the timeout is CRIT
 * with the reason, so a broken check can never look healthy nor hold up the others.
 */
export async function runGuarded(
  check: Check,
  ctx: CheckContext,
  timeoutMs = CHECK_TIMEOUT_MS,
): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<CheckResult>((resolve) => {
    timer = setTimeout(
      () =>
        resolve({
          state: 'crit',
          message: `The check did not answer within ${timeoutMs / 1000} s`,
          details: { timedOut: true },
        }),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([check.run(ctx), timeout]);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return {
      state: 'crit',
      message: `The check failed: ${message.slice(0, 300)}`,
      details: { error: message.slice(0, 1_000) },
    };
  } finally {
    clearTimeout(timer);
  }
}

/** How a new result changes a check's stored state: `since` is kept while the state is the same. */
export function transition(
  previous: { state: CheckState; since: Date } | null,
  next: CheckState,
  now: Date,
): { since: Date; changed: boolean; previousState: CheckState | null; alert: boolean } {
  if (!previous) {
    // The first run of a check on this database: recorded in the history; alerted only when it is not OK.
    return { since: now, changed: true, previousState: null, alert: next !== 'ok' };
  }
  if (previous.state === next)
    return { since: previous.since, changed: false, previousState: previous.state, alert: false };
  return { since: now, changed: true, previousState: previous.state, alert: true };
}

/** Who is told of a change: the configured addresses, else every active admin; lower-cased, once each. */
export function alertRecipients(configured: string[], admins: string[]): string[] {
  const list = configured.length > 0 ? configured : admins;
  return [...new Set(list.map((e) => e.trim().toLowerCase()).filter(Boolean))];
}
