import type { UserRow } from '../src/db/schema/index.ts';
import { createPasswordHasher } from '../src/modules/identity/passwords.ts';
import { usersRepo } from '../src/modules/identity/users.repo.ts';
import { Client, STRONG_PASSWORD, type TestApp } from './harness.ts';

/** Give a factory-built user a password and sign in through the API; returns the signed-in client. */
export async function signInAs(t: TestApp, user: UserRow, password = STRONG_PASSWORD): Promise<Client> {
  const hasher = createPasswordHasher(t.config.argon2);
  await usersRepo.update(t.platform.database.db, user.id, { passwordHash: await hasher.hash(password) });
  const client = new Client(t.app);
  const res = await client.post('/api/auth/login', { email: user.email, password });
  if (res.statusCode !== 200 || res.json().status !== 'ok')
    throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  return client;
}
