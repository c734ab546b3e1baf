import { describe, expect, it } from 'vitest';
import { htmlToText, sanitizeRichText } from './rich-text.ts';

/** Payloads from the usual XSS cheat sheets: each must come out harmless. */
const PAYLOADS = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=https://evil.test/x.js></SCRIPT>',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '<img src=x onerror=alert(1)>',
  '<img src="https://ok.test/a.png" onerror="alert(1)">',
  '<IMG SRC="javascript:alert(1)">',
  '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
  '<img src="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<iframe src="https://evil.test"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="JaVaScRiPt:alert(1)">x</a>',
  '<a href="jav&#x09;ascript:alert(1)">x</a>',
  '<a href="jav&#x0A;ascript:alert(1)">x</a>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
  '<a href="&#x6A;avascript:alert(1)">x</a>',
  '<a href=" javascript:alert(1)">x</a>',
  '<a href="\u0001javascript:alert(1)">x</a>',
  '<a href="java\0script:alert(1)">x</a>',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  '<a href="//evil.test/path">protocol-relative</a>',
  '<a href="https://ok.test" onclick="alert(1)" onmouseover="alert(1)">x</a>',
  '<style>body{background:url("javascript:alert(1)")}</style>',
  '<p style="background:expression(alert(1))">css</p>',
  '<div style="width: expression(alert(1));">x</div>',
  '<p onmouseover="alert(1)">hover</p>',
  '<body onload=alert(1)>',
  '<input autofocus onfocus=alert(1)>',
  '<form action="javascript:alert(1)"><button>go</button></form>',
  '<details open ontoggle=alert(1)>',
  '<video><source onerror="alert(1)"></video>',
  '<base href="javascript:alert(1)//">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<link rel="stylesheet" href="javascript:alert(1)">',
  '<p>unclosed <strong>bold <img src=x onerror=alert(1)',
  '<<script>script>alert(1)<</script>/script>',
  '<template><script>alert(1)</script></template>',
  '<xmp><script>alert(1)</script></xmp>',
  '<!--<img src=x onerror=alert(1)>-->',
  '<![CDATA[<script>alert(1)</script>]]>',
  '<a href="https://ok.test" target="_self" rel="opener">x</a>',
  '<h2 onclick="alert(1)">Title</h2>',
];

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
