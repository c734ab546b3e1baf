import { describe, expect, it } from 'vitest';
import { parseRange } from './byte-range.ts';

describe('parseRange', () => {
  it.each([
    ['bytes=0-99', { kind: 'partial', start: 0, end: 99 }],
    ['bytes=100-', { kind: 'partial', start: 100, end: 999 }],
    ['bytes=-100', { kind: 'partial', start: 900, end: 999 }],
    ['bytes=-5000', { kind: 'partial', start: 0, end: 999 }],
    ['bytes=990-5000', { kind: 'partial', start: 990, end: 999 }],
    ['bytes=999-999', { kind: 'partial', start: 999, end: 999 }],
    [' bytes = 10 - 20 ', { kind: 'partial', start: 10, end: 20 }],
  ])('reads %s of a 1000-byte file', (header, expected) => {
    expect(parseRange(header, 1000)).toEqual(expected);
  });

  it.each([['bytes=1000-'], ['bytes=1000-2000'], ['bytes=-0']])('finds %s unsatisfiable', (header) => {
    expect(parseRange(header, 1000)).toEqual({ kind: 'unsatisfiable' });
  });

  it('finds every range of an empty file unsatisfiable', () => {
    expect(parseRange('bytes=0-', 0)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=-1', 0)).toEqual({ kind: 'unsatisfiable' });
  });

  it.each([
    [undefined],
    [''],
    ['bytes=0-1,5-6'],
    ['items=0-1'],
    ['bytes=abc'],
    ['bytes=5-3'],
    ['bytes=-'],
    ['bytes=99999999999999999-'],
  ])('answers the whole file for %s', (header) => {
    expect(parseRange(header, 1000)).toEqual({ kind: 'full' });
  });
});
