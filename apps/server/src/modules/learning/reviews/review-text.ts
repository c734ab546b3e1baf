import { sanitizeRichText } from '../../catalog/rich-text.ts';

/**
 * Reviews and replies are plain text: a reviewer cannot format, link or embed anything, so there is no
 * markup to smuggle. The text is stored as HTML made here (escaped, paragraphs and line breaks), which
 * the allowlist sanitizer passes unchanged, and turned back into the same text for editing.
 */
const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const UNESCAPES: Record<string, string> = Object.fromEntries(Object.entries(ESCAPES).map(([k, v]) => [v, k]));
// Control characters other than tab and newline (and bidi overrides that can disguise text) are dropped.
const INVISIBLE = /[^\P{Cc}\t\n]|[\u202A-\u202E\u2066-\u2069]/gu;

/** Plain text → safe HTML: `<p>` per paragraph (blank lines), `<br>` per line break. */
export function reviewTextToHtml(text: string): string {
  const clean = text.replace(/\r\n?/g, '\n').replace(INVISIBLE, '').trim();
  if (!clean) return '';
  const html = clean
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${p.replace(/[&<>"']/g, (c) => ESCAPES[c] as string).replace(/\n/g, '<br />')}</p>`)
    .join('');
  // Belt and braces: whatever the steps above missed, the allowlist removes.
  return sanitizeRichText(html);
}

/** The HTML of `reviewTextToHtml` back to its text (for the edit form). */
export function reviewHtmlToText(html: string): string {
  return html
    .replace(/<\/p>\s*<p>/g, '\n\n')
    .replace(/<br\s*\/?>/g, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39);/g, (m) => UNESCAPES[m] ?? m)
    .trim();
}
