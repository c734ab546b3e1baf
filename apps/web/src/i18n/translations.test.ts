import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Every English string has an Urdu one with the same placeholders: a missing key would show English
 * (or the key itself) on an Urdu page, and a translated or dropped `{{variable}}` would show the raw
 * braces or lose the value. The files are read as the app bundles them (`en.json` + `en/*.json`).
 */
const here = dirname(fileURLToPath(import.meta.url));
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

type Messages = { [key: string]: string | Messages };

function read(path: string): Messages {
  return JSON.parse(readFileSync(path, 'utf8')) as Messages;
}

/** `{ a: { b: 'x' } }` → `{ 'a.b': 'x' }`; a value that is not a string or an object is kept as is. */
function flatten(messages: Messages, prefix = '', out: Record<string, unknown> = {}) {
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object') flatten(value, path, out);
    else out[path] = value;
  }
  return out;
}

/** What must survive translation: `{{name}}` (format ignored), `$t(key)` nesting and `<1>` tags. */
function placeholdersOf(text: string): string[] {
  const variables = [...text.matchAll(/\{\{\s*([^,}\s]+)[^}]*\}\}/g)].map((m) => `{{${m[1]}}}`);
  const nestings = [...text.matchAll(/\$t\(([^)]*)\)/g)].map((m) => `$t(${m[1]})`);
  const tags = [...text.matchAll(/<\/?\s*([\w-]+)\s*\/?>/g)].map((m) => m[0].replace(/\s/g, ''));
  return [...new Set([...variables, ...nestings, ...tags])].sort();
}

const pairs: { name: string; en: string; ur: string }[] = [
  { name: 'en.json', en: join(here, 'en.json'), ur: join(here, 'ur.json') },
  ...readdirSync(join(here, 'en'))
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({ name: `en/${file}`, en: join(here, 'en', file), ur: join(here, 'ur', file) })),
];

describe('the Urdu translation', () => {
  it('finds the English files', () => {
    expect(pairs.length).toBeGreaterThan(1);
  });

  describe.each(pairs)('$name', ({ en: enPath, ur: urPath }) => {
    it('has an Urdu file', () => {
      expect(existsSync(urPath), `${urPath} is missing`).toBe(true);
    });

    it('translates every key, with the same placeholders, and no keys English lacks', () => {
      if (!existsSync(urPath)) return expect.fail(`${urPath} is missing`);
      const en = flatten(read(enPath));
      const ur = flatten(read(urPath));
      const missing = Object.keys(en).filter((key) => typeof ur[key] !== 'string' || ur[key] === '');
      expect(missing, 'keys with no Urdu string').toEqual([]);

      // An Urdu plural form English does not have (`_zero`) is fine if English has the key's plurals.
      const englishBases = new Set(Object.keys(en).map((key) => key.replace(PLURAL_SUFFIX, '')));
      const extra = Object.keys(ur).filter(
        (key) =>
          !(key in en) && !(PLURAL_SUFFIX.test(key) && englishBases.has(key.replace(PLURAL_SUFFIX, ''))),
      );
      expect(extra, 'Urdu keys with no English key').toEqual([]);

      const differing = Object.keys(en)
        .filter((key) => typeof en[key] === 'string' && typeof ur[key] === 'string')
        .map((key) => ({
          key,
          en: placeholdersOf(en[key] as string),
          ur: placeholdersOf(ur[key] as string),
        }))
        .filter(({ en: a, ur: b }) => a.join(' ') !== b.join(' '));
      expect(differing, 'keys whose placeholders differ between English and Urdu').toEqual([]);
    });
  });

  it('reads placeholders the way i18next writes them', () => {
    expect(placeholdersOf('Hi {{name}}, {{ count }} of {{total, number}}')).toEqual([
      '{{count}}',
      '{{name}}',
      '{{total}}',
    ]);
    expect(placeholdersOf('See $t(layout.home) and <1>this</1><br/>')).toEqual([
      '$t(layout.home)',
      '</1>',
      '<1>',
      '<br/>',
    ]);
    expect(placeholdersOf('Plain text')).toEqual([]);
  });
});
