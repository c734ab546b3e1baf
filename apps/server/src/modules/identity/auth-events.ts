import { AuthEventKindTypes, type AuthEventQuery, type AuthEventType } from '@9tangle/contracts';
import { and, count, desc, eq, gte, ilike, inArray, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { authEvents, users } from '../../db/schema/index.ts';
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
  /** The journal, newest first, filtered; with the account's current name and email (one join). */
  async list(x: Executor, q: AuthEventQuery) {
    const where = filters(q, true);
    const [items, [total]] = await Promise.all([
      x
        .select({ event: authEvents, userName: users.name, userEmail: users.email })
        .from(authEvents)
        .leftJoin(users, eq(users.id, authEvents.userId))
        .where(where)
        .orderBy(desc(authEvents.createdAt), desc(authEvents.id))
        .limit(q.limit)
        .offset((q.page - 1) * q.limit),
      x.select({ n: count() }).from(authEvents).leftJoin(users, eq(users.id, authEvents.userId)).where(where),
    ]);
    return { items, total: total?.n ?? 0 };
  },
  /** Counts by type over the same filters, whatever type or kind was asked (the page's summary). */
  async summary(x: Executor, q: AuthEventQuery) {
    const rows = await x
      .select({ type: authEvents.type, count: count() })
      .from(authEvents)
      .leftJoin(users, eq(users.id, authEvents.userId))
      .where(filters(q, false))
      .groupBy(authEvents.type)
      .orderBy(desc(count()));
    return rows.map((r) => ({ type: r.type as AuthEventType, count: Number(r.count) }));
  },
};

const like = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function filters(q: AuthEventQuery, withType: boolean): SQL | undefined {
  const types = q.kind ? [...AuthEventKindTypes[q.kind]] : [];
  return and(
    withType && q.type ? eq(authEvents.type, q.type) : undefined,
    withType && types.length ? inArray(authEvents.type, types) : undefined,
    q.userId ? eq(authEvents.userId, q.userId) : undefined,
    q.from ? gte(authEvents.createdAt, new Date(q.from)) : undefined,
    q.to ? lte(authEvents.createdAt, new Date(q.to)) : undefined,
    q.ip ? sql`${authEvents.ip} = ${q.ip}::inet` : undefined,
    q.email ? or(ilike(authEvents.email, like(q.email)), ilike(users.email, like(q.email))) : undefined,
  );
}
