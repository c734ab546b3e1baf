import type { AdminUserSummary, AuthEventDto, AuthEventType, SessionDto, UserDto } from '@9tangle/contracts';
import type { authEvents, SessionRow, UserRow } from '../../db/schema/index.ts';
import { statusOf } from './admin-users.repo.ts';
import type { CurrentUser } from './identity.types.ts';

type AuthEventRow = typeof authEvents.$inferSelect;

export function toUserDto(u: UserRow): UserDto {
  return currentUserDto({
    ...u,
    emailVerified: u.emailVerifiedAt !== null,
    twoFactorEnabled: u.totpEnabledAt !== null,
  });
}

/** The same answer from the request's user, read with its session (no query of its own). */
export function currentUserDto(
  u: Pick<
    CurrentUser,
    | 'id'
    | 'name'
    | 'email'
    | 'phone'
    | 'role'
    | 'emailVerified'
    | 'twoFactorEnabled'
    | 'avatarKey'
    | 'createdAt'
  >,
): UserDto {
  return {
    id: u.id,
    name: u.name,
    email: u.email,
    phone: u.phone,
    role: u.role,
    emailVerified: u.emailVerified,
    twoFactorEnabled: u.twoFactorEnabled,
    avatarUrl: u.avatarKey ? `/api/files/avatars/${u.avatarKey}` : null,
    createdAt: u.createdAt.toISOString(),
  };
}

export function toSessionDto(s: SessionRow, currentId: string): SessionDto {
  return {
    id: s.id,
    createdAt: s.createdAt.toISOString(),
    lastSeenAt: s.lastSeenAt.toISOString(),
    expiresAt: s.expiresAt.toISOString(),
    ip: s.ip,
    userAgent: s.userAgent,
    current: s.id === currentId,
  };
}

const iso = (v: Date | string | null | undefined) => (v == null ? null : new Date(v).toISOString());

/** A journal entry, with the account's current name and email when the query joined them. */
export function toAuthEventDto(
  e: AuthEventRow,
  account: { userName?: string | null; userEmail?: string | null } = {},
): AuthEventDto {
  return {
    id: e.id,
    type: e.type as AuthEventType,
    userId: e.userId,
    userName: account.userName ?? null,
    userEmail: account.userEmail ?? null,
    actorId: e.actorId,
    email: e.email,
    ip: e.ip,
    userAgent: e.userAgent,
    details: e.details ?? null,
    createdAt: e.createdAt.toISOString(),
  };
}

/** A row of the admin users table. */
export function toAdminUserSummary(u: UserRow, lastSeenAt: Date | string | null): AdminUserSummary {
  return {
    id: u.id,
    name: u.name,
    email: u.email,
    role: u.role,
    status: statusOf(u),
    emailVerified: u.emailVerifiedAt !== null,
    twoFactorEnabled: u.totpEnabledAt !== null,
    suspendedAt: iso(u.suspendedAt),
    anonymisedAt: iso(u.anonymisedAt),
    createdAt: u.createdAt.toISOString(),
    lastSeenAt: iso(lastSeenAt),
  };
}

/** An account as the audit log keeps it before a delete or an anonymisation: no hashes, no secrets. */
export function toAuditedUser(u: UserRow) {
  return {
    ...toUserDto(u),
    status: statusOf(u),
    suspendedAt: iso(u.suspendedAt),
    anonymisedAt: iso(u.anonymisedAt),
  };
}
