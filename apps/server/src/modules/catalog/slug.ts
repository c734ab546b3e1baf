import { randomBytes } from 'node:crypto';

/**
 * A URL slug from a title or name: accents folded (Lucía → lucia), anything else non-alphanumeric
 * becomes a dash. A title with no Latin letters (Urdu, say) gives `fallback` plus a short random suffix.
 */
export function slugify(text: string, fallback = 'course', maxLength = 60): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, maxLength)
    .replace(/^-+|-+$/g, '');
  return slug.length >= 2 ? slug : `${fallback}-${randomBytes(3).toString('hex')}`;
}

/**
 * The first of `base`, `base-2`, `base-3`, … not in `taken` (the slugs already starting with `base`).
 * The caller still handles a unique violation: another request may take the same slug meanwhile.
 */
export function nextFreeSlug(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!used.has(candidate)) return candidate;
  }
}

/** A short random suffix for instructor slugs (`ayesha-khan-3f9a`) when the plain name is taken. */
export const shortSuffix = () => randomBytes(2).toString('hex');

/** True for PostgreSQL's unique-violation error, whichever driver raised it. */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  for (let e: unknown = err; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const { code, constraint: name } = e as { code?: unknown; constraint?: unknown };
    if (code === '23505') return constraint === undefined || name === constraint;
  }
  return false;
}

/** True for PostgreSQL's foreign-key violation (a row still referenced, or a reference to nothing). */
export function isForeignKeyViolation(err: unknown): boolean {
  for (let e: unknown = err; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23503') return true;
  }
  return false;
}
