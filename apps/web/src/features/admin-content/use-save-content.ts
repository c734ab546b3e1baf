import type { SiteContentDto, SiteContentKey } from '@9tangle/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { siteContentKey } from '../content/content-queries.ts';
import { saveSiteContent } from './admin-content-api.ts';

export const adminContentKey = ['admin-site-content'] as const;

/** Save one key; the admin list and the public copy the site shows are refreshed. */
export function useSaveContent(key: SiteContentKey) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (value: unknown) => saveSiteContent(key, value),
    // The list is updated in place, not refetched: the open editor keeps its state and its "Saved".
    onSuccess: async (saved) => {
      client.setQueryData<{ items: SiteContentDto[] }>(adminContentKey, (old) =>
        old ? { items: old.items.map((i) => (i.key === saved.key ? saved : i)) } : old,
      );
      await client.invalidateQueries({ queryKey: siteContentKey(key) });
    },
  });
}
