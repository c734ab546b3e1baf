import { availableParallelism } from 'node:os';
import { hash, verify } from '@node-rs/argon2';

/** `Algorithm.Argon2id` of @node-rs/argon2 (a const enum, not importable as a value under isolated modules). */
const ARGON2ID = 2;

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
  /** True when a stored hash was made with other parameters than the current ones (rehash on sign-in). */
  needsRehash(hash: string): boolean;
}

/**
 * At most `limit` of `run` at a time, the rest waiting in turn. Each argon2 call holds its memory cost
 * (19 MiB) in a libuv thread while it runs; more calls at once than cores finish a burst only a little
 * sooner (ADR 053), but hold that memory together and take the threads file reads and compression need.
 */
export function limitConcurrency(limit: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async <T>(run: () => Promise<T>): Promise<T> => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    else running += 1;
    try {
      return await run();
    } finally {
      // The slot passes to the next in line, or is freed.
      const next = waiting.shift();
      if (next) next();
      else running -= 1;
    }
  };
}

/**
 * argon2id with OWASP's minimum (m=19456 KiB, t=2, p=1) unless configured otherwise; at most
 * `concurrency` hashes or verifications at once (one per core by default: a burst of sign-ins then
 * peaks at cores × the memory cost, not 4 × it, for about a tenth more time; `bench/argon2-burst.ts`).
 */
export function createPasswordHasher(p: {
  memoryCost: number;
  timeCost: number;
  parallelism: number;
  concurrency?: number;
}): PasswordHasher {
  const { concurrency, ...cost } = p;
  const params = `m=${cost.memoryCost},t=${cost.timeCost},p=${cost.parallelism}`;
  const slot = limitConcurrency(Math.max(1, concurrency ?? availableParallelism()));
  return {
    hash: (password) => slot(() => hash(password, { algorithm: ARGON2ID, ...cost })),
    verify: (stored, password) =>
      slot(async () => {
        try {
          return await verify(stored, password);
        } catch {
          return false;
        }
      }),
    needsRehash: (stored) => !stored.startsWith('$argon2id$') || !stored.includes(`$${params}$`),
  };
}

/** A hash of a random password, verified against when the account is unknown so timing reveals nothing. */
export async function makeDummyHash(hasher: PasswordHasher): Promise<string> {
  return hasher.hash(`dummy-${Math.random()}`);
}
