import { SITE_NAME } from '../components/PageMeta.tsx';
import type { JsonLd } from './render-context.ts';
import { CANONICAL_ORIGIN } from './render-head.ts';

export type Crumb = { name: string; path: string };

/** schema.org `BreadcrumbList` for the trail shown on the page (paths become absolute URLs). */
export function breadcrumbJsonLd(crumbs: readonly Crumb[]): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: crumb.name,
      item: `${CANONICAL_ORIGIN}${crumb.path}`,
    })),
  };
}

/** The academy itself, as the publisher of every course. */
export function organizationJsonLd(): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'Organization',
    name: SITE_NAME,
    url: `${CANONICAL_ORIGIN}/`,
  };
}
