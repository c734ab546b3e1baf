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
