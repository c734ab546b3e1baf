import { isDeepStrictEqual } from 'node:util';
import fastJson from 'fast-json-stringify';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { type ZodType, z } from 'zod';

type SerializerArgs = Parameters<typeof zodSerializerCompiler>[0];

/**
 * Route answers written by a serialiser compiled from the route's response schema (ADR 055), not by
 * zod encoding the answer and `JSON.stringify` after it (a tenth of a signed-in read's CPU).
 *
 * The zod schema is converted to JSON Schema once (`z.toJSONSchema`, the output side) and compiled by
 * fast-json-stringify, Fastify's own serialiser. Like zod's, it writes only the properties the schema
 * names: a field the schema leaves out never reaches the client. A schema JSON Schema cannot express
 * (a transform, a date, a custom check), or one fast-json-stringify does not compile, keeps zod's
 * serialiser.
 *
 * With `verify` (the tests), each answer is written both ways and a difference is an error: the whole
 * suite is a differential test of the compiled serialisers against zod's.
 */
export function createFastSerializerCompiler(o: { verify: boolean }) {
  return (args: SerializerArgs): ((data: unknown) => string) => {
    const zod = zodSerializerCompiler(args);
    const fast = compile(args.schema);
    serializerCounts[fast ? 'compiled' : 'zod']++;
    if (!fast) return zod;
    if (!o.verify) return fast;
    return (data) => {
      const expected = zod(data);
      const got = fast(data);
      if (got !== expected && !isDeepStrictEqual(JSON.parse(got), JSON.parse(expected)))
        throw new Error(
          `the compiled serialiser of ${args.method} ${args.url} wrote ${got.slice(0, 500)} where zod wrote ${expected.slice(0, 500)}`,
        );
      return got;
    };
  };
}

/** How many response schemas this process compiled, and how many kept zod's serialiser. */
export const serializerCounts = { compiled: 0, zod: 0 };

/** fast-json-stringify's function for a route's zod schema, or null when it cannot be had. */
export function compile(schema: unknown): ((data: unknown) => string) | null {
  const zodSchema = zodOf(schema);
  if (!zodSchema) return null;
  try {
    const json = z.toJSONSchema(zodSchema, {
      io: 'output',
      target: 'draft-7',
      unrepresentable: 'throw',
      cycles: 'throw',
    }) as Record<string, unknown>;
    delete json.$schema;
    if (!expressible(json)) return null;
    return fastJson(json as unknown as Parameters<typeof fastJson>[0]);
  } catch {
    return null;
  }
}

function zodOf(schema: unknown): ZodType | null {
  if (schema instanceof z.ZodType) return schema;
  if (schema && typeof schema === 'object' && 'properties' in schema) {
    const inner = (schema as { properties: unknown }).properties;
    if (inner instanceof z.ZodType) return inner;
  }
  return null;
}

/**
 * What fast-json-stringify writes as zod would: no `$ref` across documents, no keyword it would
 * ignore or coerce differently (`not`, `if`, `patternProperties`, tuples' `items` arrays).
 */
function expressible(node: unknown): boolean {
  if (Array.isArray(node)) return node.every(expressible);
  if (!node || typeof node !== 'object') return true;
  const n = node as Record<string, unknown>;
  if ('not' in n || 'if' in n || 'patternProperties' in n || 'prefixItems' in n) return false;
  if (Array.isArray(n.items)) return false;
  if (typeof n.$ref === 'string' && !n.$ref.startsWith('#')) return false;
  return Object.values(n).every(expressible);
}
