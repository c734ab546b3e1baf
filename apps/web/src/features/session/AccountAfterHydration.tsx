import type { MeResponse } from '@9tangle/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect } from 'react';
import { releaseHeldSubmits } from '../../lib/held-submits.ts';
import { meQueryKey } from './use-me.ts';

/**
 * Puts the signed-in account in place of the role's shell a shared page was rendered with (ADR 039),
 * once the page is hydrated: hydration must see exactly what the server rendered, and an effect runs
 * only after it. It wraps the router rather than sitting beside it: a sibling would make the client's
 * tree differ from the server's, and every `useId` under it (the ids that tie a dialog to its title, a
 * field to its label) would differ from the server HTML's.
 *
 * Its effect runs after every effect below it, so it is also where the page is marked hydrated and a
 * form submitted before that is sent again (`lib/held-submits.ts`).
 */
export function AccountAfterHydration({
  account,
  children,
}: {
  account: MeResponse | undefined;
  children: ReactNode;
}) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (account) queryClient.setQueryData(meQueryKey, account);
  }, [queryClient, account]);
  useEffect(() => releaseHeldSubmits(), []);
  return children;
}
