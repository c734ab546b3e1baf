import { DAY_MS, inBatches, type MaintenanceTask } from './task.ts';

/**
 * A spent or expired token is kept one more day, so its owner who clicks an old link is told
 * "expired" or "already used" rather than "invalid" while it still makes sense.
 */
export const TOKEN_GRACE_MS = DAY_MS;
/** Ended sessions stay a week: the sign-in history of the account page and an investigation read them. */
export const SESSION_KEEP_MS = 7 * DAY_MS;

/** One batch: delete up to $n rows of `table` matching `where`, rows locked elsewhere left for later. */
const purge = (table: string, where: string, batchParam: number) => `
  with doomed as (
    select id from ${table} where ${where} limit $${batchParam} for update skip locked
  ), gone as (
    delete from ${table} t using doomed where t.id = doomed.id returning 1
  )
  select count(*)::int as n from gone`;

/**
 * `purge_tokens` (hourly): expired or used email verifications, password reset and setup tokens and
 * 2FA sign-in challenges; sessions revoked, past their absolute expiry or idle for longer than the idle
 * limit, more than a week ago. They are hashes of dead secrets: nothing else refers to them.
 */
export const purgeTokens: MaintenanceTask = async (ctx) => {
  const now = ctx.clock.now().getTime();
  const tokenCutoff = new Date(now - TOKEN_GRACE_MS).toISOString();
  const sessionCutoff = new Date(now - SESSION_KEEP_MS).toISOString();
  const idleCutoff = new Date(now - SESSION_KEEP_MS - ctx.config.session.idleMs).toISOString();
  const emailVerifications = await inBatches(
    ctx,
    purge('email_verifications', 'expires_at < $1 or consumed_at < $1', 2),
    [tokenCutoff],
  );
  const passwordTokens = await inBatches(
    ctx,
    purge('password_tokens', 'expires_at < $1 or used_at < $1', 2),
    [tokenCutoff],
  );
  const loginChallenges = await inBatches(
    ctx,
    purge('login_challenges', 'expires_at < $1 or used_at < $1', 2),
    [tokenCutoff],
  );
  const sessions = await inBatches(
    ctx,
    purge('sessions', 'revoked_at < $1 or expires_at < $1 or last_seen_at < $2', 3),
    [sessionCutoff, idleCutoff],
  );
  return { emailVerifications, passwordTokens, loginChallenges, sessions };
};
