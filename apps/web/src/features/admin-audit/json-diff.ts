/** One line of a before/after comparison: a dotted path and its value on each side. */
export interface DiffRow {
  path: string;
  before: string | undefined;
  after: string | undefined;
  kind: 'same' | 'changed' | 'added' | 'removed';
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Flatten nested objects into `a.b.c` paths; arrays and scalars are leaves, shown as JSON. */
function flatten(value: unknown, prefix = '', out = new Map<string, string>()): Map<string, string> {
  if (isObject(value) && Object.keys(value).length > 0) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (value !== undefined && (prefix || value !== null)) {
    out.set(prefix || '(value)', JSON.stringify(value));
  }
  return out;
}

/** The two states side by side, path by path, in the order they first appear. */
export function diffJson(before: unknown, after: unknown): DiffRow[] {
  const a = flatten(before);
  const b = flatten(after);
  const paths = [...new Set([...a.keys(), ...b.keys()])];
  return paths.map((path) => {
    const x = a.get(path);
    const y = b.get(path);
    const kind = x === undefined ? 'added' : y === undefined ? 'removed' : x === y ? 'same' : 'changed';
    return { path, before: x, after: y, kind };
  });
}
