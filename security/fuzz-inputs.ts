import fc from 'fast-check';
import { hostileString, hostileValue, rawBodies } from './fuzz-values.ts';

/**
 * The fuzzer's bad inputs, as fast-check arbitraries: hostile strings and values, and requests built
 * from a route's OpenAPI operation (its Zod schemas as JSON Schema) with one part made wrong.
 */

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  nullable?: boolean;
  default?: unknown;
}

export interface Operation {
  method: string;
  /** The route's URL pattern, Fastify style (`/api/courses/:slug`). */
  url: string;
  pathParams: Record<string, JsonSchema>;
  query: Record<string, JsonSchema>;
  body: JsonSchema | null;
}

export interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string;
  /** What was made wrong, for the failure report. */
  kind: string;
}

/** A plausible value for a schema: what the route would accept, so a mutation elsewhere gets deep. */
export function plausible(schema: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 6) return fc.constant('x');
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  const alts = schema.anyOf ?? schema.oneOf;
  if (alts?.length) return fc.oneof(...alts.map((s) => plausible(s, depth + 1)));
  if (schema.allOf?.[0]) return plausible(schema.allOf[0], depth + 1);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'string': {
      if (schema.format === 'uuid') return fc.uuid();
      if (schema.format === 'email') return fc.constant('fuzz@example.test');
      if (schema.format === 'date-time') return fc.constant(new Date(Date.UTC(2026, 0, 1)).toISOString());
      const min = schema.minLength ?? 1;
      const max = Math.max(min, Math.min(schema.maxLength ?? 20, 20));
      return fc.string({ minLength: min, maxLength: max, unit: 'grapheme-ascii' });
    }
    case 'integer':
      return fc.integer({ min: schema.minimum ?? 0, max: Math.min(schema.maximum ?? 100, 10_000) });
    case 'number':
      return fc.double({ min: schema.minimum ?? 0, max: schema.maximum ?? 100, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(plausible(schema.items, depth + 1), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.max(schema.minItems ?? 0, 3),
      });
    case 'object': {
      const props = schema.properties ?? {};
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, s] of Object.entries(props)) record[k] = plausible(s, depth + 1);
      return fc.record(record, { requiredKeys: (schema.required ?? []).filter((k) => k in props) });
    }
    default:
      return fc.constant(null);
  }
}

/** Replace the value at one random path of a plausible body (or add a stray or polluting key). */
function mutateOne(value: unknown, bad: unknown, pick: number, extraKey: string): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const keys = Object.keys(value);
    const obj = { ...(value as Record<string, unknown>) };
    if (keys.length === 0 || pick % 7 === 6) {
      Object.defineProperty(obj, extraKey, {
        value: bad,
        enumerable: true,
        configurable: true,
        writable: true,
      });
      return obj;
    }
    const key = keys[pick % keys.length] as string;
    obj[key] = pick % 3 === 0 ? mutateOne(obj[key], bad, Math.floor(pick / 3), extraKey) : bad;
    return obj;
  }
  if (Array.isArray(value) && value.length > 0) {
    const copy = [...value];
    copy[pick % copy.length] = bad;
    return copy;
  }
  return bad;
}

const pollutingKeys = ['__proto__', 'constructor', 'prototype', 'role', 'isAdmin', 'userId', 'price', 'x'];

/** Percent-encoded; a lone surrogate (which has no UTF-8) goes as the raw bytes of one, `%ED%A0%80`. */
function enc(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return `%ED%A0%80${encodeURIComponent(s.toWellFormed())}`;
  }
}

/** The raw path segment for a bad parameter: encoded, or left raw for the path tricks. */
const badSegment: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: hostileString.map((s) => enc(s.slice(0, 400))) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '..',
      '.',
      '%2e%2e',
      '..%2f..%2f..%2fetc%2fpasswd',
      '%2e%2e%5c%2e%2e',
      '%00',
      '%ff',
      '%C0%AE%C0%AE',
      '%',
      'a%2Fb',
      '..;',
      'x'.repeat(250),
      '%F0%9F%92%A9',
      '%ED%A0%80',
    ),
  },
);

const badHeaders: fc.Arbitrary<Record<string, string>> = fc.oneof(
  fc.constant({}),
  fc.record(
    {
      'content-type': fc.constantFrom(
        'application/json; charset=utf-16',
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data',
        'multipart/form-data; boundary=',
        'application/xml',
        'application/json; charset=latin1',
        '*/*',
        'application/json, text/html',
      ),
      'accept-language': hostileString.map((s) => s.replace(/[^\x20-\x7e]/g, '').slice(0, 500)),
      'if-none-match': fc.constantFrom('*', 'W/"x"', '"', ',,,,', 'W/', '"a", W/"b", *'),
      range: fc.constantFrom(
        'bytes=0-',
        'bytes=-1',
        'bytes=5-1',
        'bytes=0-1,2-3,4-5',
        'bytes=x-y',
        'items=0-9',
      ),
      'x-forwarded-for': fc.constantFrom('::1, 256.256.256.256', 'unknown', '1.2.3.4, , ,'),
      'x-request-id': fc.constantFrom('../../x', 'a'.repeat(500), '\u00ff\u00fe'),
      authorization: fc.constantFrom(
        'Bearer ',
        'Bearer x',
        'Basic YWRtaW46YWRtaW4=',
        `Bearer ${'a'.repeat(4096)}`,
      ),
      'x-csrf-token': fc.constantFrom('', 'x', 'null'),
      cookie: fc.constantFrom('sid=../../x', 'lang=../../etc', 'csrf_token=%ff', 'a=b; ; ; c'),
      accept: fc.constantFrom('*/*', 'text/html', 'application/xml', 'image/*'),
      'accept-encoding': fc.constantFrom('gzip;q=2', 'br, *;q=0', 'identity;q=0', 'x'),
    },
    { requiredKeys: [] },
  ),
);

function fill(url: string, params: Record<string, string>): string {
  return url.replace(/:(\w+)/g, (_, name: string) => params[name] ?? 'x').replace(/\*$/, params['*'] ?? 'x');
}

function query(q: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(q)) {
    for (const one of Array.isArray(v) ? v : [v])
      parts.push(`${enc(k)}=${enc(typeof one === 'string' ? one : JSON.stringify(one))}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

/** A request to an operation with one part made wrong: path, query, body, raw body or headers. */
export function badRequestFor(op: Operation): fc.Arbitrary<FuzzRequest> {
  const paramNames = [...op.url.matchAll(/:(\w+)/g)].map((m) => m[1] as string);
  if (op.url.endsWith('*')) paramNames.push('*');
  const goodParams = fc.record(
    Object.fromEntries(
      paramNames.map((n) => [
        n,
        plausible(op.pathParams[n] ?? { type: 'string' }).map((v) => enc(String(v))),
      ]),
    ) as Record<string, fc.Arbitrary<string>>,
  );
  const goodQuery = plausible({ type: 'object', properties: op.query, required: [] }) as fc.Arbitrary<
    Record<string, unknown>
  >;
  const hasBody = op.method !== 'GET' && op.method !== 'DELETE' && op.method !== 'OPTIONS';
  const goodBody = op.body ? plausible(op.body) : fc.constant({});
  const json = { 'content-type': 'application/json' };

  const build = (
    kind: string,
    params: Record<string, string>,
    q: Record<string, unknown>,
    body: unknown,
    headers: Record<string, string> = {},
    raw?: string,
  ): FuzzRequest => ({
    method: op.method,
    url: fill(op.url, params) + query(q),
    headers: hasBody ? { ...json, ...headers } : headers,
    ...(hasBody ? { payload: raw ?? JSON.stringify(body) } : {}),
    kind,
  });

  const variants: fc.Arbitrary<FuzzRequest>[] = [
    fc.tuple(goodQuery, goodBody, badSegment, fc.nat()).chain(([q, b, seg, pick]) =>
      goodParams.map((p) => {
        const name = paramNames[pick % Math.max(1, paramNames.length)];
        return build('path', name ? { ...p, [name]: seg } : p, q, b);
      }),
    ),
    fc
      .tuple(goodParams, goodQuery, goodBody, hostileValue, fc.nat(), fc.constantFrom(...pollutingKeys))
      .map(([p, q, b, bad, pick, key]) => {
        const mutated = mutateOne(q, bad, pick, key) as Record<string, unknown>;
        return build('query', p, mutated, b);
      }),
    fc.tuple(goodParams, goodQuery, goodBody, badHeaders).map(([p, q, b, h]) => build('headers', p, q, b, h)),
  ];
  if (hasBody) {
    variants.push(
      fc
        .tuple(goodParams, goodBody, hostileValue, fc.nat(), fc.constantFrom(...pollutingKeys))
        .map(([p, b, bad, pick, key]) => build('body field', p, {}, mutateOne(b, bad, pick, key))),
      fc.tuple(goodParams, hostileValue).map(([p, bad]) => build('whole body', p, {}, bad)),
      fc
        .tuple(goodParams, fc.constantFrom(...rawBodies))
        .map(([p, raw]) => build('raw body', p, {}, null, {}, raw)),
    );
  }
  return fc.oneof(...variants);
}

/** The operations of an OpenAPI document, keyed back to the route table's Fastify URL patterns. */
export function operationsOf(
  doc: { paths: Record<string, Record<string, OpenApiOperation>> },
  routes: { method: string; url: string }[],
): Operation[] {
  const byKey = new Map<string, OpenApiOperation>();
  for (const [path, methods] of Object.entries(doc.paths)) {
    const url = path.replace(/\{(\w+)\}/g, ':$1');
    for (const [m, op] of Object.entries(methods)) byKey.set(`${m.toUpperCase()} ${url}`, op);
  }
  return routes
    .filter((r) => r.method !== 'OPTIONS' || r.url !== '*')
    .map((r) => {
      const op = byKey.get(`${r.method} ${r.url}`);
      const pathParams: Record<string, JsonSchema> = {};
      const q: Record<string, JsonSchema> = {};
      for (const p of op?.parameters ?? []) {
        if (p.in === 'path') pathParams[p.name] = p.schema ?? {};
        if (p.in === 'query') q[p.name] = p.schema ?? {};
      }
      const body = op?.requestBody?.content?.['application/json']?.schema ?? null;
      return { method: r.method, url: r.url, pathParams, query: q, body };
    });
}

export interface OpenApiOperation {
  parameters?: { in: string; name: string; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}
