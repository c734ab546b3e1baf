import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** A PDF as PDF.js (Mozilla's reader, a test-only dependency) parses it: pages, page size, text, metadata. */
export async function readPdf(pdf: Uint8Array | Buffer) {
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  const page = await doc.getPage(1);
  const content = await page.getTextContent();
  const text = content.items.map((i) => ('str' in i ? i.str : '')).join(' ');
  const info = (await doc.getMetadata()).info as unknown as Record<string, unknown>;
  const pages = doc.numPages;
  const size = page.view;
  await doc.destroy();
  return { pages, size, text, info };
}
