/**
 * An uploader's file name, made safe to show and to put in a `Content-Disposition` header. It is
 * only ever a label: storage keys are made by the server. Any folder part is dropped; control
 * characters and bidirectional overrides (which can disguise `exe.pdf` as `fdp.exe`) are removed;
 * characters that no file system accepts become `_`; the length is capped, keeping the extension.
 */
export function cleanFileName(raw: string | undefined, fallback = 'file'): string {
  const base = (raw ?? '').split(/[/\\]/).pop() ?? '';
  let name = base
    .normalize('NFC')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  if ([...name].length > MAX_CHARS) {
    const dot = name.lastIndexOf('.');
    const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
    name = [...name.slice(0, name.length - ext.length)].slice(0, MAX_CHARS - ext.length).join('') + ext;
  }
  return name || fallback;
}
const MAX_CHARS = 180;

/**
 * `Content-Disposition` for a download or an inline view (RFC 6266): a plain-ASCII `filename` for old
 * clients and the exact name as UTF-8 in `filename*` (RFC 8187). Quotes and backslashes never reach
 * the quoted string, so a name cannot end the header value early.
 */
export function contentDisposition(type: 'inline' | 'attachment', fileName: string): string {
  const name = cleanFileName(fileName);
  const ascii = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
