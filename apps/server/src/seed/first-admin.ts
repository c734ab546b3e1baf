import { eq } from 'drizzle-orm';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { users } from '../db/schema/index.ts';
import { SETUP_TTL_MS } from '../modules/identity/identity.deps.ts';
import type { PasswordHasher } from '../modules/identity/passwords.ts';
import { tokensRepo } from '../modules/identity/tokens.repo.ts';
import { usersRepo } from '../modules/identity/users.repo.ts';
import { type Clock, systemClock } from '../platform/clock.ts';
import { randomToken, sha256 } from '../platform/crypto.ts';

export type FirstAdmin =
  | { state: 'ready'; email: string }
  | { state: 'from_env'; email: string }
  | { state: 'setup_link'; email: string; url: string };

/**
 * Make sure the academy has an admin. There is no default password: with ADMIN_EMAIL/ADMIN_PASSWORD the
 * admin is created from them; otherwise the admin gets a one-time setup link (7 days), renewed at each
 * boot until it has been used.
 */
export async function ensureFirstAdmin(
  db: Db,
  config: Config,
  hasher: PasswordHasher,
  clock: Clock = systemClock,
): Promise<FirstAdmin> {
  const email = (
    config.admin.email ??
    `admin@${config.http.publicUrl.hostname === 'localhost' ? '9tangle.local' : config.http.publicUrl.hostname}`
  ).toLowerCase();
  const admins = await db.select().from(users).where(eq(users.role, 'admin')).limit(5);
  const withPassword = admins.find((a) => a.passwordHash);
  if (withPassword) return { state: 'ready', email: withPassword.email };

  const now = clock.now();
  if (config.admin.password) {
    const passwordHash = await hasher.hash(config.admin.password);
    const existing = await usersRepo.findByEmail(db, email);
    if (existing)
      await usersRepo.update(db, existing.id, { role: 'admin', passwordHash, emailVerifiedAt: now });
    else
      await usersRepo.insert(db, {
        email,
        name: 'Administrator',
        role: 'admin',
        passwordHash,
        emailVerifiedAt: now,
      });
    return { state: 'from_env', email };
  }

  const token = randomToken();
  await db.transaction(async (tx) => {
    const admin = admins[0] ?? (await usersRepo.insert(tx, { email, name: 'Administrator', role: 'admin' }));
    // Only the newest link works: the one printed at this boot.
    await tokensRepo.invalidatePasswordTokens(tx, admin.id, now);
    await tokensRepo.insertPasswordToken(tx, {
      userId: admin.id,
      purpose: 'setup',
      tokenHash: sha256(token),
      expiresAt: new Date(now.getTime() + SETUP_TTL_MS),
    });
  });
  const url = new URL('/reset-password', config.http.publicUrl);
  url.searchParams.set('token', token);
  url.searchParams.set('setup', '1');
  return { state: 'setup_link', email: admins[0]?.email ?? email, url: url.toString() };
}
