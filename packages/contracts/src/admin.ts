import { z } from 'zod';
import { AuthEventType, Role } from './identity.ts';

export const Pagination = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export const PageInfo = z.object({
  page: z.number(),
  limit: z.number(),
  total: z.number(),
  pages: z.number(),
});

export const MailStatus = z.enum(['queued', 'sent', 'failed']);
export const MailSummary = z.object({
  id: z.uuid(),
  to: z.string(),
  subject: z.string(),
  template: z.string(),
  status: MailStatus,
  transport: z.string(),
  attempts: z.number(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export const MailList = z.object({ items: z.array(MailSummary), pageInfo: PageInfo });
export const MailDetail = MailSummary.extend({ html: z.string(), text: z.string() });
export const MailListQuery = Pagination.extend({
  status: MailStatus.optional(),
  to: z.string().max(254).optional(),
});

export const AdminUserPatch = z.object({ role: Role.optional(), suspended: z.boolean().optional() }).strict();

export const AuthEventDto = z.object({
  id: z.uuid(),
  type: AuthEventType,
  userId: z.uuid().nullable(),
  /** The account's current name and address (absent when the event names no known account). */
  userName: z.string().nullable().optional(),
  userEmail: z.string().nullable().optional(),
  /** The admin who acted (role changes, suspensions), when it was not the user. */
  actorId: z.uuid().nullable(),
  email: z.string().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
  createdAt: z.string(),
});
/** The groups of the "review failed authentication attempts" page. */
export type AuthEventDto = z.infer<typeof AuthEventDto>;

export const AuthEventKinds = [
  'failed_sign_ins',
  'two_factor_failures',
  'throttling',
  'admin_actions',
] as const;
export const AuthEventKind = z.enum(AuthEventKinds);
export type AuthEventKind = z.infer<typeof AuthEventKind>;

export const AuthEventQuery = Pagination.extend({
  type: AuthEventType.optional(),
  /** A group of types: `failed_sign_ins`, `two_factor_failures`, `throttling`, `admin_actions`. */
  kind: AuthEventKind.optional(),
  userId: z.uuid().optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  /** The exact address the request came from. */
  ip: z.union([z.ipv4(), z.ipv6()]).optional(),
  /** Part of the address typed at sign-in or of the account's email. */
  email: z.string().trim().min(1).max(254).optional(),
});
export type AuthEventQuery = z.infer<typeof AuthEventQuery>;
export const AuthEventList = z.object({
  items: z.array(AuthEventDto),
  pageInfo: PageInfo,
  /** Counts by type over the same range, IP, email and account, whatever the type or kind asked. */
  summary: z.array(z.object({ type: AuthEventType, count: z.number().int() })).optional(),
});
export type AuthEventList = z.infer<typeof AuthEventList>;

export const HealthStatus = z.enum(['UP', 'DEGRADED', 'DOWN']);
export const AdminHealth = z.object({
  status: HealthStatus,
  timestamp: z.string(),
  uptimeSeconds: z.number(),
  version: z.string(),
  database: z.object({
    kind: z.enum(['postgres', 'embedded']),
    status: z.enum(['CONNECTED', 'DISCONNECTED']),
    latencyMs: z.number().nullable(),
  }),
  redis: z.object({
    status: z.enum(['CONNECTED', 'DISCONNECTED', 'NOT_CONFIGURED']),
    latencyMs: z.number().nullable(),
  }),
  smtp: z.object({ status: z.enum(['CONFIGURED', 'OUTBOX']), failedLastHour: z.number() }),
  jobs: z.object({ queued: z.number(), failed: z.number() }),
  memory: z.object({ rssMb: z.number(), heapUsedMb: z.number(), heapTotalMb: z.number() }),
});
export type AdminHealth = z.infer<typeof AdminHealth>;
