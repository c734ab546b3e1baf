import type { JsonLd, PageHead } from './render-context.ts';

/** Replaced by the server with the public origin (`https://academy.example`). */
export const CANONICAL_ORIGIN = '__CANONICAL__';

export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/**
 * JSON for a `<script type="application/ld+json">` data block. The block is never executed (so the CSP
 * allows it), but its text must not be able to close the element: `<` becomes `\u003c`, and the two
 * line separators JavaScript once treated as newlines are escaped as well.
 */
export function serializeJsonLd(data: JsonLd): string {
  return JSON.stringify(data)
    .replaceAll('<', '\\u003c')
    .replaceAll('\u2028', '\\u2028')
    .replaceAll('\u2029', '\\u2029');
}

/** A same-origin path gets the public origin; absolute http(s) URLs are kept; anything else is dropped. */
export function absoluteUrl(url: string): string | null {
  if (url.startsWith('/') && !url.startsWith('//')) return `${CANONICAL_ORIGIN}${url}`;
  if (/^https?:\/\//i.test(url)) return url;
  return null;
}

/** The `<head>` tags of a server-rendered page: title, description, canonical, Open Graph and JSON-LD. */
export function renderHead(head: PageHead, pathname: string, siteName: string): string {
  const title = escapeHtml(`${head.title} · ${siteName}`);
  const description = escapeHtml(head.description);
  const canonical = `${CANONICAL_ORIGIN}${escapeHtml(head.canonicalPath ?? pathname)}`;
  const image = head.image ? absoluteUrl(head.image) : null;
  return [
    `<title>${title}</title>`,
    `<meta name="description" content="${description}">`,
    head.noIndex ? '<meta name="robots" content="noindex">' : '',
    `<link rel="canonical" href="${canonical}">`,
    `<meta property="og:site_name" content="${siteName}">`,
    '<meta property="og:type" content="website">',
    `<meta property="og:title" content="${title}">`,
    `<meta property="og:description" content="${description}">`,
    `<meta property="og:url" content="${canonical}">`,
    image ? `<meta property="og:image" content="${escapeHtml(image)}">` : '',
    `<meta name="twitter:card" content="${image ? 'summary_large_image' : 'summary'}">`,
    ...(head.jsonLd ?? []).map(
      (data) => `<script type="application/ld+json">${serializeJsonLd(data)}</script>`,
    ),
  ]
    .filter(Boolean)
    .join('\n    ');
}
