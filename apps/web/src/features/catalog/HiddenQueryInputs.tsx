import type { CatalogQuery } from '@9tangle/contracts';

type HiddenQueryInputsProps = { query: CatalogQuery; omit: ReadonlyArray<keyof CatalogQuery> };

/**
 * The current filters as hidden fields, so a GET form (search, sort) submitted without JavaScript keeps
 * them. Only set values are written: an empty `category=` would not parse and would drop every filter.
 */
export function HiddenQueryInputs({ query, omit }: HiddenQueryInputsProps) {
  const entries = Object.entries(query).filter(
    ([name, value]) =>
      !omit.includes(name as keyof CatalogQuery) &&
      name !== 'page' &&
      !(name === 'limit' && value === 12) &&
      value !== undefined &&
      value !== '',
  );
  return (
    <>
      {entries.map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={String(value)} />
      ))}
    </>
  );
}
