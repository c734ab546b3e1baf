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
function findFlaw(value: unknown, depth = 0): { path: string[]; flaw: Flaw } | null {
  if (typeof value === 'string') {
    const flaw = flawOf(value);
    return flaw ? { path: [], flaw } : null;
  }
  if (!value || typeof value !== 'object') return null;
  // A raw body (the payment webhooks' signed bytes) is not text the database stores as such: its
  // bytes are not walked one by one (a 3 KB delivery was 3,000 entries).
  if (ArrayBuffer.isView(value)) return null;
  // A body of 10,000 nested arrays parses fine but overflows the stack of any recursive walk (this
  // one, the validator's): refused as the client's fault.
  if (depth > MAX_INPUT_DEPTH) throw tooDeep();
  // The path is built on the way back, only for what is found.
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findFlaw(value[i], depth + 1);
      if (found) return { path: [String(i), ...found.path], flaw: found.flaw };
    }
    return null;
  }
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    const flaw = flawOf(key);
    if (flaw) return { path: [key], flaw };
    const found = findFlaw((value as Record<string, unknown>)[key], depth + 1);
    if (found) return { path: [key, ...found.path], flaw: found.flaw };
  }
  return null;
}

const tooDeep = () =>
  badRequest('validation_failed', `Values may be nested at most ${MAX_INPUT_DEPTH} deep`, [
    { path: [], message: 'Nested too deeply' },
  ]);

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
