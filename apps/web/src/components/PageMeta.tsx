import { useEffect } from 'react';
import { type JsonLd, useRenderRecorder } from '../lib/render-context.ts';

export const SITE_NAME = '9tangle';

type PageMetaProps = {
  title: string;
  description: string;
  /** Private and one-time pages (tokens in the URL) ask search engines not to index them. */
  noIndex?: boolean;
  /** Answer with this HTTP status when rendered on the server (404 for "not found"). */
  status?: number;
  /** The canonical path when it differs from the request's (filters and pages left out). */
  canonicalPath?: string;
  /** The page's picture for link previews (og:image). */
  image?: string | null;
  /** Structured data (schema.org) for search engines, emitted as JSON-LD data blocks in the head. */
  jsonLd?: JsonLd[];
};

/** Declares the page's head: recorded for the server's `<head>`, the title applied in the browser. */
export function PageMeta({
  title,
  description,
  noIndex = false,
  status,
  canonicalPath,
  image,
  jsonLd,
}: PageMetaProps) {
  const recorder = useRenderRecorder();
  if (recorder) {
    recorder.head = { title, description, noIndex, canonicalPath, image, jsonLd };
    if (status !== undefined) recorder.status = status;
  }
  useEffect(() => {
    document.title = `${title} · ${SITE_NAME}`;
  }, [title]);
  return null;
}
