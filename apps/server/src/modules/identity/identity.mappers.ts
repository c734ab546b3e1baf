import type { SessionDto, UserDto } from '@9tangle/contracts';
import type { SessionRow, UserRow } from '../../db/schema/index.ts';

export function toUserDto(u: UserRow): UserDto {
  return {
    id: u.id,
    name: u.name,
    email: u.email,
    phone: u.phone,
    role: u.role,
    emailVerified: u.emailVerifiedAt !== null,
    twoFactorEnabled: u.totpEnabledAt !== null,
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
