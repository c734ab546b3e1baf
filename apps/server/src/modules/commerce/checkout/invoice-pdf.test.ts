import { describe, expect, it } from 'vitest';
import type { OrderItemRow, OrderRow } from '../../../db/schema/index.ts';
import { renderInvoicePdf } from './invoice-pdf.ts';

const order = (number: string, contactName: string) =>
  ({
    number,
    contactName,
    contactEmail: 'buyer@example.com',
    currency: 'USD',
    subtotalMinor: 4900,
    discountMinor: 0,
    shippingMinor: 0,
    taxMinor: 0,
    taxInclusive: false,
    totalMinor: 4900,
    couponCode: null,
    shippingAddress: null,
    paidAt: new Date('2026-06-01T09:00:00Z'),
    createdAt: new Date('2026-06-01T08:59:00Z'),
  }) as unknown as OrderRow;
const items = (title: string) =>
  [{ title, quantity: 1, discountMinor: 0, totalMinor: 4900 }] as unknown as OrderItemRow[];

describe('invoice PDF', () => {
  it('renders each invoice alone although the parsed fonts are shared between documents', async () => {
    const a = await renderInvoicePdf(order('ORD-A', 'Ada Lovelace'), items('Algebra'));
    const b = await renderInvoicePdf(order('ORD-B', 'Ωmega Ŵriter ĳ'), items('Ünïcödé — Œuvres'));
    const again = await renderInvoicePdf(order('ORD-A', 'Ada Lovelace'), items('Algebra'));
    expect(a.subarray(0, 5).toString()).toBe('%PDF-');
    expect(b.subarray(0, 5).toString()).toBe('%PDF-');
    // The glyphs another invoice used do not end up in this one's font subsets.
    expect(again.equals(a)).toBe(true);
    expect(b.equals(a)).toBe(false);
    expect(a.toString('latin1').match(/\/FontFile2/g)).toHaveLength(2);
  });
});
