import type { FastifyInstance } from 'fastify';
import { badRequest } from './errors.ts';

/** The path of the first string holding a NUL character, or null. Bounded by the body limit. */
function findNul(value: unknown, path: string[] = []): string[] | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
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
 * a 500): any NUL in a body, query or path parameter is refused up front as 400 `validation_failed`.
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
