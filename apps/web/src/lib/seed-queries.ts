import type { QueryClient } from '@tanstack/react-query';
import type { SeededQuery } from '../app-state.ts';

/**
 * How long seeded (server-rendered) answers count as fresh. Long enough that hydration and the first
 * clicks never refetch what the HTML already shows; hooks of public pages use the same value.
 */
export const SEEDED_STALE_TIME = 5 * 60_000;

/**
 * Puts the server's answers into the cache before the first render, on the server and again in the
 * browser, so both render the same markup. `undefined` cannot be cached; null ("not found") can.
 */
export function seedQueries(queryClient: QueryClient, queries: readonly SeededQuery[]): void {
  for (const { key, data } of queries) {
    if (data === undefined) continue;
    queryClient.setQueryData(key, data);
  }
}
