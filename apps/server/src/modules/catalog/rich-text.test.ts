import { describe, expect, it } from 'vitest';
import { XSS_PAYLOADS as PAYLOADS } from '../../../test/xss-payloads.ts';
import { htmlToText, sanitizeRichText } from './rich-text.ts';

function assertHarmless(out: string) {
  const lower = out.toLowerCase();
  expect(lower).not.toContain('<script');
  expect(lower).not.toMatch(/<[^>]*\son[a-z]+\s*=/);
  expect(lower).not.toContain('javascript:');
  expect(lower).not.toContain('vbscript:');
  for (const tag of [
    '<iframe',
    '<object',
    '<embed',
    '<style',
    '<svg',
    '<math',
    '<form',
    '<input',
    '<base',
    '<meta',
  ])
    expect(lower).not.toContain(tag);
  expect(lower).not.toContain('style=');
  expect(lower).not.toContain('expression(');
  expect(lower).not.toMatch(/href="(data:|\/\/)/);
  expect(lower).not.toMatch(/src="data:(?!image\/(png|jpe?g|gif|webp);base64,)/);
}

describe('sanitizeRichText', () => {
  it(`neutralises ${PAYLOADS.length} XSS payloads`, () => {
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(30);
    for (const payload of PAYLOADS) {
      const out = sanitizeRichText(payload);
      try {
        assertHarmless(out);
      } catch (err) {
        throw new Error(`payload ${payload} → ${out}: ${(err as Error).message}`);
      }
    }
  });

  it('keeps ordinary formatting', () => {
    const html =
      '<h2>Welcome</h2><p>Learn <strong>fast</strong>, <em>well</em>, <u>deeply</u> and <s>never</s> alone.</p>' +
      '<blockquote>Quote</blockquote><pre><code>const a = 1;</code></pre>' +
      '<ul><li>one</li></ul><ol><li>two</li></ol><h3>More</h3><h4>Even more</h4><p>line<br />break</p>';
    expect(sanitizeRichText(html)).toBe(html);
  });

  it('forces links to open in a new tab without an opener and keeps safe schemes', () => {
    expect(sanitizeRichText('<a href="https://example.test/a?b=1" title="T">x</a>')).toBe(
      '<a href="https://example.test/a?b=1" title="T" rel="noopener noreferrer nofollow" target="_blank">x</a>',
    );
    expect(sanitizeRichText('<a href="mailto:hi@example.test">mail</a>')).toContain(
      'href="mailto:hi@example.test"',
    );
    expect(sanitizeRichText('<a href="javascript:alert(1)">x</a>')).toBe(
      '<a rel="noopener noreferrer nofollow" target="_blank">x</a>',
    );
  });

  it('keeps https and raster data images, drops other sources', () => {
    expect(sanitizeRichText('<img src="https://cdn.test/a.png" alt="A">')).toBe(
      '<img alt="A" src="https://cdn.test/a.png" />',
    );
    expect(sanitizeRichText('<img src="data:image/png;base64,iVBORw0KGgo=" alt="">')).toContain(
      'src="data:image/png;base64,iVBORw0KGgo="',
    );
    expect(sanitizeRichText('<p>a<img src="http://insecure.test/a.png">b</p>')).toBe('<p>ab</p>');
  });

  it('drops the text of script and style but keeps the text of unknown tags', () => {
    expect(sanitizeRichText('<div>kept</div><script>gone()</script><style>.gone{}</style>')).toBe('kept');
  });
});

describe('htmlToText', () => {
  it('gives the words, with blocks separated and entities decoded', () => {
    expect(htmlToText('<h2>Intro</h2><p>Fish &amp; chips &lt;3</p><ul><li>a</li><li>b</li></ul>')).toBe(
      'Intro Fish & chips <3 a b',
    );
  });

  it('drops scripts and styles entirely and caps the length', () => {
    expect(htmlToText('<p>x</p><script>var secret</script><style>p{}</style>')).toBe('x');
    expect(htmlToText(`<p>${'word '.repeat(100)}</p>`, 20)).toHaveLength(20);
  });
});
