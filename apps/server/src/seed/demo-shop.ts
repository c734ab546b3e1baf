import { randomUUID } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { productCategories, productImages, products } from '../db/schema/index.ts';
import type { Storage } from '../platform/storage.ts';
import { buildPdf } from './demo-pdf.ts';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf: Buffer) => {
  let c = 0xffffffff;
  for (const byte of buf) c = (CRC_TABLE[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type: string, data: Buffer) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

/** A small PNG: a diagonal gradient between two colours (no image library needed). */
export function demoPng(from: [number, number, number], to: [number, number, number], size = 240): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3);
    for (let x = 0; x < size; x++) {
      const f = (x + y) / (2 * size);
      for (let i = 0; i < 3; i++)
        row[1 + x * 3 + i] = Math.round((from[i] as number) * (1 - f) + (to[i] as number) * f);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

type DemoProduct = Omit<typeof products.$inferInsert, 'categoryId'> & {
  category: string;
  colours: [[number, number, number], [number, number, number]];
  alt: string;
  pdf?: { title: string; lines: string[] };
};

const CATEGORIES = [
  { slug: 'books', name: 'Books', description: 'E-books and study guides to download.', position: 0 },
  { slug: 'stationery', name: 'Stationery', description: 'Notebooks for your notes.', position: 1 },
  { slug: 'merchandise', name: 'Merchandise', description: 'Wear the academy.', position: 2 },
];

const PRODUCTS: DemoProduct[] = [
  {
    slug: 'python-data-analysis-handbook',
    name: 'Python Data Analysis Handbook (e-book)',
    type: 'digital',
    category: 'books',
    priceMinor: 149_900,
    compareAtMinor: 199_900,
    currency: 'PKR',
    descriptionHtml:
      '<p>A compact handbook to keep beside the <strong>Python for Data Analysis</strong> course: pandas recipes, plotting and a cleaning checklist.</p>',
    descriptionText:
      'A compact handbook to keep beside the Python for Data Analysis course: pandas recipes, plotting and a cleaning checklist.',
    colours: [
      [55, 48, 163],
      [14, 165, 233],
    ],
    alt: 'Cover of the Python Data Analysis Handbook',
    pdf: {
      title: 'Python Data Analysis Handbook',
      lines: ['1. Loading data with pandas', '2. Cleaning and reshaping', '3. Plotting', '4. A checklist'],
    },
  },
  {
    slug: 'academy-dotted-notebook',
    name: 'Academy Dotted Notebook A5',
    type: 'physical',
    category: 'stationery',
    priceMinor: 85_000,
    currency: 'PKR',
    stock: 40,
    weightGrams: 320,
    descriptionHtml: '<p>160 dotted pages, lay-flat binding and a ribbon marker. Made in Lahore.</p>',
    descriptionText: '160 dotted pages, lay-flat binding and a ribbon marker. Made in Lahore.',
    colours: [
      [245, 158, 11],
      [180, 83, 9],
    ],
    alt: 'An orange A5 notebook lying open',
  },
  {
    slug: 'academy-t-shirt',
    name: '9tangle T-shirt',
    type: 'physical',
    category: 'merchandise',
    priceMinor: 250_000,
    currency: 'PKR',
    stock: 12,
    weightGrams: 180,
    descriptionHtml: '<p>Soft cotton T-shirt with the 9tangle knot on the chest.</p>',
    descriptionText: 'Soft cotton T-shirt with the 9tangle knot on the chest.',
    colours: [
      [15, 23, 42],
      [71, 85, 105],
    ],
    alt: 'A dark T-shirt with the 9tangle logo',
  },
  {
    slug: 'javascript-interview-guide',
    name: 'JavaScript Interview Guide (e-book)',
    type: 'digital',
    category: 'books',
    priceMinor: 1_500,
    currency: 'USD',
    descriptionHtml: '<p>Fifty questions with worked answers, from closures to the event loop.</p>',
    descriptionText: 'Fifty questions with worked answers, from closures to the event loop.',
    colours: [
      [234, 179, 8],
      [22, 163, 74],
    ],
    alt: 'Cover of the JavaScript Interview Guide',
    pdf: {
      title: 'JavaScript Interview Guide',
      lines: ['Closures', 'Promises and async/await', 'The event loop', 'Prototypes'],
    },
  },
];

/**
 * The demo shop: three categories, two e-books (PKR and USD, each with a generated PDF as its
 * private file), a notebook and a T-shirt with stock and weight, each with a generated image. Skipped
 * when the products already exist, so running it twice changes nothing.
 */
export async function seedDemoShop(x: Executor, o: { storage: Storage; now: Date }): Promise<void> {
  const [existing] = await x
    .select({ id: products.id })
    .from(products)
    .where(eq(products.slug, 'academy-t-shirt'));
  if (existing) return;
  const categoryIds = new Map<string, string>();
  for (const c of CATEGORIES) {
    const [row] = await x
      .insert(productCategories)
      .values({ ...c, createdAt: o.now, updatedAt: o.now })
      .onConflictDoUpdate({ target: productCategories.slug, set: { name: c.name } })
      .returning({ id: productCategories.id });
    if (row) categoryIds.set(c.slug, row.id);
  }
  for (const { category, colours, alt, pdf, ...p } of PRODUCTS) {
    const id = randomUUID();
    let file = {};
    if (pdf) {
      const data = buildPdf(pdf.title, pdf.lines);
      const fileKey = `product-files/${id}/${randomUUID()}.pdf`;
      await o.storage.put(fileKey, data);
      file = { fileKey, fileName: `${p.slug}.pdf`, fileMime: 'application/pdf', fileSizeBytes: data.length };
    }
    await x.insert(products).values({
      ...p,
      ...file,
      id,
      status: 'active',
      categoryId: categoryIds.get(category) ?? null,
      createdAt: o.now,
      updatedAt: o.now,
    });
    const imageKey = `${randomUUID()}.png`;
    await o.storage.put(`product-images/${imageKey}`, demoPng(...colours));
    await x
      .insert(productImages)
      .values({ productId: id, storageKey: imageKey, alt, position: 0, createdAt: o.now });
  }
}
