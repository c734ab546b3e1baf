import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { Database } from '../../../db/client.ts';
import { auditRepo } from './audit.repo.ts';

/**
 * The admin audit trail (issue 5, ADR 034). Every successful write an admin makes under `/api/admin/`
 * or `/api/studio/`, and every write made in an impersonated session, is recorded by one `onSend`
 * hook, so no route can forget it. A handler or service adds meaning with `audit(req, …)`: a named
 * action, the target, the state before and after. Without it the entry says `<METHOD> <route>`, the
 * route's id parameter and the request body with secrets blanked. A route outside those paths (signing
 * in as a user, say) is recorded when it calls `audit(req, …)`.
 */
export interface AuditDetail {
  /** A dotted name: `user.role_changed`, `announcement.created`, `impersonation.started`. */
  action?: string;
  targetType?: string;
  targetId?: string;
  before?: unknown;
  after?: unknown;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** What the audit trail records for this request; set through `audit(req, …)`. */
    auditDetail: AuditDetail | null;
  }
}

/** Describe this request's admin action for the audit log (merged with any earlier call). */
export function audit(req: FastifyRequest, detail: AuditDetail): void {
  req.auditDetail = { ...(req.auditDetail ?? {}), ...detail };
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const AUDITED_PREFIXES = ['/api/admin/', '/api/studio/'];
const SECRET_KEY = /pass(word)?|token|secret|^code$|otp|recovery|signature|authorization|cookie/i;
const MAX_JSON_CHARS = 8_000;

/** Blank secrets, anywhere in the body, and cap the size of what is kept. */
export function redactForAudit(value: unknown, depth = 0): unknown {
  if (value === null || value === undefined) return value ?? null;
  if (depth > 6) return '[deep]';
  if (Array.isArray(value)) return value.slice(0, 100).map((v) => redactForAudit(v, depth + 1));
  if (typeof value === 'object') {
    if (Buffer.isBuffer(value)) return '[binary]';
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>))
      out[k] = SECRET_KEY.test(k) ? '[redacted]' : redactForAudit(v, depth + 1);
    return out;
  }
  if (typeof value === 'string' && value.length > 2_000) return `${value.slice(0, 2_000)}…`;
  return value;
}

function capped(value: unknown): unknown {
  if (value === undefined) return null;
  const redacted = redactForAudit(value);
  const json = JSON.stringify(redacted) ?? 'null';
  return json.length > MAX_JSON_CHARS ? { truncated: true, chars: json.length } : redacted;
}

function defaultTarget(req: FastifyRequest): { targetType: string | null; targetId: string | null } {
  const route = req.routeOptions.url ?? req.url;
  const prefix = AUDITED_PREFIXES.find((p) => route.startsWith(p));
  const targetType = prefix ? (route.slice(prefix.length).split('/')[0] ?? null) : null;
  const p = (req.params ?? {}) as Record<string, unknown>;
  const id = p.id ?? p.number ?? p.userId ?? p.slug ?? p.code ?? p.key ?? null;
  return { targetType: targetType || null, targetId: typeof id === 'string' ? id : null };
}

function isAudited(req: FastifyRequest): boolean {
  if (req.auditDetail) return true;
  if (!UNSAFE.has(req.method) || !req.user) return false;
  if (req.user.impersonatorId) return true;
  return req.user.role === 'admin' && AUDITED_PREFIXES.some((p) => req.url.startsWith(p));
}

export function registerAuditTrail(app: FastifyInstance, d: { database: Database; log: Logger }) {
  app.decorateRequest('auditDetail', null);
  app.addHook('onSend', async (req, reply, payload) => {
    if (reply.statusCode >= 400 || !isAudited(req)) return payload;
    const detail = req.auditDetail ?? {};
    const fallback = defaultTarget(req);
    const isMultipart = String(req.headers['content-type'] ?? '').startsWith('multipart/');
    const ua = req.headers['user-agent'];
    try {
      await auditRepo.insert(d.database.db, {
        actorId: req.user?.id ?? null,
        actorEmail: req.user?.email ?? null,
        impersonatorId: req.user?.impersonatorId ?? null,
        action: detail.action ?? `${req.method} ${req.routeOptions.url ?? req.url.split('?')[0]}`,
        targetType: detail.targetType ?? fallback.targetType,
        targetId: detail.targetId ?? fallback.targetId,
        before: detail.before === undefined ? null : capped(detail.before),
        after: capped(detail.after !== undefined ? detail.after : isMultipart ? null : req.body),
        ip: req.ip ?? null,
        userAgent: typeof ua === 'string' ? ua.slice(0, 500) : null,
        requestId: req.id,
        statusCode: reply.statusCode,
      });
    } catch (err) {
      // The action itself has happened; losing its trace is an operator-visible error, not the user's.
      d.log.error({ err, reqId: req.id }, 'audit entry not recorded');
    }
    return payload;
  });
}
