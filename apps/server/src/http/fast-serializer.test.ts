import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestApp } from '../../test/harness.ts';
import { compile, createFastSerializerCompiler, serializerCounts } from './fast-serializer.ts';

const Course = z.object({
  id: z.string().uuid(),
  title: z.string(),
  level: z.enum(['beginner', 'advanced']),
  rating: z.number().nullable(),
  tags: z.array(z.string()),
  price: z.object({ minor: z.number().int(), currency: z.string() }).optional(),
  extra: z.record(z.string(), z.number()),
});
const data = {
  id: '0b7f2f3e-6a55-4c8e-9a59-3f0c2a6f1f11',
  title: 'Python "from scratch" — 😀',
  level: 'beginner',
  rating: null,
  tags: ['a', 'b'],
  extra: { views: 3 },
  passwordHash: 'must never be written',
};

describe('the compiled serialiser', () => {
  it('writes what zod writes, and only the properties the schema names', () => {
    const fast = compile(Course);
    expect(fast).not.toBeNull();
    const out = fast?.(data) ?? '';
    expect(JSON.parse(out)).toEqual(Course.parse(data));
    expect(out).not.toContain('passwordHash');
  });

  it('keeps zod for what JSON Schema cannot say: transforms and dates', () => {
    expect(compile(z.object({ at: z.date() }))).toBeNull();
    expect(compile(z.object({ n: z.string().transform((s) => s.length) }))).toBeNull();
  });

  it('with verify, refuses an answer the two write differently', () => {
    const serialize = createFastSerializerCompiler({ verify: true })({
      schema: z.object({ n: z.number().int() }),
      method: 'GET',
      url: '/x',
      httpStatus: '200',
    });
    expect(serialize({ n: 3 })).toBe('{"n":3}');
    // zod refuses 2.5 for an integer; fast-json-stringify would truncate it to 2.
    expect(() => serialize({ n: 2.5 })).toThrow();
  });

  it('serves most routes of the app', async () => {
    const before = { ...serializerCounts };
    const t = await createTestApp();
    try {
      await t.app.ready();
      const compiled = serializerCounts.compiled - before.compiled;
      const kept = serializerCounts.zod - before.zod;
      console.log('response schemas compiled / kept on zod', { compiled, kept });
      expect(compiled).toBeGreaterThan(kept);
    } finally {
      await t.close();
    }
  });
});
