import { useEffect, useState } from 'react';

/**
 * False on the server and during hydration, true afterwards: for controls that only make sense with
 * JavaScript (or are only needed without it), without a hydration mismatch.
 */
export function useIsHydrated(): boolean {
  const [isHydrated, setIsHydrated] = useState(false);
  useEffect(() => setIsHydrated(true), []);
  return isHydrated;
}
