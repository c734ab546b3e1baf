import type { AuditQuery } from '@9tangle/contracts';
import { and, count, desc, eq, gte, ilike, lte, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../../db/client.ts';
import { auditLog, users } from '../../../db/schema/index.ts';

const impersonator = alias(users, 'impersonator');

export type AuditInsert = typeof auditLog.$inferInsert;

const like = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The admin audit log: appended to, searched, never updated. */
export const auditRepo = {
  async insert(x: Executor, entry: AuditInsert) {
    await x.insert(auditLog).values(entry);
  },

  async list(x: Executor, q: AuditQuery) {
    const where: SQL[] = [];
    if (q.actorId) where.push(eq(auditLog.actorId, q.actorId));
    if (q.actor) {
      const who = or(ilike(auditLog.actorEmail, like(q.actor)), ilike(impersonator.email, like(q.actor)));
      if (who) where.push(who);
    }
    if (q.action) where.push(ilike(auditLog.action, like(q.action)));
    if (q.targetType) where.push(eq(auditLog.targetType, q.targetType));
    if (q.targetId) where.push(eq(auditLog.targetId, q.targetId));
    if (q.from) where.push(gte(auditLog.createdAt, new Date(q.from)));
    if (q.to) where.push(lte(auditLog.createdAt, new Date(q.to)));
    if (q.q) {
      const words = like(q.q);
      const any = or(
        ilike(auditLog.action, words),
        ilike(auditLog.targetId, words),
        ilike(auditLog.targetType, words),
        ilike(auditLog.actorEmail, words),
      );
      if (any) where.push(any);
    }
    const cond = where.length ? and(...where) : undefined;
    const [items, [total]] = await Promise.all([
      x
        .select({ entry: auditLog, impersonatorEmail: impersonator.email })
        .from(auditLog)
        .leftJoin(impersonator, eq(impersonator.id, auditLog.impersonatorId))
        .where(cond)
        .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
        .limit(q.limit)
        .offset((q.page - 1) * q.limit),
      x
        .select({ n: count() })
        .from(auditLog)
        .leftJoin(impersonator, eq(impersonator.id, auditLog.impersonatorId))
        .where(cond),
    ]);
    return {
      items: items.map((r) => ({ ...r.entry, impersonatorEmail: r.impersonatorEmail })),
      total: total?.n ?? 0,
    };
  },
};
