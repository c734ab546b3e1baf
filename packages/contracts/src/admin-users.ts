import { z } from 'zod';
import { AuthEventDto, type AuthEventKind, PageInfo, Pagination } from './admin.ts';
import { type AuthEventType, Email, Role, UserDto } from './identity.ts';

/** Where an account stands, as the admin users page filters and shows it (first that applies). */
export const UserStatuses = ['active', 'suspended', 'unverified', 'anonymised'] as const;
export const UserStatus = z.enum(UserStatuses);
export type UserStatus = z.infer<typeof UserStatus>;

export const AdminUserSort = z.enum(['newest', 'oldest', 'name', 'last_seen']);
export type AdminUserSort = z.infer<typeof AdminUserSort>;

/** `GET /api/admin/users`: search, filters, sort and page. */
export const AdminUserQuery = Pagination.extend({
  /** Words of the name or email, or an account's exact id. */
  q: z.string().trim().max(200).optional(),
  role: Role.optional(),
  status: UserStatus.optional(),
  sort: AdminUserSort.default('newest'),
});
export type AdminUserQuery = z.infer<typeof AdminUserQuery>;

/** One row of the admin users table. */
export const AdminUserSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  role: Role,
  status: UserStatus,
  emailVerified: z.boolean(),
  twoFactorEnabled: z.boolean(),
  suspendedAt: z.string().nullable(),
  anonymisedAt: z.string().nullable(),
  createdAt: z.string(),
  /** The latest activity of any of the account's sessions; null when it never signed in. */
  lastSeenAt: z.string().nullable(),
});
export type AdminUserSummary = z.infer<typeof AdminUserSummary>;

export const AdminUserList = z.object({ items: z.array(AdminUserSummary), pageInfo: PageInfo });
export type AdminUserList = z.infer<typeof AdminUserList>;

export const AdminUserOrder = z.object({
  id: z.uuid(),
  number: z.string(),
  status: z.string(),
  currency: z.string(),
  totalMinor: z.number().int(),
  refundedMinor: z.number().int(),
  createdAt: z.string(),
});
export const AdminUserEnrollment = z.object({
  id: z.uuid(),
  courseId: z.uuid(),
  courseTitle: z.string(),
  courseSlug: z.string(),
  status: z.string(),
  source: z.string(),
  progressPercent: z.number().int(),
  grantedAt: z.string(),
  completedAt: z.string().nullable(),
});

/** `GET /api/admin/users/:id`: the profile and what the account holds. */
export const AdminUserDetail = z.object({
  user: UserDto.extend({
    status: UserStatus,
    suspendedAt: z.string().nullable(),
    anonymisedAt: z.string().nullable(),
    lastSeenAt: z.string().nullable(),
  }),
  /** The latest 10 orders; `counts.orders` has them all. */
  orders: z.array(AdminUserOrder),
  /** The latest 50 enrollments; `counts.enrollments` has them all. */
  enrollments: z.array(AdminUserEnrollment),
  /** The latest 20 entries of the security journal about this account. */
  authEvents: z.array(AuthEventDto),
  activeSessions: z.number().int(),
  /** Live sessions an admin opened as this user ("sign in as"). */
  impersonatedSessions: z.number().int(),
  counts: z.object({
    orders: z.number().int(),
    enrollments: z.number().int(),
    courses: z.number().int(),
    reviews: z.number().int(),
  }),
  /** A hard delete is allowed only for an account with no orders, enrollments, courses or reviews. */
  canDelete: z.boolean(),
});
export type AdminUserDetail = z.infer<typeof AdminUserDetail>;

/** `POST /api/admin/users/:id/anonymise`: the admin types the account's current email to confirm. */
export const AnonymiseUserBody = z.object({ confirmEmail: Email }).strict();
export type AnonymiseUserBody = z.infer<typeof AnonymiseUserBody>;

/** `POST /api/admin/users/:id/impersonate`: the browser is now signed in as `user`. */
export const ImpersonationResponse = z.object({
  user: UserDto,
  csrfToken: z.string(),
  expiresAt: z.string(),
});
export type ImpersonationResponse = z.infer<typeof ImpersonationResponse>;

/**
 * `POST /api/auth/impersonation/stop`: signed back in as the admin (`user`), or signed out (`null`)
 * when the admin account is no longer an active admin.
 */
export const StopImpersonationResponse = z.object({
  user: UserDto.nullable(),
  csrfToken: z.string().nullable(),
});
export type StopImpersonationResponse = z.infer<typeof StopImpersonationResponse>;

/** The event types of each kind. */
export const AuthEventKindTypes: Record<AuthEventKind, readonly AuthEventType[]> = {
  failed_sign_ins: ['sign_in_failure'],
  two_factor_failures: ['two_factor_failure'],
  throttling: ['sign_in_throttled'],
  admin_actions: [
    'role_changed',
    'suspended',
    'unsuspended',
    'impersonation_started',
    'impersonation_stopped',
    'anonymised',
  ],
};
