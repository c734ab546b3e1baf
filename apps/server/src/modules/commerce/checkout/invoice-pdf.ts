import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { OrderItemRow, OrderRow } from '../../../db/schema/index.ts';
import { formatMoney } from './money.ts';

const require = createRequire(import.meta.url);
let fonts: { regular: Buffer; bold: Buffer } | null = null;
function loadFonts() {
  fonts ??= {
    regular: readFileSync(require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf')),
    bold: readFileSync(require.resolve('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf')),
  };
  return fonts;
}

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** The storage key of an order's invoice, attached to its receipt mail. */
export const invoiceKey = (orderId: string) => `invoices/${orderId}.pdf`;

/**
 * An order's invoice as a one-page A4 PDF: the academy, the buyer, the order number and date, each line
 * with its discount and tax, and the totals — all as frozen on the order at checkout.
 */
export async function renderInvoicePdf(order: OrderRow, items: OrderItemRow[]): Promise<Buffer> {
  const doc = new PDFDocument({
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
  const f = loadFonts();
  doc.registerFont('regular', f.regular);
  doc.registerFont('bold', f.bold);
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
