import { hash, verify } from '@node-rs/argon2';

/** `Algorithm.Argon2id` of @node-rs/argon2 (a const enum, not importable as a value under isolated modules). */
const ARGON2ID = 2;

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
  /** True when a stored hash was made with other parameters than the current ones (rehash on sign-in). */
  needsRehash(hash: string): boolean;
}

/** argon2id with OWASP's minimum (m=19456 KiB, t=2, p=1) unless configured otherwise. */
export function createPasswordHasher(p: {
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}): PasswordHasher {
  const params = `m=${p.memoryCost},t=${p.timeCost},p=${p.parallelism}`;
  return {
    hash: (password) => hash(password, { algorithm: ARGON2ID, ...p }),
    verify: async (stored, password) => {
      try {
        return await verify(stored, password);
      } catch {
        return false;
      }
    },
    needsRehash: (stored) => !stored.startsWith('$argon2id$') || !stored.includes(`$${params}$`),
  };
}

/** A hash of a random password, verified against when the account is unknown so timing reveals nothing. */
export async function makeDummyHash(hasher: PasswordHasher): Promise<string> {
  return hasher.hash(`dummy-${Math.random()}`);
}
