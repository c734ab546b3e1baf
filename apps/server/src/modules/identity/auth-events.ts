import type { AuthEventType } from '@9tangle/contracts';
import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { authEvents } from '../../db/schema/index.ts';
import type { RequestMeta } from './identity.types.ts';

export interface AuthEventInput {
  type: AuthEventType;
  userId?: string | null;
  email?: string | null;
  actorId?: string | null;
  details?: Record<string, unknown>;
}

/** The security journal: every sign-in, failure, reset, change of role or suspension. */
export const authEventsRepo = {
  async record(x: Executor, meta: RequestMeta, e: AuthEventInput): Promise<void> {
    await x.insert(authEvents).values({
      type: e.type,
      userId: e.userId ?? null,
      email: e.email ?? null,
      actorId: e.actorId ?? null,
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 500) ?? null,
      details: e.details ?? null,
    });
  },
  async list(x: Executor, q: { page: number; limit: number; type?: AuthEventType; userId?: string }) {
    const where: SQL | undefined = and(
      q.type ? eq(authEvents.type, q.type) : undefined,
      q.userId ? eq(authEvents.userId, q.userId) : undefined,
    );
    const [items, [total]] = await Promise.all([
      x
        .select()
        .from(authEvents)
        .where(where)
        .orderBy(desc(authEvents.createdAt))
        .limit(q.limit)
        .offset((q.page - 1) * q.limit),
      x.select({ n: count() }).from(authEvents).where(where),
    ]);
    return { items, total: total?.n ?? 0 };
  },
};
