import { createContext, useContext } from 'react';

export type PageHead = { title: string; description: string; noIndex: boolean };

/**
 * Filled in while the server renders a page: the page's head tags and HTTP status. Null in the
 * browser, where `PageMeta` sets `document.title` instead.
 */
export type RenderRecorder = { head: PageHead | null; status: number };

export const RenderRecorderContext = createContext<RenderRecorder | null>(null);

export function useRenderRecorder(): RenderRecorder | null {
  return useContext(RenderRecorderContext);
}
