import {
  type SiteContentEntry,
  type SiteContentKey,
  type SiteContentValue,
  siteContentDefaults,
} from '@9tangle/contracts';
import { useQuery } from '@tanstack/react-query';
import { SEEDED_STALE_TIME } from '../../lib/seed-queries.ts';
import { getFaq, getSiteContent, getTeam } from './content-api.ts';

// These keys are part of the server-rendering contract: the server seeds answers under exactly these
// keys (apps/server/src/modules/content/content.pages.ts).
export const siteContentKey = (key: SiteContentKey) => ['site-content', key] as const;
export const siteTeamKey = ['site-team'] as const;
export const siteFaqKey = ['site-faq'] as const;

/** A key's value, its default while loading or when the request fails (a page never breaks on it). */
export function useSiteContent<K extends SiteContentKey>(key: K): SiteContentValue<K> {
  const { data } = useQuery<SiteContentEntry<K>>({
    queryKey: siteContentKey(key),
    queryFn: () => getSiteContent(key),
    staleTime: SEEDED_STALE_TIME,
  });
  return (data?.value ?? siteContentDefaults[key]) as SiteContentValue<K>;
}

export function useTeam() {
  return useQuery({ queryKey: siteTeamKey, queryFn: getTeam, staleTime: SEEDED_STALE_TIME });
}

export function useFaq() {
  return useQuery({ queryKey: siteFaqKey, queryFn: getFaq, staleTime: SEEDED_STALE_TIME });
}
