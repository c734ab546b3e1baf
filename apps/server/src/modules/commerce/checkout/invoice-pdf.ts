import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { asc, eq } from 'drizzle-orm';
import { type Font, create as parseFont } from 'fontkit';
import PDFDocument from 'pdfkit';
import type { Executor } from '../../../db/client.ts';
import { type OrderItemRow, type OrderRow, orderItems, orders } from '../../../db/schema/index.ts';
import { formatMoney } from './money.ts';

const require = createRequire(import.meta.url);
/**
 * Parsed once per process: handed a file's bytes, pdfkit parses the font again for every document,
 * which cost more CPU than the rest of the invoice (and of the payment webhook that renders it).
 * pdfkit takes a parsed font as it is and subsets it per document.
 */
let fonts: { regular: Font; bold: Font } | null = null;
function loadFonts() {
  const load = (file: string) => parseFont(readFileSync(require.resolve(file)));
  fonts ??= {
    regular: load('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'),
    bold: load('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf'),
  };
  return fonts;
}

/** pdfkit's types name only files and bytes as sources; 0.20 also takes a parsed font (see above). */
const asSource = (f: Font) => f as unknown as Buffer;

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** The storage key of an order's invoice, attached to its receipt mail. */
export const invoiceKey = (orderId: string) => `invoices/${orderId}.pdf`;

/** The mail attachments' source kind of an invoice (its id is the order's). */
export const INVOICE_SOURCE = 'invoice';

/** A paid order's invoice, rendered from the order and lines as stored; null before payment. */
export async function invoiceOf(x: Executor, orderId: string): Promise<Buffer | null> {
  const [order] = await x.select().from(orders).where(eq(orders.id, orderId)).limit(1);
  if (!order?.paidAt) return null;
  const items = await x
    .select()
    .from(orderItems)
    .where(eq(orderItems.orderId, orderId))
    .orderBy(asc(orderItems.id));
  return renderInvoicePdf(order, items);
}

/**
 * An order's invoice as a one-page A4 PDF: the academy, the buyer, the order number and date, each line
 * with its discount and tax, and the totals — all as frozen on the order at checkout.
 */
export async function renderInvoicePdf(order: OrderRow, items: OrderItemRow[]): Promise<Buffer> {
  const f = loadFonts();
  const doc = new PDFDocument({
    // Not the default Helvetica: pdfkit would parse its metrics file for every document.
    font: asSource(f.regular) as unknown as string,
    size: 'A4',
    margin: 50,
    info: {
      Title: `Invoice ${order.number}`,
      Author: '9tangle Academy',
      CreationDate: order.paidAt ?? order.createdAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  doc.registerFont('regular', asSource(f.regular));
  doc.registerFont('bold', asSource(f.bold));
  const money = (m: number) => formatMoney(m, order.currency);

  doc.font('bold').fontSize(20).text('9tangle Academy');
  doc.font('regular').fontSize(12).fillColor('#475569').text(`Invoice ${order.number}`);
  doc.text(`Date: ${dateFormat.format(order.paidAt ?? order.createdAt)}`);
  doc.moveDown().fillColor('#0f172a').font('bold').text('Billed to');
  doc.font('regular').text(order.contactName).text(order.contactEmail);
  if (order.shippingAddress) {
    const a = order.shippingAddress;
    doc.text([a.line1, a.line2, a.city, a.region, a.postalCode, a.country].filter(Boolean).join(', '));
  }
  doc.moveDown();
  const cols = [50, 300, 350, 430];
  const row = (cells: string[], bold = false) => {
    const y = doc.y;
    doc.font(bold ? 'bold' : 'regular').fontSize(10);
    cells.forEach((c, i) => {
      doc.text(c, cols[i] ?? 50, y, { width: i === 0 ? 240 : 110, align: i === 0 ? 'left' : 'right' });
    });
    doc.moveDown(0.4);
  };
  row(['Item', 'Qty', 'Discount', 'Amount'], true);
  for (const i of items) row([i.title, String(i.quantity), money(i.discountMinor), money(i.totalMinor)]);
  doc.moveDown();
  const total = (label: string, m: number, bold = false) => row([label, '', '', money(m)], bold);
  total('Subtotal', order.subtotalMinor);
  if (order.discountMinor > 0)
    total(`Discount${order.couponCode ? ` (${order.couponCode})` : ''}`, -order.discountMinor);
  if (order.shippingMinor > 0) total('Shipping', order.shippingMinor);
  if (order.taxMinor > 0) total(order.taxInclusive ? 'Tax (included)' : 'Tax', order.taxMinor);
  total('Total', order.totalMinor, true);
  doc.end();
  await finished;
  return Buffer.concat(chunks);
}
