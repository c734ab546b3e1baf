import { useQuery } from '@tanstack/react-query';
import { getCourse } from '../../api/catalog.ts';
import { SEEDED_STALE_TIME } from '../../lib/seed-queries.ts';
import { courseQueryKey } from '../catalog/catalog-queries.ts';
import { useMe } from '../session/use-me.ts';
import { usePlayerCourse } from './learning-queries.ts';
import { outlineFromCourse, outlineFromPlayer, type PlayerOutline } from './player-outline.ts';

export type PlayerOutlineState = {
  /** Null while loading, or when there is no such course. */
  outline: PlayerOutline | null;
  isPending: boolean;
};

/**
 * The sidebar's outline: the student's own (`GET /api/learning/courses/:slug`) when signed in,
 * verified and enrolled; otherwise the public course outline, in which only free previews open.
 */
export function usePlayerOutline(slug: string): PlayerOutlineState {
  const { data: me, isPending: isMePending } = useMe();
  const isVerified = me?.user.emailVerified === true;
  const player = usePlayerCourse(slug, isVerified);
  // Not enrolled (404), access ended (403), or nobody to ask for: fall back to the public outline.
  const needsPublic = !isMePending && (!isVerified || player.isError);
  const publicCourse = useQuery({
    queryKey: courseQueryKey(slug),
    queryFn: () => getCourse(slug),
    enabled: needsPublic,
    staleTime: SEEDED_STALE_TIME,
  });

  if (player.data) return { outline: outlineFromPlayer(player.data), isPending: false };
  if (needsPublic && publicCourse.data) {
    return { outline: outlineFromCourse(publicCourse.data), isPending: false };
  }
  const isPending =
    isMePending || (isVerified && player.isPending) || (needsPublic && publicCourse.isPending);
  return { outline: null, isPending };
}
