import { createContext, useContext } from 'react';

/** A schema.org object, written into the head as `<script type="application/ld+json">`. */
export type JsonLd = Record<string, unknown>;

export type PageHead = {
  title: string;
  description: string;
  noIndex: boolean;
  /** Path (and query) of the canonical URL; the request's path when absent. */
  canonicalPath?: string | undefined;
  /** og:image: absolute, or a same-origin path (`/media/…`) that gets the public origin. */
  image?: string | null | undefined;
  jsonLd?: JsonLd[] | undefined;
};

/**
 * Filled in while the server renders a page: the page's head tags and HTTP status. Null in the
 * browser, where `PageMeta` sets `document.title` instead.
 */
export type RenderRecorder = { head: PageHead | null; status: number };

export const RenderRecorderContext = createContext<RenderRecorder | null>(null);

export function useRenderRecorder(): RenderRecorder | null {
  return useContext(RenderRecorderContext);
}
