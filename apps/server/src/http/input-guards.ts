import type { FastifyInstance } from 'fastify';
import { badRequest } from './errors.ts';

/** Deeper than any form or document the API takes; past it a body is refused, not walked. */
export const MAX_INPUT_DEPTH = 64;

type Flaw = 'nul' | 'surrogate';
/** A high surrogate with no low one after it, or a low one with no high one before it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** What PostgreSQL cannot store of a string: a NUL in text, or a lone surrogate (in jsonb). */
const flawOf = (s: string): Flaw | null =>
  s.includes('\u0000') ? 'nul' : LONE_SURROGATE.test(s) ? 'surrogate' : null;

/** The first string (or key) PostgreSQL could not store, and its path, or null. Bounded by the body limit. */
function findFlaw(value: unknown, path: string[] = []): { path: string[]; flaw: Flaw } | null {
  if (typeof value === 'string') {
    const flaw = flawOf(value);
    return flaw ? { path, flaw } : null;
  }
  // A body of 10,000 nested arrays parses fine but overflows the stack of any recursive walk (this
  // one, the validator's): refused as the client's fault.
  if (path.length > MAX_INPUT_DEPTH && value && typeof value === 'object')
    throw badRequest('validation_failed', `Values may be nested at most ${MAX_INPUT_DEPTH} deep`, [
      { path: path.slice(0, 8), message: 'Nested too deeply' },
    ]);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findFlaw(value[i], [...path, String(i)]);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const flaw = flawOf(key);
      if (flaw) return { path: [...path, key], flaw };
      const found = findFlaw(inner, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

/**
 * PostgreSQL text cannot hold a NUL character, and jsonb refuses a lone UTF-16 surrogate (`"\ud800"`
 * in JSON, which JSON.parse accepts): either fails the whole statement, which would surface as a 500
 * (an audit entry of a body with one was lost, found by the fuzzer). Both, in a body, query or path
 * parameter, are refused up front as 400 `validation_failed`, and so is a value nested deeper than
 * MAX_INPUT_DEPTH.
 */
export function registerInputGuards(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    for (const [part, value] of [
      ['body', req.body],
      ['query', req.query],
      ['params', req.params],
    ] as const) {
      const found = findFlaw(value);
      if (found?.flaw === 'nul')
        throw badRequest('validation_failed', 'Text may not contain NUL characters', [
          { path: [part, ...found.path], message: 'NUL characters are not allowed' },
        ]);
      if (found)
        throw badRequest('validation_failed', 'Text must be well-formed Unicode', [
          {
            path: [part, ...found.path],
            message: 'A lone surrogate (an unpaired \\uD800–\\uDFFF) is not allowed',
          },
        ]);
    }
  });
}
