import type { RegisterBody } from '@9tangle/contracts';
import type { Executor } from '../../db/client.ts';
import { AppError, badRequest, conflict, notFound, tooMany } from '../../http/errors.ts';
import { randomToken, safeEqual, sha256, sixDigitCode } from '../../platform/crypto.ts';
import { authEventsRepo } from './auth-events.ts';
import {
  type IdentityDeps,
  link,
  RESEND_COOLDOWN_MS,
  VERIFICATION_MAX_ATTEMPTS,
  VERIFICATION_TTL_MS,
} from './identity.deps.ts';
import type { CurrentUser, RequestMeta } from './identity.types.ts';
import { tokensRepo } from './tokens.repo.ts';
import { usersRepo } from './users.repo.ts';

type Purpose = 'signup' | 'email_change';

const isUniqueViolation = (err: unknown) =>
  (err as { code?: string })?.code === '23505' ||
  (err as { cause?: { code?: string } })?.cause?.code === '23505';

/**
 * Sign-up and address verification: a 6-digit code (HMAC-stored, 10 minutes, 3 attempts) and a link
 * token (SHA-256-stored) go out in the same mail; either proves the address.
 */
export function createVerificationService(d: IdentityDeps) {
  const { database, clock, secrets } = d;

  /** Write a verification for `email` and its mail, inside the caller's transaction. Returns the mail id. */
  async function issue(x: Executor, user: { id: string; name: string }, purpose: Purpose, email: string) {
    const code = sixDigitCode();
    const token = randomToken();
    const now = clock.now();
    await tokensRepo.insertVerification(x, {
      userId: user.id,
      purpose,
      email,
      codeHash: secrets.hmac('email-code', code),
      linkTokenHash: sha256(token),
      expiresAt: new Date(now.getTime() + VERIFICATION_TTL_MS),
      createdAt: now,
    });
    if (purpose === 'signup') {
      const url = link(d.publicUrl, '/verify-code', { token });
      return d.mail.write(x, email, 'verifyEmail', { name: user.name, code, url });
    }
    const url = link(d.publicUrl, '/profile', { confirmEmailToken: token });
    return d.mail.write(x, email, 'confirmEmailChange', { name: user.name, code, url });
  }

  /** Check a code against the newest verification of a user; counts the attempt. Returns the row. */
  async function checkCode(userId: string, purpose: Purpose, code: string) {
    const v = await tokensRepo.latestVerification(database.db, userId, purpose);
    if (!v || v.consumedAt) throw badRequest('invalid_code', 'That code is not valid. Ask for a new one.');
    if (v.expiresAt <= clock.now())
      throw badRequest('code_expired', 'That code has expired. Ask for a new one.');
    if (v.attempts >= VERIFICATION_MAX_ATTEMPTS)
      throw new AppError('too_many_attempts', 429, 'Too many wrong codes. Ask for a new one.');
    const attempts = await tokensRepo.bumpVerificationAttempts(database.db, v.id);
    const ok = secrets.hmacCandidates('email-code', code).some((h) => safeEqual(h, v.codeHash));
    if (!ok) {
      const remaining = Math.max(0, VERIFICATION_MAX_ATTEMPTS - attempts);
      throw badRequest('invalid_code', 'That code is not right.', { remainingAttempts: remaining });
    }
    return v;
  }

  async function checkLink(token: string, purpose: Purpose) {
    const v = await tokensRepo.verificationByLink(database.db, sha256(token));
    if (!v || v.purpose !== purpose || v.consumedAt)
      throw badRequest('invalid_token', 'This link is not valid any more.');
    if (v.expiresAt <= clock.now())
      throw badRequest('code_expired', 'This link has expired. Ask for a new one.');
    return v;
  }

  return {
    issue,
    async register(body: RegisterBody, meta: RequestMeta) {
      const passwordHash = await d.hasher.hash(body.password);
      try {
        const { user, mailId, session } = await database.db.transaction(async (tx) => {
          const user = await usersRepo.insert(tx, {
            name: body.name,
            email: body.email,
            phone: body.phone ?? null,
            passwordHash,
          });
          const mailId = await issue(tx, user, 'signup', user.email);
          const session = await d.sessions.create(tx, user.id, meta);
          await authEventsRepo.record(tx, meta, { type: 'sign_up', userId: user.id, email: user.email });
          return { user, mailId, session };
        });
        await d.mail.dispatch(mailId);
        return { user, token: session.token, sessionId: session.session.id };
      } catch (err) {
        if (isUniqueViolation(err))
          throw conflict('email_taken', 'An account with this email already exists. Sign in instead.');
        throw err;
      }
    },

    /** Verify the sign-up address by code (signed in, or with the email) or by link token. */
    async verifySignup(
      input: { code: string; email?: string } | { token: string },
      current: CurrentUser | null,
      meta: RequestMeta,
    ) {
      let v: Awaited<ReturnType<typeof checkLink>>;
      if ('token' in input) v = await checkLink(input.token, 'signup');
      else {
        const user =
          current ?? (input.email ? await usersRepo.findByEmail(database.db, input.email) : undefined);
        if (!user) throw badRequest('invalid_code', 'That code is not valid. Ask for a new one.');
        const verified = 'emailVerified' in user ? user.emailVerified : user.emailVerifiedAt !== null;
        // Only the signed-in owner learns that the address is verified; by email it answers as unknown.
        if (verified && current) throw conflict('already_verified', 'This address is already verified.');
        if (verified) throw badRequest('invalid_code', 'That code is not valid. Ask for a new one.');
        v = await checkCode(user.id, 'signup', input.code);
      }
      const user = await database.db.transaction(async (tx) => {
        if (!(await tokensRepo.consumeVerification(tx, v.id, clock.now())))
          throw badRequest('invalid_token', 'This code was already used.');
        const user = await usersRepo.update(tx, v.userId, { emailVerifiedAt: clock.now() });
        await authEventsRepo.record(tx, meta, { type: 'email_verified', userId: user.id, email: user.email });
        return user;
      });
      return user;
    },

    /** Send a fresh code, at most once a minute. */
    async resend(current: CurrentUser | null, email: string | undefined) {
      const user = current
        ? await usersRepo.findById(database.db, current.id)
        : email
          ? await usersRepo.findByEmail(database.db, email)
          : undefined;
      // Unknown or verified addresses get the same answer as real ones: nothing to learn here.
      if (!user || user.emailVerifiedAt || user.suspendedAt) return;
      const last = await tokensRepo.latestVerification(database.db, user.id, 'signup');
      const wait = last ? last.createdAt.getTime() + RESEND_COOLDOWN_MS - clock.now().getTime() : 0;
      if (wait > 0) {
        if (current)
          throw tooMany(
            'resend_cooldown',
            'Wait a moment before asking for another code.',
            Math.ceil(wait / 1000),
          );
        return;
      }
      const mailId = await database.db.transaction((tx) => issue(tx, user, 'signup', user.email));
      await d.mail.dispatch(mailId);
    },

    /** Ask to move the account to a new address: confirm at the new one, warn the old one. */
    async requestEmailChange(current: CurrentUser, newEmail: string, password: string, meta: RequestMeta) {
      const user = await usersRepo.findById(database.db, current.id);
      if (!user) throw notFound('account');
      if (!user.passwordHash || !(await d.hasher.verify(user.passwordHash, password)))
        throw badRequest('wrong_password', 'Your current password is not right.');
      if (newEmail === user.email) throw badRequest('same_email', 'This is already your address.');
      if (await usersRepo.findByEmail(database.db, newEmail))
        throw conflict('email_taken', 'Another account uses this address.');
      const ids = await database.db.transaction(async (tx) => {
        const confirm = await issue(tx, user, 'email_change', newEmail);
        const notice = await d.mail.write(tx, user.email, 'emailChangeNotice', { name: user.name, newEmail });
        await authEventsRepo.record(tx, meta, {
          type: 'email_change_requested',
          userId: user.id,
          details: { newEmail },
        });
        return [confirm, notice];
      });
      await d.mail.dispatch(...ids);
    },

    async confirmEmailChange(
      current: CurrentUser,
      input: { code: string } | { token: string },
      meta: RequestMeta,
    ) {
      const v =
        'token' in input
          ? await checkLink(input.token, 'email_change')
          : await checkCode(current.id, 'email_change', input.code);
      if (v.userId !== current.id) throw badRequest('invalid_token', 'This link is for another account.');
      try {
        return await database.db.transaction(async (tx) => {
          if (!(await tokensRepo.consumeVerification(tx, v.id, clock.now())))
            throw badRequest('invalid_token', 'This code was already used.');
          const before = await usersRepo.findById(tx, current.id);
          const user = await usersRepo.update(tx, current.id, {
            email: v.email,
            emailVerifiedAt: clock.now(),
          });
          await authEventsRepo.record(tx, meta, {
            type: 'email_changed',
            userId: user.id,
            details: { from: before?.email, to: user.email },
          });
          return user;
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw conflict('email_taken', 'Another account uses this address.');
        throw err;
      }
    },
  };
}
export type VerificationService = ReturnType<typeof createVerificationService>;
