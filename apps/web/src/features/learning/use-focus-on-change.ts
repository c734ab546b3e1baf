import { type RefObject, useEffect, useRef } from 'react';

/**
 * Moves focus to `ref` (the lesson's heading) when `key` (the lesson) changes and its content is
 * ready, so screen-reader and keyboard users land on the new lesson. The lesson a page opens with
 * keeps the browser's own focus.
 */
export function useFocusOnChange(ref: RefObject<HTMLElement | null>, key: string, isReady: boolean): void {
  const focusedKey = useRef(key);
  useEffect(() => {
    if (!isReady || focusedKey.current === key) return;
    focusedKey.current = key;
    // A frame later: RootLayout's effect, which runs after this one (parents' effects run last),
    // focuses <main> on every path change and would otherwise take the focus back.
    requestAnimationFrame(() => {
      if (ref.current?.isConnected) ref.current.focus({ preventScroll: true });
    });
  }, [ref, key, isReady]);
}
