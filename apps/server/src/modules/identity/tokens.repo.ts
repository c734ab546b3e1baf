import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { emailVerifications, loginChallenges, passwordTokens, recoveryCodes } from '../../db/schema/index.ts';

/** Single-use secrets: verification codes, reset and setup tokens, 2FA challenges, recovery codes. */
export const tokensRepo = {
  async insertVerification(x: Executor, v: typeof emailVerifications.$inferInsert) {
    const [row] = await x.insert(emailVerifications).values(v).returning();
    return row as typeof emailVerifications.$inferSelect;
  },
  /** The newest open verification of a user for a purpose (older ones are superseded by a resend). */
  async latestVerification(x: Executor, userId: string, purpose: 'signup' | 'email_change') {
    const [row] = await x
      .select()
      .from(emailVerifications)
      .where(and(eq(emailVerifications.userId, userId), eq(emailVerifications.purpose, purpose)))
      .orderBy(desc(emailVerifications.createdAt))
      .limit(1);
    return row;
  },
  async verificationByLink(x: Executor, linkTokenHash: string) {
    const [row] = await x
      .select()
      .from(emailVerifications)
      .where(eq(emailVerifications.linkTokenHash, linkTokenHash))
      .limit(1);
    return row;
  },
  /** Count an attempt atomically; returns the attempts after this one. */
  async bumpVerificationAttempts(x: Executor, id: string): Promise<number> {
    const [row] = await x
      .update(emailVerifications)
      .set({ attempts: sql`${emailVerifications.attempts} + 1` })
      .where(eq(emailVerifications.id, id))
      .returning({ attempts: emailVerifications.attempts });
    return row?.attempts ?? Number.MAX_SAFE_INTEGER;
  },
  /** Consume once: false when someone else consumed it first. */
  async consumeVerification(x: Executor, id: string, now: Date): Promise<boolean> {
    const rows = await x
      .update(emailVerifications)
      .set({ consumedAt: now })
      .where(and(eq(emailVerifications.id, id), isNull(emailVerifications.consumedAt)))
      .returning({ id: emailVerifications.id });
    return rows.length === 1;
  },
  async insertPasswordToken(x: Executor, v: typeof passwordTokens.$inferInsert) {
    await x.insert(passwordTokens).values(v);
  },
  /** Use a reset/setup token exactly once; returns its user when it was valid and unused. */
  async usePasswordToken(x: Executor, tokenHash: string, now: Date) {
    const [row] = await x
      .update(passwordTokens)
      .set({ usedAt: now })
      .where(
        and(
          eq(passwordTokens.tokenHash, tokenHash),
          isNull(passwordTokens.usedAt),
          gt(passwordTokens.expiresAt, now),
        ),
      )
      .returning({ userId: passwordTokens.userId, purpose: passwordTokens.purpose });
    return row;
  },
  async invalidatePasswordTokens(x: Executor, userId: string, now: Date) {
    await x
      .update(passwordTokens)
      .set({ usedAt: now })
      .where(and(eq(passwordTokens.userId, userId), isNull(passwordTokens.usedAt)));
  },
  async insertChallenge(x: Executor, v: typeof loginChallenges.$inferInsert) {
    await x.insert(loginChallenges).values(v);
  },
  async findChallenge(x: Executor, tokenHash: string, now: Date) {
    const [row] = await x
      .select()
      .from(loginChallenges)
      .where(
        and(
          eq(loginChallenges.tokenHash, tokenHash),
          isNull(loginChallenges.usedAt),
          gt(loginChallenges.expiresAt, now),
        ),
      )
      .limit(1);
    return row;
  },
  async bumpChallenge(x: Executor, id: string): Promise<number> {
    const [row] = await x
      .update(loginChallenges)
      .set({ attempts: sql`${loginChallenges.attempts} + 1` })
      .where(eq(loginChallenges.id, id))
      .returning({ attempts: loginChallenges.attempts });
    return row?.attempts ?? Number.MAX_SAFE_INTEGER;
  },
  async useChallenge(x: Executor, id: string, now: Date): Promise<boolean> {
    const rows = await x
      .update(loginChallenges)
      .set({ usedAt: now })
      .where(and(eq(loginChallenges.id, id), isNull(loginChallenges.usedAt)))
      .returning({ id: loginChallenges.id });
    return rows.length === 1;
  },
  async replaceRecoveryCodes(x: Executor, userId: string, hashes: string[]) {
    await x.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    if (hashes.length) await x.insert(recoveryCodes).values(hashes.map((codeHash) => ({ userId, codeHash })));
  },
  /** Use a recovery code once; true when it matched an unused code of this user. */
  async useRecoveryCode(x: Executor, userId: string, codeHash: string, now: Date): Promise<boolean> {
    const rows = await x
      .update(recoveryCodes)
      .set({ usedAt: now })
      .where(
        and(
          eq(recoveryCodes.userId, userId),
          eq(recoveryCodes.codeHash, codeHash),
          isNull(recoveryCodes.usedAt),
        ),
      )
      .returning({ id: recoveryCodes.id });
    return rows.length === 1;
  },
};
