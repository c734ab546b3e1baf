import { z } from 'zod';

/**
 * `manifest.json`, the first entry of every archive: what the archive holds and how to prove it came
 * back whole. Version 1 layout of the archive:
 *
 *   manifest.json
 *   database/postgres.dump        pg_dump --format=custom (PostgreSQL)
 *   database/pglite-datadir.tar   PGlite's own dump of its data directory (embedded)
 *   uploads/<storage key>         every uploaded file, as `DATA_DIR/uploads` holds it
 */
export const MANIFEST_FORMAT = 1;
export const MANIFEST_ENTRY = 'manifest.json';
export const DUMP_ENTRY = {
  postgres: 'database/postgres.dump',
  embedded: 'database/pglite-datadir.tar',
} as const;
export const UPLOADS_PREFIX = 'uploads/';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const TableFigure = z.object({
  /** `schema.table`, e.g. `public.users`, `drizzle.__drizzle_migrations`. */
  table: z.string(),
  rows: z.number().int().min(0),
  /** md5 over the md5 of every row's text, in a fixed order (see `table-checksums.ts`). */
  checksum: z.string(),
});
export type TableFigure = z.infer<typeof TableFigure>;

export const Manifest = z.object({
  format: z.literal(MANIFEST_FORMAT),
  app: z.literal('9tangle-lms'),
  appVersion: z.string(),
  createdAt: z.string(),
  database: z.object({
    kind: z.enum(['postgres', 'embedded']),
    /** `server_version` of the dumped database (e.g. `15.20`). */
    serverVersion: z.string(),
    /** The archive entry holding the dump. */
    dump: z.string(),
    dumpBytes: z.number().int().min(0),
    dumpSha256: Sha256,
    /** Left out of the dump on purpose: pg-boss's job state (see backup.service.ts). */
    excludedSchemas: z.array(z.string()),
  }),
  tables: z.array(TableFigure),
  files: z.array(z.object({ path: z.string(), size: z.number().int().min(0), sha256: Sha256 })),
  totals: z.object({
    tables: z.number().int(),
    rows: z.number().int(),
    files: z.number().int(),
    fileBytes: z.number().int(),
  }),
});
export type Manifest = z.infer<typeof Manifest>;

/** One difference between what the manifest promises and what a restore produced. */
export interface Mismatch {
  kind:
    | 'table_missing'
    | 'table_unexpected'
    | 'row_count'
    | 'checksum'
    | 'file_missing'
    | 'file_unexpected'
    | 'file_size'
    | 'file_checksum'
    | 'dump_checksum';
  /** The table or file it concerns. */
  name: string;
  expected?: string | number;
  actual?: string | number;
}

/** Compare the tables a restore produced with the manifest's: every table, its row count and checksum. */
export function compareTables(expected: TableFigure[], actual: TableFigure[]): Mismatch[] {
  const out: Mismatch[] = [];
  const got = new Map(actual.map((t) => [t.table, t]));
  for (const e of expected) {
    const a = got.get(e.table);
    got.delete(e.table);
    if (!a) {
      out.push({ kind: 'table_missing', name: e.table });
      continue;
    }
    if (a.rows !== e.rows) out.push({ kind: 'row_count', name: e.table, expected: e.rows, actual: a.rows });
    else if (a.checksum !== e.checksum)
      out.push({ kind: 'checksum', name: e.table, expected: e.checksum, actual: a.checksum });
  }
  for (const name of got.keys()) out.push({ kind: 'table_unexpected', name });
  return out;
}

/** Compare files found (path → size and sha256) with the manifest's list. */
export function compareFiles(
  expected: Manifest['files'],
  actual: { path: string; size: number; sha256: string }[],
): Mismatch[] {
  const out: Mismatch[] = [];
  const got = new Map(actual.map((f) => [f.path, f]));
  for (const e of expected) {
    const a = got.get(e.path);
    got.delete(e.path);
    if (!a) out.push({ kind: 'file_missing', name: e.path });
    else if (a.size !== e.size)
      out.push({ kind: 'file_size', name: e.path, expected: e.size, actual: a.size });
    else if (a.sha256 !== e.sha256)
      out.push({ kind: 'file_checksum', name: e.path, expected: e.sha256, actual: a.sha256 });
  }
  for (const name of got.keys()) out.push({ kind: 'file_unexpected', name });
  return out;
}

/** A sentence for a list of mismatches (the drill's error, the restore's refusal). */
export function describeMismatches(m: Mismatch[]): string {
  if (m.length === 0) return 'everything matches the manifest';
  const first = m
    .slice(0, 5)
    .map(
      (x) =>
        `${x.kind.replace('_', ' ')} ${x.name}${x.expected !== undefined ? ` (expected ${x.expected}, got ${x.actual ?? 'nothing'})` : ''}`,
    );
  return `${m.length} difference${m.length === 1 ? '' : 's'} from the manifest: ${first.join('; ')}${m.length > 5 ? '; …' : ''}`;
}
