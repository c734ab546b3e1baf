import { contentImageUrl, type PublicPageName } from '@9tangle/contracts';
import type { ReactNode } from 'react';
import { useSiteContent } from './content-queries.ts';

/**
 * The heading band of a content page: the admin's background image (darkened so the text keeps its
 * contrast) or the house gradient, with the admin's title and subtitle or the page's own.
 */
export function ContentPageHeader({
  page,
  title,
  subtitle,
  children,
}: {
  page: PublicPageName;
  title: string;
  subtitle?: string;
  children?: ReactNode;
}) {
  const header = useSiteContent('page_headers')[page];
  const image = header.imageKey ? contentImageUrl(header.imageKey) : null;
  return (
    <header className="relative isolate overflow-hidden rounded-3xl bg-linear-to-br from-indigo-800 via-indigo-700 to-violet-800 px-6 py-12 text-white shadow-lg sm:px-12">
      {image ? (
        <img src={image} alt="" className="absolute inset-0 -z-10 size-full object-cover opacity-35" />
      ) : null}
      <h1 className="text-3xl font-extrabold tracking-tight sm:text-4xl">{header.title || title}</h1>
      {header.subtitle || subtitle ? (
        <p className="mt-3 max-w-2xl text-lg text-indigo-50">{header.subtitle || subtitle}</p>
      ) : null}
      {children}
    </header>
  );
}
