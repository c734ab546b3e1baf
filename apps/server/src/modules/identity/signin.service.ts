import { AppError, badRequest, forbidden, notFound, tooMany, unauthenticated } from '../../http/errors.ts';
import { randomToken, sha256 } from '../../platform/crypto.ts';
import { authEventsRepo } from './auth-events.ts';
import {
  CHALLENGE_MAX_ATTEMPTS,
  CHALLENGE_TTL_MS,
  type IdentityDeps,
  link,
  RESET_TTL_MS,
} from './identity.deps.ts';
import type { CurrentUser, RequestMeta } from './identity.types.ts';
import { tokensRepo } from './tokens.repo.ts';
import { checkSecondFactor } from './two-factor.ts';
import { usersRepo } from './users.repo.ts';

const invalidCredentials = () => new AppError('invalid_credentials', 401, 'Email or password is not right.');

/** Sign-in (password, then the second factor when on), password reset and change. */
export function createSigninService(d: IdentityDeps) {
  const { database, clock, hasher } = d;

  async function openSession(userId: string, email: string, meta: RequestMeta) {
    return database.db.transaction(async (tx) => {
      const s = await d.sessions.create(tx, userId, meta);
      await authEventsRepo.record(tx, meta, { type: 'sign_in_success', userId, email });
      return s;
    });
  }

  return {
    /**
     * The password step. Unknown and known emails take the same path and the same time (a dummy hash
     * is verified) and get the same answer.
     */
    async login(email: string, password: string, meta: RequestMeta) {
      const wait = await d.throttle.blockedFor(email, meta.ip);
      if (wait > 0) {
        // The user id files the event under the account in the journal (an admin filters by user).
        const known = await usersRepo.findByEmail(database.db, email);
        await authEventsRepo.record(database.db, meta, {
          type: 'sign_in_throttled',
          userId: known?.id ?? null,
          email,
        });
        throw tooMany(
          'rate_limited',
          'Too many failed sign-ins. Try again later or reset your password.',
          wait,
        );
      }
      const user = await usersRepo.findByEmail(database.db, email);
      const ok = await hasher.verify(user?.passwordHash ?? d.dummyHash, password);
      if (!user?.passwordHash || !ok) {
        await d.throttle.recordFailure(email, meta.ip);
        await authEventsRepo.record(database.db, meta, {
          type: 'sign_in_failure',
          userId: user?.id ?? null,
          email,
        });
        throw invalidCredentials();
      }
      if (user.suspendedAt) {
        await authEventsRepo.record(database.db, meta, {
          type: 'sign_in_failure',
          userId: user.id,
          email,
          details: { reason: 'suspended' },
        });
        throw forbidden('account_suspended', 'This account is suspended. Contact the academy.');
      }
      await d.throttle.reset(email);
      if (hasher.needsRehash(user.passwordHash)) {
        await usersRepo.update(database.db, user.id, { passwordHash: await hasher.hash(password) });
      }
      if (user.totpEnabledAt) {
        const challenge = randomToken();
        await tokensRepo.insertChallenge(database.db, {
          userId: user.id,
          tokenHash: sha256(challenge),
          expiresAt: new Date(clock.now().getTime() + CHALLENGE_TTL_MS),
        });
        return { status: 'mfa_required' as const, challenge };
      }
      const s = await openSession(user.id, user.email, meta);
      return { status: 'ok' as const, user, token: s.token, sessionId: s.session.id };
    },

    /** The second step: a TOTP code or a recovery code against the challenge of the password step. */
    async loginTwoFactor(challenge: string, code: string, meta: RequestMeta) {
      const c = await tokensRepo.findChallenge(database.db, sha256(challenge), clock.now());
      if (!c)
        throw new AppError(
          'mfa_invalid_challenge',
          401,
          'Your sign-in timed out. Enter your password again.',
        );
      const attempts = await tokensRepo.bumpChallenge(database.db, c.id);
      const user = await usersRepo.findById(database.db, c.userId);
      if (!user || user.suspendedAt) throw invalidCredentials();
      if (attempts > CHALLENGE_MAX_ATTEMPTS) {
        await tokensRepo.useChallenge(database.db, c.id, clock.now());
        throw new AppError('mfa_invalid_challenge', 401, 'Too many wrong codes. Enter your password again.');
      }
      const how = await checkSecondFactor(database.db, d.secrets, user, code, clock.now());
      if (!how) {
        await authEventsRepo.record(database.db, meta, {
          type: 'two_factor_failure',
          userId: user.id,
          email: user.email,
        });
        throw new AppError('invalid_code', 401, 'That code is not right.');
      }
      if (!(await tokensRepo.useChallenge(database.db, c.id, clock.now())))
        throw new AppError(
          'mfa_invalid_challenge',
          401,
          'Your sign-in timed out. Enter your password again.',
        );
      if (how === 'recovery')
        await authEventsRepo.record(database.db, meta, { type: 'recovery_code_used', userId: user.id });
      const s = await openSession(user.id, user.email, meta);
      return { status: 'ok' as const, user, token: s.token, sessionId: s.session.id };
    },

    async logout(current: CurrentUser, meta: RequestMeta) {
      await d.sessions.revoke(current.id, current.sessionId);
      await authEventsRepo.record(database.db, meta, { type: 'sign_out', userId: current.id });
      // Signing out of a borrowed session ends the impersonation too: the journal says so.
      if (current.impersonatorId)
        await authEventsRepo.record(database.db, meta, {
          type: 'impersonation_stopped',
          userId: current.id,
          actorId: current.impersonatorId,
          details: { sessionId: current.sessionId, via: 'sign_out' },
        });
    },

    async logoutEverywhere(current: CurrentUser, meta: RequestMeta) {
      await database.db.transaction(async (tx) => {
        const n = await d.sessions.revokeAll(tx, current.id);
        await authEventsRepo.record(tx, meta, {
          type: 'sign_out_everywhere',
          userId: current.id,
          details: { sessions: n },
        });
      });
    },

    async revokeSession(current: CurrentUser, sessionId: string, meta: RequestMeta) {
      if (!(await d.sessions.revoke(current.id, sessionId))) throw notFound('session');
      await authEventsRepo.record(database.db, meta, {
        type: 'session_revoked',
        userId: current.id,
        details: { sessionId },
      });
    },

    /**
     * Always answers the same. The work for a known address runs after the answer, so its duration
     * does not tell the caller whether the account exists.
     */
    requestPasswordReset(email: string, meta: RequestMeta): void {
      const work = async () => {
        const user = await usersRepo.findByEmail(database.db, email);
        await authEventsRepo.record(database.db, meta, {
          type: 'password_reset_requested',
          userId: user?.id ?? null,
          email,
        });
        if (!user || user.suspendedAt) return;
        const token = randomToken();
        const mailId = await database.db.transaction(async (tx) => {
          await tokensRepo.insertPasswordToken(tx, {
            userId: user.id,
            tokenHash: sha256(token),
            expiresAt: new Date(clock.now().getTime() + RESET_TTL_MS),
          });
          const url = link(d.publicUrl, '/reset-password', { token });
          return d.mail.write(tx, user.email, 'resetPassword', { name: user.name, url });
        });
        await d.mail.dispatch(mailId);
      };
      work().catch((err) => d.log.error({ err }, 'password reset request failed'));
    },

    /** Use a reset (or first-admin setup) token once: new password, every session signed out, a mail. */
    async resetPassword(token: string, password: string, meta: RequestMeta) {
      const passwordHash = await hasher.hash(password);
      const { user, mailId } = await database.db.transaction(async (tx) => {
        const t = await tokensRepo.usePasswordToken(tx, sha256(token), clock.now());
        if (!t) throw badRequest('invalid_token', 'This link is not valid any more. Ask for a new one.');
        const now = clock.now();
        const user = await usersRepo.update(tx, t.userId, {
          passwordHash,
          passwordChangedAt: now,
          // The setup link went to the address of the first admin: following it proves the address.
          ...(t.purpose === 'setup' ? { emailVerifiedAt: now } : {}),
        });
        await tokensRepo.invalidatePasswordTokens(tx, user.id, now);
        await d.sessions.revokeAll(tx, user.id);
        await authEventsRepo.record(tx, meta, {
          type: 'password_reset',
          userId: user.id,
          details: { purpose: t.purpose },
        });
        const mailId = await d.mail.write(tx, user.email, 'passwordChanged', {
          name: user.name,
          when: now.toUTCString(),
        });
        return { user, mailId };
      });
      await d.mail.dispatch(mailId);
      return user;
    },

    async changePassword(
      current: CurrentUser,
      currentPassword: string,
      newPassword: string,
      meta: RequestMeta,
    ) {
      if (current.impersonatorId) throw unauthenticated('Sign in as yourself to change security settings');
      const user = await usersRepo.findById(database.db, current.id);
      if (!user) throw notFound('account');
      if (!user.passwordHash || !(await hasher.verify(user.passwordHash, currentPassword))) {
        await authEventsRepo.record(database.db, meta, {
          type: 'sign_in_failure',
          userId: user.id,
          details: { reason: 'change_password' },
        });
        throw badRequest('wrong_password', 'Your current password is not right.');
      }
      const passwordHash = await hasher.hash(newPassword);
      const mailId = await database.db.transaction(async (tx) => {
        const now = clock.now();
        await usersRepo.update(tx, user.id, { passwordHash, passwordChangedAt: now });
        await d.sessions.revokeAll(tx, user.id, current.sessionId);
        await tokensRepo.invalidatePasswordTokens(tx, user.id, now);
        await authEventsRepo.record(tx, meta, { type: 'password_changed', userId: user.id });
        return d.mail.write(tx, user.email, 'passwordChanged', { name: user.name, when: now.toUTCString() });
      });
      await d.mail.dispatch(mailId);
    },
  };
}
export type SigninService = ReturnType<typeof createSigninService>;
