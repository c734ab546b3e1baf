import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { readPdf as read } from '../../../../test/pdf.ts';
import {
  ACADEMY_NAME,
  type CertificatePdfData,
  certificateQrPng,
  renderCertificatePdf,
} from './certificate-pdf.ts';

const base: CertificatePdfData = {
  code: '9T-ABCD-EFGH-JKMN',
  studentName: 'Lucía Fernández',
  courseTitle: 'Modern JavaScript from Scratch',
  instructorNames: ['Ayesha Khan', 'Daniel Okafor'],
  completedAt: new Date('2026-05-01T09:00:00Z'),
  issuedAt: new Date('2026-05-02T10:00:00Z'),
  verifyUrl: 'https://academy.example.com/certificates/9T-ABCD-EFGH-JKMN',
};

describe('renderCertificatePdf', () => {
  it('is a one-page A4 landscape PDF that shows who completed what, when, with whom, and its code', async () => {
    const pdf = await renderCertificatePdf(base);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.subarray(-6).toString()).toContain('%%EOF');
    const r = await read(pdf);
    expect(r.pages).toBe(1);
    expect(r.size.map(Math.round)).toEqual([0, 0, 842, 595]);
    for (const shown of [
      ACADEMY_NAME.toUpperCase(),
      'Certificate of Completion',
      'Lucía Fernández',
      'Modern JavaScript from Scratch',
      'Completed on 1 May 2026',
      'Ayesha Khan, Daniel Okafor',
      '9T-ABCD-EFGH-JKMN',
      'Verify at https://academy.example.com/certificates/9T-ABCD-EFGH-JKMN',
    ])
      expect(r.text).toContain(shown);
    expect(r.info).toMatchObject({ Title: 'Certificate 9T-ABCD-EFGH-JKMN', Author: ACADEMY_NAME });
  });

  it('embeds the Arabic-script font for an Urdu name, and only then', async () => {
    const latin = (await renderCertificatePdf(base)).toString('latin1');
    const urdu = (await renderCertificatePdf({ ...base, studentName: 'عائشہ خان' })).toString('latin1');
    expect(latin).not.toContain('NotoNaskhArabic');
    expect(urdu).toContain('NotoNaskhArabic');
    expect(urdu).toContain('NotoSans');
  });

  it('says "Instructor" for one, and nothing for none', async () => {
    expect(
      (await read(await renderCertificatePdf({ ...base, instructorNames: ['Ayesha Khan'] }))).text,
    ).toMatch(/Instructor\b(?!s)/);
    expect((await read(await renderCertificatePdf({ ...base, instructorNames: [] }))).text).not.toContain(
      'Instructor',
    );
  });
});

describe('certificateQrPng', () => {
  it('encodes exactly the verification URL, readable by a QR decoder', async () => {
    const png = PNG.sync.read(await certificateQrPng(base.verifyUrl));
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(decoded?.data).toBe(base.verifyUrl);
  });
});
