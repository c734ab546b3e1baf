import sanitizeHtml from 'sanitize-html';

/** Inline images may be https or a base64 raster `data:` URL; SVG is left out (it can carry script). */
const SAFE_IMAGE_SRC = /^(https:\/\/|data:image\/(png|jpe?g|gif|webp);base64,)/i;

/**
 * The allowlist for instructors' rich text (course descriptions, text lessons). Everything not listed
 * is dropped: no `style`, no event handlers, no frames, objects or forms. Links may only be http(s) or
 * mailto (sanitize-html decodes entities and strips control characters before checking the scheme,
 * which defeats `jav&#x09;ascript:` and friends) and always open in a new tab without an opener.
 */
const RICH_TEXT: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'h2',
    'h3',
    'h4',
    'strong',
    'em',
    'u',
    's',
    'blockquote',
    'code',
    'pre',
    'ul',
    'ol',
    'li',
    'a',
    'img',
  ],
  allowedAttributes: { a: ['href', 'title', 'rel', 'target'], img: ['src', 'alt'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['https', 'data'] },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  allowedStyles: {},
  allowVulnerableTags: false,
  disallowedTagsMode: 'discard',
  // The text inside these is dropped along with the tag, not kept as visible text.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'iframe', 'object', 'xmp'],
  transformTags: {
    a: (tagName, attribs) => ({
      tagName,
      attribs: { ...attribs, rel: 'noopener noreferrer nofollow', target: '_blank' },
    }),
    img: (tagName, attribs) => {
      const { src, ...rest } = attribs;
      return { tagName, attribs: src && SAFE_IMAGE_SRC.test(src.trim()) ? { ...rest, src } : rest };
    },
  },
  // An image whose source was refused is dropped rather than left as an empty <img>.
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
};

/** Clean instructor-written HTML down to the allowlist. Safe to render as HTML afterwards. */
export function sanitizeRichText(html: string): string {
  return sanitizeHtml(html, RICH_TEXT).trim();
}

const BLOCK_END = /<\/(p|h[1-6]|li|blockquote|pre|div|ul|ol)\s*>|<br\s*\/?>/gi;
const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};

/**
 * The words of an HTML fragment as plain text (for the search column and meta descriptions): blocks
 * become spaces, script and style contents vanish, entities are decoded, whitespace collapses.
 */
export function htmlToText(html: string, maxLength = 20_000): string {
  const text = sanitizeHtml(html.replace(BLOCK_END, '$& '), { allowedTags: [], allowedAttributes: {} });
  return text
    .replace(/&(amp|lt|gt|quot|#39);/g, (m) => ENTITIES[m] ?? m)
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, maxLength);
}
