/**
 * The `?next=` target when it is a path on this site: it must start with one `/`, and not `//` or `/\`
 * (which browsers read as another host). Anything else is ignored, so a link cannot send a user
 * who just signed in to a look-alike site.
 */
export function safeNextPath(value: string | null | undefined): string | null {
  if (!value?.startsWith('/')) return null;
  if (value.startsWith('//') || value.startsWith('/\\')) return null;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters (tabs, newlines) are stripped by URL parsers, turning `/\t/evil` into `//evil`
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return null;
  return value;
}
