import { randomUUID } from 'node:crypto';
import type { Role } from '@9tangle/contracts';
import type { Executor } from '../db/client.ts';
import type { UserRow } from '../db/schema/index.ts';
import { usersRepo } from '../modules/identity/users.repo.ts';

/**
 * Factories shared by the tests and the demo seed: each builds a valid row with unique values, so
 * tests never collide and the demo data follows the same rules as real data.
 */
export async function buildUser(
  x: Executor,
  o: {
    role?: Role;
    name?: string;
    email?: string;
    passwordHash?: string | null;
    verified?: boolean;
    suspended?: boolean;
  } = {},
): Promise<UserRow> {
  const id = randomUUID().slice(0, 8);
  return usersRepo.insert(x, {
    name: o.name ?? `Test ${o.role ?? 'student'} ${id}`,
    email: (o.email ?? `${o.role ?? 'student'}-${id}@example.test`).toLowerCase(),
    role: o.role ?? 'student',
    passwordHash: o.passwordHash ?? null,
    emailVerifiedAt: o.verified === false ? null : new Date(),
    suspendedAt: o.suspended ? new Date() : null,
  });
}
