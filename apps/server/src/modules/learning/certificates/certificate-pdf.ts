import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { hasArabicScript, type Script, type TextRun, textRuns } from './pdf-text-runs.ts';

/** The name printed at the top of every certificate (and in its metadata). */
export const ACADEMY_NAME = '9tangle Academy';

/** What a certificate PDF shows: the snapshot taken at issue, and where to verify it. */
export interface CertificatePdfData {
  code: string;
  studentName: string;
  courseTitle: string;
  instructorNames: string[];
  completedAt: Date;
  issuedAt: Date;
  /** The absolute verification URL, also encoded in the QR code. */
  verifyUrl: string;
}

// Noto Sans (Latin, Greek, Cyrillic, Vietnamese) and Noto Naskh Arabic (Arabic and Urdu), from npm so
// the server needs no system fonts; read once per process, embedded (subset) in each PDF.
const require = createRequire(import.meta.url);
const FONT_FILES = {
  regular: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
  arabic: '@expo-google-fonts/noto-naskh-arabic/400Regular/NotoNaskhArabic_400Regular.ttf',
  arabicBold: '@expo-google-fonts/noto-naskh-arabic/700Bold/NotoNaskhArabic_700Bold.ttf',
} as const;
type FontName = keyof typeof FONT_FILES;
let fontData: Record<FontName, Buffer> | null = null;
function fonts(): Record<FontName, Buffer> {
  fontData ??= Object.fromEntries(
    Object.entries(FONT_FILES).map(([name, file]) => [name, readFileSync(require.resolve(file))]),
  ) as Record<FontName, Buffer>;
  return fontData;
}

const INK = '#0f172a';
const MUTED = '#475569';
const ACCENT = '#4338ca';
const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** The QR code of the verification URL as a PNG (error correction M, a quiet zone of two modules). */
export function certificateQrPng(url: string): Promise<Buffer> {
  return QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 2, scale: 8 });
}

/**
 * The certificate as a one-page A4 landscape PDF: the academy, the student, the course, the completion
 * date, the instructors, the code and a QR code of the verification page. Built on request from the
 * stored snapshot (a few tens of milliseconds), so there is no copy to keep in step with revocations.
 */
export async function renderCertificatePdf(c: CertificatePdfData): Promise<Buffer> {
  const qr = await certificateQrPng(c.verifyUrl);
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 0,
    info: {
      Title: `Certificate ${c.code}`,
      Author: ACADEMY_NAME,
      Subject: `${c.studentName} completed ${c.courseTitle}`,
      Keywords: c.code,
      CreationDate: c.issuedAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  const f = fonts();
  // Parsing a font costs more than the rest of the page: the Arabic ones only when a name needs them.
  const needsArabic = [c.studentName, c.courseTitle, ...c.instructorNames].some(hasArabicScript);
  for (const name of ['regular', 'bold', ...(needsArabic ? ['arabic', 'arabicBold'] : [])] as FontName[])
    doc.registerFont(name, f[name]);

  const { width: W, height: H } = doc.page;
  doc
    .rect(20, 20, W - 40, H - 40)
    .lineWidth(3)
    .stroke(ACCENT);
  doc
    .rect(30, 30, W - 60, H - 60)
    .lineWidth(0.75)
    .stroke(ACCENT);

  const line = (text: string, y: number, o: { size: number; min?: number; bold?: boolean; color?: string }) =>
    centeredLine(doc, text, { y, maxWidth: W - 140, ...o });
  line(ACADEMY_NAME.toUpperCase(), 78, { size: 15, bold: true, color: ACCENT });
  line('Certificate of Completion', 130, { size: 32, bold: true });
  line('This certifies that', 182, { size: 13, color: MUTED });
  line(c.studentName, 228, { size: 34, min: 16, bold: true });
  doc
    .moveTo(W / 2 - 180, 246)
    .lineTo(W / 2 + 180, 246)
    .lineWidth(0.75)
    .stroke(MUTED);
  line('has successfully completed the course', 276, { size: 13, color: MUTED });
  line(c.courseTitle, 314, { size: 24, min: 11, bold: true });

  const instructors = c.instructorNames.join(', ');
  line(`Completed on ${dateFormat.format(c.completedAt)}`, 364, { size: 13 });
  if (instructors) {
    const label = c.instructorNames.length > 1 ? 'Instructors' : 'Instructor';
    line(label, 392, { size: 11, color: MUTED });
    line(instructors, 412, { size: 14, min: 9 });
  }

  const qrSize = 104;
  const qrX = W - 58 - qrSize;
  const qrY = H - 58 - qrSize;
  doc.image(qr, qrX, qrY, { width: qrSize, height: qrSize });
  doc
    .font('regular')
    .fontSize(10)
    .fillColor(MUTED)
    .text('Certificate code', 62, qrY + 18, { lineBreak: false });
  doc
    .font('bold')
    .fontSize(16)
    .fillColor(INK)
    .text(c.code, 62, qrY + 34, { lineBreak: false, characterSpacing: 1 });
  doc
    .font('regular')
    .fontSize(10)
    .fillColor(MUTED)
    .text(`Verify at ${c.verifyUrl}`, 62, qrY + 60, { width: qrX - 80, lineBreak: false, ellipsis: true });
  doc
    .font('regular')
    .fontSize(10)
    .fillColor(MUTED)
    .text(`Issued ${dateFormat.format(c.issuedAt)}`, 62, qrY + 76, { lineBreak: false });

  doc.end();
  await finished;
  return Buffer.concat(chunks);
}

const FONT_OF: Record<Script, { regular: FontName; bold: FontName }> = {
  latin: { regular: 'regular', bold: 'bold' },
  arabic: { regular: 'arabic', bold: 'arabicBold' },
};

/**
 * One line centred on the page, each script run in its font, shrunk step by step (down to `min`) until
 * it fits `maxWidth`: a long course title gets smaller rather than running off the page.
 */
function centeredLine(
  doc: PDFKit.PDFDocument,
  text: string,
  o: {
    /** The baseline. */ y: number;
    size: number;
    min?: number;
    maxWidth: number;
    bold?: boolean;
    color?: string;
  },
): void {
  const runs = textRuns(text);
  const fontOf = (script: Script) => FONT_OF[script][o.bold ? 'bold' : 'regular'];
  // PDFKit lays text out word by word unless it is given OpenType features; a right-to-left run must be
  // laid out whole, or fontkit reverses each word on its own and the words come out in reading order.
  const opts = (r: TextRun) =>
    r.script === 'arabic' ? { features: [] as PDFKit.Mixins.OpenTypeFeatures[] } : {};
  const measure = (size: number) =>
    runs.reduce(
      (sum, r) => sum + doc.font(fontOf(r.script)).fontSize(size).widthOfString(r.text, opts(r)),
      0,
    );
  let size = o.size;
  while (size > (o.min ?? o.size) && measure(size) > o.maxWidth) size -= 1;
  let x = (doc.page.width - measure(size)) / 2;
  doc.fillColor(o.color ?? INK);
  for (const r of runs) {
    doc.font(fontOf(r.script)).fontSize(size);
    // Drawn on a shared baseline: the Latin and Arabic fonts have different ascenders.
    doc.text(r.text, x, o.y, { lineBreak: false, baseline: 'alphabetic', ...opts(r) });
    x += doc.widthOfString(r.text, opts(r));
  }
}
