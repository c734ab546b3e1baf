import { z } from 'zod';
import { PageInfo, Pagination } from './admin.ts';

/** One entry of the admin audit log (`GET /api/admin/audit`). */
export const AuditEntryDto = z.object({
  id: z.uuid(),
  actorId: z.uuid().nullable(),
  actorEmail: z.string().nullable(),
  /** The admin behind an impersonated session, when the actor was being impersonated. */
  impersonatorId: z.uuid().nullable(),
  /** That admin's current email (absent on older clients). */
  impersonatorEmail: z.string().nullable().optional(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  requestId: z.string().nullable(),
  statusCode: z.number().nullable(),
  createdAt: z.string(),
});
export type AuditEntryDto = z.infer<typeof AuditEntryDto>;

export const AuditQuery = Pagination.extend({
  /** Words found in the action, the target or the actor's email. */
  q: z.string().trim().max(200).optional(),
  actorId: z.uuid().optional(),
  /** Part of the actor's email, or of the impersonating admin's. */
  actor: z.string().trim().max(254).optional(),
  action: z.string().trim().max(200).optional(),
  targetType: z.string().trim().max(100).optional(),
  targetId: z.string().trim().max(200).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditList = z.object({ items: z.array(AuditEntryDto), pageInfo: PageInfo });
export type AuditList = z.infer<typeof AuditList>;
