import { useEffect } from 'react';
import { useRenderRecorder } from '../lib/render-context.ts';

export const SITE_NAME = '9tangle';

type PageMetaProps = {
  title: string;
  description: string;
  /** Private and one-time pages (tokens in the URL) ask search engines not to index them. */
  noIndex?: boolean;
  /** Answer with this HTTP status when rendered on the server (404 for "not found"). */
  status?: number;
};

/** Declares the page's title and description: recorded for the server's `<head>`, applied in the browser. */
export function PageMeta({ title, description, noIndex = false, status }: PageMetaProps) {
  const recorder = useRenderRecorder();
  if (recorder) {
    recorder.head = { title, description, noIndex };
    if (status !== undefined) recorder.status = status;
  }
  useEffect(() => {
    document.title = `${title} · ${SITE_NAME}`;
  }, [title]);
  return null;
}
