/**
 * What a `Range` request header asks of a file of `size` bytes (RFC 9110 §14): the whole file, one
 * range of it, or nothing it can satisfy (answered 416). One range is all a media player needs, so
 * a request for several is answered with the whole file, which the RFC allows; so are units other
 * than bytes and ranges that do not parse.
 */
export type RangeRequest =
  | { kind: 'full' }
  | { kind: 'partial'; start: number; end: number }
  | { kind: 'unsatisfiable' };

const SINGLE = /^bytes=(\d{0,16})-(\d{0,16})$/;

export function parseRange(header: string | undefined, size: number): RangeRequest {
  if (!header) return { kind: 'full' };
  const m = SINGLE.exec(header.replace(/\s+/g, ''));
  if (!m) return { kind: 'full' };
  const [, first = '', last = ''] = m;
  if (first === '' && last === '') return { kind: 'full' };
  if (first === '') {
    // A suffix: the last N bytes (the whole file when N is larger than it).
    const length = Number(last);
    if (length === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'partial', start: Math.max(0, size - length), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Number(last);
  // "5-3" is not a range at all: ignored, as an unparsable header is.
  if (last !== '' && end < start) return { kind: 'full' };
  if (start >= size) return { kind: 'unsatisfiable' };
  return { kind: 'partial', start, end: Math.min(end, size - 1) };
}
