import fc from 'fast-check';

/**
 * The fuzzer's hostile values: strings that break parsers, databases, templates and paths; JSON values
 * a field is unlikely to accept (or that hurt when it does); raw bodies that are not the JSON they claim.
 * `fuzz-inputs.ts` builds requests from them.
 */

const LONG = 'A'.repeat(70_000);
/** Strings that break parsers, databases, templates and paths. */
export const hostileStrings: readonly string[] = [
  '',
  ' ',
  LONG,
  `${'é'.repeat(5_000)}`,
  '\u0000',
  'a\u0000b',
  '\uD800',
  'x\uDFFFy',
  '\uDBFF\uDFFF',
  '\u202Eevil\u202C',
  '\u200B\u200D\uFEFF',
  'e\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301',
  '👩‍👩‍👧‍👦🏳️‍🌈',
  'ﷺ﷽',
  '\r\n\r\nX-Injected: 1',
  '\t\v\f\b',
  "' OR '1'='1",
  "'; drop table users; --",
  '" or 1=1 --',
  "1' and sleep(5) --",
  '1; select pg_sleep(5)',
  "') union select null,null --",
  '%27%20or%201%3D1',
  '\\',
  '\\x00\\x27',
  '{{7*7}}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, on purpose
  '${7*7}',
  '<%= 7*7 %>',
  '#{7*7}',
  '{{constructor.constructor("return process")()}}',
  '<script>window.__xss=1</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '../../../../etc/passwd',
  '..%2f..%2f..%2fetc%2fpasswd',
  '..\\..\\windows\\win.ini',
  '/etc/passwd%00.png',
  '%00',
  '%ff%fe',
  '%',
  '%%32%65',
  '....//....//',
  '__proto__',
  'constructor',
  'prototype',
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  '0x7fffffff',
  '99999999999999999999999',
  '-1',
  '2147483648',
  'true',
  'null',
  'undefined',
  '[]',
  '{}',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '2024-02-30T25:61:61Z',
  '0000-00-00',
  'a@b',
  '@@',
  'x'.repeat(300),
];

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...hostileStrings) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...hostileStrings), fc.string({ maxLength: 8 }))
      .map(([a, b]) => `${b}${a}${b}`),
  },
);

/** A JSON value nested `depth` deep, arrays or objects. */
const deep = (depth: number, asObject: boolean): unknown => {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = asObject ? { a: v } : [v];
  return v;
};

/** Any JSON value that a field is unlikely to accept, or that hurts when it does. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: hostileString },
  {
    weight: 2,
    arbitrary: fc.constantFrom<unknown>(
      null,
      true,
      false,
      0,
      -1,
      1.5,
      -0,
      2 ** 31,
      2 ** 53 + 1,
      -(2 ** 63),
      1e308,
      [],
      {},
      [null],
      [''],
      { __proto__: null },
    ),
  },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.integer({ min: -(2 ** 31), max: 2 ** 31 }) },
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.constantFrom(deep(60, true), deep(60, false), deep(2000, false)) },
  { weight: 1, arbitrary: fc.array(fc.constant('x'), { minLength: 2000, maxLength: 2000 }) },
  { weight: 1, arbitrary: fc.object({ maxDepth: 2 }) },
);

/** Bodies sent as raw text: broken JSON, prototype pollution, huge nesting. */
export const rawBodies: readonly string[] = [
  '{',
  '{"a":',
  '[1,2',
  'null',
  '""',
  '0',
  '[]',
  'true',
  '{"__proto__":{"isAdmin":true,"role":"admin"}}',
  '{"constructor":{"prototype":{"role":"admin"}}}',
  '{"a":1,"a":2}',
  `${'['.repeat(20_000)}${']'.repeat(20_000)}`,
  `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`,
  '\uFEFF{}',
  '{"a":"\\ud800"}',
  '{"a":"\\u0000"}',
  "{'a':1}",
  '{"a":1}garbage',
  'a=1&b=2',
  '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
];
