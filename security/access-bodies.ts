/**
 * Valid-looking request bodies made from the app's own OpenAPI document (the zod schemas of its
 * routes): the smallest body each schema accepts, with ids filled from the world by field name, so a
 * denied actor meets a body an allowed one could send (a 400 cannot hide a wrong allow).
 */
export type Schema = {
  additionalProperties?: unknown;
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  prefixItems?: Schema[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
  minItems?: number;
  default?: unknown;
  nullable?: boolean;
};

export type IdFor = (field: string) => string | undefined;

export function sampleOf(s: Schema | undefined, field: string, idFor: IdFor, depth = 0): unknown {
  if (!s || depth > 8) return undefined;
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum.find((v) => v !== null) ?? s.enum[0];
  const union = s.anyOf ?? s.oneOf;
  if (union?.length) {
    const pick = union.find((u) => u.type !== 'null' && !u.nullable) ?? union[0];
    return sampleOf(pick, field, idFor, depth + 1);
  }
  if (s.allOf?.length) return sampleOf(s.allOf[0], field, idFor, depth + 1);
  const type = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  switch (type ?? (s.properties ? 'object' : undefined)) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of s.required ?? []) out[key] = sampleOf(s.properties?.[key], key, idFor, depth + 1);
      return out;
    }
    case 'array': {
      const n = Math.max(s.minItems ?? 0, s.prefixItems?.length ?? 0);
      return Array.from({ length: n }, (_, i) =>
        sampleOf(s.prefixItems?.[i] ?? s.items, field, idFor, depth + 1),
      );
    }
    case 'integer':
    case 'number': {
      const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : undefined);
      return Math.min(Math.max(min ?? 1, 1), s.maximum ?? Number.MAX_SAFE_INTEGER);
    }
    case 'boolean':
      return false;
    case 'string':
      return stringFor(s, field, idFor);
    default:
      return s.default ?? null;
  }
}

function stringFor(s: Schema, field: string, idFor: IdFor): string {
  switch (s.format) {
    case 'uuid':
      return idFor(field) ?? '00000000-0000-4000-8000-000000000000';
    case 'email':
      return `someone-${Date.now().toString(36)}@example.test`;
    case 'uri':
    case 'url':
      return 'https://example.test/page';
    case 'date':
      return new Date().toISOString().slice(0, 10);
    case 'date-time':
      return new Date(Date.now() + 86_400_000).toISOString();
  }
  if (/password/i.test(field)) return 'correct horse battery staple';
  if (/code$/i.test(field) && (s.minLength ?? 0) <= 6) return '123456';
  const len = Math.min(Math.max(s.minLength ?? 1, 8), s.maxLength ?? 64);
  return 'Sample text value for the access matrix'.slice(0, len).padEnd(len, 'x');
}

type OpenApi = {
  paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema: Schema }> } }>>;
};

/** The JSON body schema of a route (`:id` → `{id}` in OpenAPI), or undefined when it takes none. */
export function bodySchemaOf(doc: OpenApi, method: string, url: string): Schema | undefined {
  const path = url.replace(/:(\w+)/g, '{$1}');
  return doc.paths[path]?.[method.toLowerCase()]?.requestBody?.content?.['application/json']?.schema;
}
