import type { FastifyInstance } from 'fastify';
import { badRequest } from './errors.ts';

/** Deeper than any form or document the API takes; past it a body is refused, not walked. */
export const MAX_INPUT_DEPTH = 64;

/** The path of the first string holding a NUL character, or null. Bounded by the body limit. */
function findNul(value: unknown, path: string[] = []): string[] | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  // A body of 10,000 nested arrays parses fine but overflows the stack of any recursive walk (this
  // one, the validator's): refused as the client's fault.
  if (path.length > MAX_INPUT_DEPTH && value && typeof value === 'object')
    throw badRequest('validation_failed', `Values may be nested at most ${MAX_INPUT_DEPTH} deep`, [
      { path: path.slice(0, 8), message: 'Nested too deeply' },
    ]);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findNul(value[i], [...path, String(i)]);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key.includes('\u0000')) return [...path, key];
      const found = findNul(inner, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

/**
 * PostgreSQL text cannot hold a NUL character (it fails the whole statement, which would surface as
 * a 500): any NUL in a body, query or path parameter is refused up front as 400 `validation_failed`,
 * and so is a value nested deeper than MAX_INPUT_DEPTH.
 */
export function registerInputGuards(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    for (const [part, value] of [
      ['body', req.body],
      ['query', req.query],
      ['params', req.params],
    ] as const) {
      const path = findNul(value);
      if (path)
        throw badRequest('validation_failed', 'Text may not contain NUL characters', [
          { path: [part, ...path], message: 'NUL characters are not allowed' },
        ]);
    }
  });
}
