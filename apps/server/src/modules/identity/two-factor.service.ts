import { badRequest, conflict, notFound, unauthenticated } from '../../http/errors.ts';
import { normaliseRecoveryCode, recoveryCode, sha256 } from '../../platform/crypto.ts';
import { authEventsRepo } from './auth-events.ts';
import type { IdentityDeps } from './identity.deps.ts';
import type { CurrentUser, RequestMeta } from './identity.types.ts';
import { tokensRepo } from './tokens.repo.ts';
import { checkSecondFactor, newTotpSecret, qrDataUrl, totpFor } from './two-factor.ts';
import { usersRepo } from './users.repo.ts';

const RECOVERY_CODES = 10;

/**
 * TOTP enrolment: setup stores a pending (encrypted) secret, enable confirms it with a code and hands
 * out 10 recovery codes once; disabling or regenerating codes needs a fresh code.
 */
export function createTwoFactorService(d: Pick<IdentityDeps, 'database' | 'clock' | 'secrets'>) {
  const { database, clock, secrets } = d;

  async function load(current: CurrentUser) {
    const user = await usersRepo.findById(database.db, current.id);
    if (!user) throw notFound('account');
    return user;
  }

  async function newRecoveryCodes(x: Parameters<typeof tokensRepo.replaceRecoveryCodes>[0], userId: string) {
    const codes = Array.from({ length: RECOVERY_CODES }, recoveryCode);
    await tokensRepo.replaceRecoveryCodes(
      x,
      userId,
      codes.map((c) => sha256(normaliseRecoveryCode(c))),
    );
    return codes;
  }

  async function requireCode(user: Awaited<ReturnType<typeof load>>, code: string, meta: RequestMeta) {
    const how = await checkSecondFactor(database.db, secrets, user, code, clock.now());
    if (!how) {
      await authEventsRepo.record(database.db, meta, { type: 'two_factor_failure', userId: user.id });
      throw badRequest('invalid_code', 'That code is not right.');
    }
    if (how === 'recovery')
      await authEventsRepo.record(database.db, meta, { type: 'recovery_code_used', userId: user.id });
  }

  return {
    async setup(current: CurrentUser) {
      const user = await load(current);
      if (user.totpEnabledAt)
        throw conflict('two_factor_already_enabled', 'Two-factor authentication is already on.');
      const secret = newTotpSecret();
      await usersRepo.update(database.db, user.id, {
        totpSecretEnc: secrets.encrypt(secret),
        totpLastStep: null,
      });
      const otpauthUrl = totpFor(secret, user.email).toString();
      return { secret, otpauthUrl, qrDataUrl: await qrDataUrl(otpauthUrl) };
    },
    async enable(current: CurrentUser, code: string, meta: RequestMeta) {
      const user = await load(current);
      if (user.totpEnabledAt)
        throw conflict('two_factor_already_enabled', 'Two-factor authentication is already on.');
      if (!user.totpSecretEnc) throw badRequest('two_factor_not_set_up', 'Start the set-up first.');
      return database.db.transaction(async (tx) => {
        const how = await checkSecondFactor(tx, secrets, user, code, clock.now());
        if (how !== 'totp')
          throw badRequest('invalid_code', 'That code is not right. Check the time on your phone.');
        await usersRepo.update(tx, user.id, { totpEnabledAt: clock.now() });
        const codes = await newRecoveryCodes(tx, user.id);
        await authEventsRepo.record(tx, meta, { type: 'two_factor_enabled', userId: user.id });
        return codes;
      });
    },
    async disable(current: CurrentUser, code: string, meta: RequestMeta) {
      if (current.impersonatorId) throw unauthenticated('Sign in as yourself to change security settings');
      const user = await load(current);
      if (!user.totpEnabledAt)
        throw badRequest('two_factor_not_enabled', 'Two-factor authentication is off.');
      await requireCode(user, code, meta);
      await database.db.transaction(async (tx) => {
        await usersRepo.update(tx, user.id, { totpEnabledAt: null, totpSecretEnc: null, totpLastStep: null });
        await tokensRepo.replaceRecoveryCodes(tx, user.id, []);
        await authEventsRepo.record(tx, meta, { type: 'two_factor_disabled', userId: user.id });
      });
    },
    async regenerateRecoveryCodes(current: CurrentUser, code: string, meta: RequestMeta) {
      const user = await load(current);
      if (!user.totpEnabledAt)
        throw badRequest('two_factor_not_enabled', 'Two-factor authentication is off.');
      await requireCode(user, code, meta);
      return database.db.transaction((tx) => newRecoveryCodes(tx, user.id));
    },
  };
}
export type TwoFactorService = ReturnType<typeof createTwoFactorService>;
