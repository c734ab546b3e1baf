import type { Role } from '@9tangle/contracts';
import type { CurrentUser } from './identity.types.ts';

/** Pure rules of the identity domain. */
export const hasRole = (user: Pick<CurrentUser, 'role'>, ...roles: Role[]) => roles.includes(user.role);

/** Unverified accounts may sign in and manage their account, but not buy or learn. */
export const canBuyOrLearn = (user: Pick<CurrentUser, 'emailVerified'>) => user.emailVerified;

/** An impersonating admin acts as the user but never on money or on the user's credentials. */
export const canActOnMoneyOrCredentials = (user: Pick<CurrentUser, 'impersonatorId'>) =>
  user.impersonatorId === null;

/** An admin cannot change their own role or suspend themselves (the last admin would lock everyone out). */
export const canAdministerUser = (actor: Pick<CurrentUser, 'id' | 'role'>, targetId: string) =>
  actor.role === 'admin' && actor.id !== targetId;

/**
 * The requests an impersonating admin may never make as the user: anything that moves money (cart,
 * checkout, orders and their payments or proofs, downloads, moving wishlist items to the cart, refunds)
 * or touches the user's credentials (password, email, 2FA, sessions, signing out everywhere). Checked
 * once, for every unsafe request, by the session hook in `http/auth.ts`.
 */
const MONEY_OR_CREDENTIAL_PATHS: readonly RegExp[] = [
  /^\/api\/cart(\/|$)/,
  /^\/api\/checkout(\/|$)/,
  /^\/api\/orders(\/|$)/,
  /^\/api\/payments(\/|$)/,
  /^\/api\/downloads(\/|$)/,
  /^\/api\/wishlist\/[^/]+\/move-to-cart$/,
  /\/refunds(\/|$)/,
  /^\/api\/auth\/password(\/|$)/,
  /^\/api\/auth\/email(\/|$)/,
  /^\/api\/auth\/2fa(\/|$)/,
  /^\/api\/auth\/sessions(\/|$)/,
  /^\/api\/auth\/logout-all$/,
];
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Whether a request (method and URL, query string allowed) acts on money or credentials. */
export const isMoneyOrCredentialRequest = (method: string, url: string) => {
  if (!UNSAFE_METHODS.has(method.toUpperCase())) return false;
  const path = (url.split('?')[0] ?? '').replace(/\/{2,}/g, '/').toLowerCase();
  return MONEY_OR_CREDENTIAL_PATHS.some((re) => re.test(path));
};

/** Whether this user may make this request: everyone, except an impersonated session on money or credentials. */
export const canMakeRequest = (
  user: Pick<CurrentUser, 'impersonatorId'> | null,
  method: string,
  url: string,
) => !user || canActOnMoneyOrCredentials(user) || !isMoneyOrCredentialRequest(method, url);

/** An admin may sign in as an active, non-admin account other than their own. */
export const canImpersonate = (
  actor: Pick<CurrentUser, 'id' | 'role' | 'impersonatorId'>,
  target: { id: string; role: Role; suspendedAt: Date | null; anonymisedAt: Date | null },
) =>
  actor.role === 'admin' &&
  actor.impersonatorId === null &&
  actor.id !== target.id &&
  target.role !== 'admin' &&
  target.suspendedAt === null &&
  target.anonymisedAt === null;
