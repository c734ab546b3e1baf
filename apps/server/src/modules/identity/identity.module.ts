import type { MeResponse } from '@9tangle/contracts';
import type { FastifyInstance, FastifyRequest, preHandlerHookHandler } from 'fastify';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import type { Cache } from '../../platform/cache.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Secrets } from '../../platform/crypto.ts';
import type { Storage } from '../../platform/storage.ts';
import type { MailService } from '../notifications/mail.service.ts';
import { accountRoutes } from './account.routes.ts';
import { createAccountService } from './account.service.ts';
import { adminUsersRoutes } from './admin-users.routes.ts';
import { createAdminUsersService } from './admin-users.service.ts';
import { createAnonymiseService } from './anonymise.service.ts';
import type { IdentityDeps } from './identity.deps.ts';
import { currentUserDto } from './identity.mappers.ts';
import { identityRoutes } from './identity.routes.ts';
import type { CurrentUser } from './identity.types.ts';
import { impersonationRoutes } from './impersonation.routes.ts';
import { createImpersonationService } from './impersonation.service.ts';
import { createPasswordHasher, makeDummyHash } from './passwords.ts';
import type { SessionService } from './sessions.service.ts';
import { createSigninService } from './signin.service.ts';
import { createLoginThrottle } from './throttle.ts';
import { createTwoFactorService } from './two-factor.service.ts';
import { usersRepo } from './users.repo.ts';
import { createVerificationService } from './verification.service.ts';

/** Builds the identity services and registers their routes under `/api`. */
export async function registerIdentity(
  app: FastifyInstance,
  p: {
    config: Config;
    database: Database;
    cache: Cache;
    clock: Clock;
    secrets: Secrets;
    storage: Storage;
    sessions: SessionService;
    mail: MailService;
    requireAdmin: preHandlerHookHandler;
  },
) {
  const hasher = createPasswordHasher(p.config.argon2);
  const deps: IdentityDeps = {
    database: p.database,
    clock: p.clock,
    secrets: p.secrets,
    hasher,
    sessions: p.sessions,
    mail: p.mail,
    throttle: createLoginThrottle(p.cache, {
      maxPerAccount: p.config.rateLimit.loginMaxPerAccount,
      maxPerIp: p.config.rateLimit.loginMaxPerIp,
      lockMs: p.config.rateLimit.loginLockMs,
    }),
    publicUrl: p.config.http.publicUrl,
    dummyHash: await makeDummyHash(hasher),
    log: app.log,
    config: p.config,
  };
  const account = createAccountService({ database: p.database, storage: p.storage });
  const impersonation = createImpersonationService(deps);
  const cookie = {
    name: p.config.session.cookieName,
    secure: p.config.session.secureCookie,
    maxAgeMs: p.config.session.absoluteMs,
  };
  /** What other modules add to the signed-in state (the cart's count), read beside the impersonator. */
  const meExtras: ((user: CurrentUser) => Promise<Partial<MeResponse>>)[] = [];
  /** The signed-in state: the `/api/auth/me` answer and what a server-rendered page starts with. */
  const loadMe = async (req: FastifyRequest): Promise<MeResponse | null> => {
    const user = req.user;
    if (!user) return null;
    const [impersonator, ...extras] = await Promise.all([
      impersonation.impersonator(user),
      ...meExtras.map((add) => add(user)),
    ]);
    return {
      // The parts added by other modules first: none of them can replace the account's own fields.
      ...Object.assign({}, ...extras),
      user: currentUserDto(user),
      csrfToken: p.sessions.csrfToken(user.sessionId),
      impersonated: user.impersonatorId !== null,
      impersonator,
    };
  };
  await app.register(
    identityRoutes({
      verification: createVerificationService(deps),
      signin: createSigninService(deps),
      twoFactor: createTwoFactorService(deps),
      sessions: p.sessions,
      loadMe,
      cookie,
      authRateLimit: { max: p.config.rateLimit.authMax, timeWindow: p.config.rateLimit.authWindowMs },
    }),
    { prefix: '/api/auth' },
  );
  await app.register(accountRoutes({ account }), { prefix: '/api' });
  await app.register(
    adminUsersRoutes({
      adminUsers: createAdminUsersService({ ...deps, idleMs: p.config.session.idleMs }),
      anonymise: createAnonymiseService({ ...deps, storage: p.storage }),
      requireAdmin: p.requireAdmin,
    }),
    { prefix: '/api' },
  );
  await app.register(
    impersonationRoutes({ impersonation, sessions: p.sessions, cookie, requireAdmin: p.requireAdmin }),
    { prefix: '/api' },
  );
  return {
    hasher,
    loadMe,
    /** Add a part to the signed-in state (registered by modules built after this one). */
    addToMe: (add: (user: CurrentUser) => Promise<Partial<MeResponse>>) => {
      meExtras.push(add);
    },
    /** A user's current name and address, for other modules' mail and snapshots (certificates). */
    userContact: async (userId: string) => {
      const user = await usersRepo.findById(p.database.db, userId);
      return user ? { name: user.name, email: user.email } : null;
    },
  };
}
