import type { AuthEventType } from '@9tangle/contracts';
import type { Client } from './harness.ts';

export interface AuthEventItem {
  id: string;
  type: AuthEventType;
  userId: string | null;
  actorId: string | null;
  email: string | null;
  ip: string | null;
  userAgent: string | null;
  details: Record<string, unknown> | null;
  createdAt: string;
}

/** The security journal as an admin reads it through GET /api/admin/auth-events, newest first. */
export async function authEvents(
  admin: Client,
  q: { type?: AuthEventType; userId?: string; page?: number; limit?: number },
): Promise<AuthEventItem[]> {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined) params.set(k, String(v));
  const res = await admin.get(`/api/admin/auth-events?${params}`);
  if (res.statusCode !== 200) throw new Error(`auth-events: ${res.statusCode} ${res.body}`);
  return res.json().items as AuthEventItem[];
}
