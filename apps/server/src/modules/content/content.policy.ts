/** Pure rules of the site content: ordering, grouping, and who receives the contact form. */

/** True when `ids` names every one of `current` exactly once (a reorder may not drop or add rows). */
export function isPermutationOf(ids: readonly string[], current: readonly string[]): boolean {
  if (ids.length !== current.length) return false;
  const want = new Set(current);
  const seen = new Set<string>();
  for (const id of ids) {
    if (!want.has(id) || seen.has(id)) return false;
    seen.add(id);
  }
  return true;
}

/**
 * Entries (already in position order) grouped by category; the categories come in the order of their
 * first entry, so moving an entry to the top moves its whole group up.
 */
export function groupByCategory<T extends { category: string }>(
  entries: readonly T[],
): { category: string; entries: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const e of entries) {
    const list = groups.get(e.category);
    if (list) list.push(e);
    else groups.set(e.category, [e]);
  }
  return [...groups].map(([category, list]) => ({ category, entries: list }));
}

/**
 * Who is mailed a contact message: the published contact address when there is one (that is where the
 * academy reads its mail), else every active admin; each address once, case-insensitively.
 */
export function contactRecipients(contactEmail: string, adminEmails: readonly string[]): string[] {
  const list = contactEmail.trim() ? [contactEmail.trim()] : adminEmails;
  const seen = new Set<string>();
  return list.filter((e) => {
    const k = e.toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The hourly bucket of a moment: contact-form counts are per sender and per clock hour. */
export const hourBucket = (at: Date) => Math.floor(at.getTime() / 3_600_000);
