import { describe, expect, it } from 'vitest';
import { reviewHtmlToText, reviewTextToHtml } from './review-text.ts';

describe('reviewTextToHtml', () => {
  it('makes paragraphs of blank-line breaks and <br> of single ones', () => {
    expect(reviewTextToHtml('One\r\ntwo\n\n\nThree')).toBe('<p>One<br />two</p><p>Three</p>');
    expect(reviewTextToHtml('   \n ')).toBe('');
  });
  it('escapes every markup character, so typed HTML stays text', () => {
    const html = reviewTextToHtml(
      '<script>alert(1)</script> & <a href="javascript:x">x</a> <img src=x onerror=y>',
    );
    expect(html).not.toMatch(/<(script|a|img)\b/);
    expect(html).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;a href="javascript:x"&gt;x&lt;/a&gt; &lt;img src=x onerror=y&gt;</p>',
    );
  });
  it('drops control characters and bidi overrides that could disguise the text', () => {
    expect(reviewTextToHtml('a\u0000b\u202Ec\td')).toBe('<p>abc\td</p>');
  });
});

describe('reviewHtmlToText', () => {
  it('gives back exactly the text that was written', () => {
    for (const text of [
      'Plain',
      'Line one\nline two\n\nNew paragraph',
      `Quotes "double" and 'single' & <tags>`,
    ])
      expect(reviewHtmlToText(reviewTextToHtml(text))).toBe(text);
  });
});
