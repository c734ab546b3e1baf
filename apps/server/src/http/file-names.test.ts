import { describe, expect, it } from 'vitest';
import { cleanFileName, contentDisposition } from './file-names.ts';

describe('cleanFileName', () => {
  it.each([
    ['notes.pdf', 'notes.pdf'],
    ['C:\\Users\\me\\Week 1.pdf', 'Week 1.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['  .hidden.  ', 'hidden'],
    ['a\u0000b\r\nc.txt', 'abc.txt'],
    ['invoice\u202efdp.exe', 'invoicefdp.exe'],
    ['what?<is>"this"|*.zip', 'what__is__this___.zip'],
    ['تعارف.pdf', 'تعارف.pdf'],
    ['', 'file'],
    [undefined, 'file'],
    ['...', 'file'],
  ])('cleans %j to %j', (raw, cleaned) => {
    expect(cleanFileName(raw)).toBe(cleaned);
  });

  it('caps long names and keeps the extension', () => {
    const name = cleanFileName(`${'a'.repeat(500)}.pdf`);
    expect(name).toHaveLength(180);
    expect(name.endsWith('a.pdf')).toBe(true);
  });
});

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the exact UTF-8 name', () => {
    expect(contentDisposition('attachment', 'Résumé (final).pdf')).toBe(
      `attachment; filename="R_sum_ (final).pdf"; filename*=UTF-8''R%C3%A9sum%C3%A9%20%28final%29.pdf`,
    );
    expect(contentDisposition('inline', 'week1.mp4')).toBe(
      `inline; filename="week1.mp4"; filename*=UTF-8''week1.mp4`,
    );
  });

  it('cannot be broken out of by a hostile name', () => {
    const header = contentDisposition('attachment', 'x";\r\nSet-Cookie: a=b; filename="evil.html');
    expect(header).not.toMatch(/[\r\n]/);
    // One quoted string only: the name's own quotes never reach it.
    expect(header.match(/"/g)).toHaveLength(2);
    expect(header).toMatch(/^attachment; filename="[^"]*"; filename\*=UTF-8''[^\s";]+$/);
  });
});
