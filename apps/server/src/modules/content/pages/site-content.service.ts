import {
  PublicPageNames,
  type SiteContentDto,
  type SiteContentEntry,
  type SiteContentKey,
  SiteContentKeys,
  type SiteContentValue,
  siteContentDefaults,
  siteContentSchemas,
} from '@9tangle/contracts';
import type { SiteContentRow } from '../../../db/schema/index.ts';
import { badRequest } from '../../../http/errors.ts';
import { sanitizeRichText } from '../../catalog/rich-text.ts';
import type { ContentDeps } from '../content.deps.ts';
import type { ContentImagesService } from '../content-images.service.ts';
import { siteContentRepo } from './site-content.repo.ts';

/** The image keys a value points at (they must name uploaded images). */
export function imageKeysOf(key: SiteContentKey, value: unknown): string[] {
  if (key === 'home.hero') {
    const k = (value as SiteContentValue<'home.hero'>).imageKey;
    return k ? [k] : [];
  }
  if (key === 'page_headers') {
    const headers = value as SiteContentValue<'page_headers'>;
    return PublicPageNames.flatMap((p) => (headers[p].imageKey ? [headers[p].imageKey] : []));
  }
  return [];
}

/** Rich text fields go through the project's allowlist sanitiser; everything else is plain text. */
function cleaned<K extends SiteContentKey>(key: K, value: SiteContentValue<K>): SiteContentValue<K> {
  if (key === 'about.intro' || key === 'legal.privacy' || key === 'legal.terms') {
    const v = value as SiteContentValue<'about.intro'>;
    return { ...v, html: sanitizeRichText(v.html) } as SiteContentValue<K>;
  }
  return value;
}

/**
 * The keyed blocks of site content. A stored value that no longer fits its schema (an older shape) is
 * answered as the default rather than breaking a public page.
 */
function toDto(key: SiteContentKey, row: SiteContentRow | null): SiteContentDto {
  const parsed = row ? siteContentSchemas[key].safeParse(row.value) : null;
  const value = parsed?.success ? parsed.data : siteContentDefaults[key];
  return {
    key,
    value,
    isSet: Boolean(parsed?.success),
    updatedAt: row?.updatedAt.toISOString() ?? null,
  } as SiteContentDto;
}

export function createSiteContentService(
  d: Pick<ContentDeps, 'database' | 'clock' | 'cache'> & {
    images: Pick<ContentImagesService, 'assertExists'>;
  },
) {
  const db = d.database.db;
  return {
    /** The value of a key (its default until an admin saves it), cached under the public version. */
    async get<K extends SiteContentKey>(key: K): Promise<SiteContentEntry<K>> {
      return d.cache.read(`content:${key}`, async () =>
        toDto(key, await siteContentRepo.find(db, key)),
      ) as Promise<SiteContentEntry<K>>;
    },
    /** Every key at once (the admin's editor). */
    async all(): Promise<SiteContentDto[]> {
      const rows = await siteContentRepo.findMany(db, [...SiteContentKeys]);
      return SiteContentKeys.map((k) => toDto(k, rows.find((r) => r.key === k) ?? null));
    },
    /**
     * Replace a key's whole value: checked against its schema (400 `validation_failed` with the
     * issues), rich text sanitised, images checked to exist. Returns the value before and after, for
     * the audit trail. Every public page goes stale once the transaction commits.
     */
    async put(key: SiteContentKey, raw: unknown, actorId: string) {
      const parsed = siteContentSchemas[key].safeParse(raw);
      if (!parsed.success)
        throw badRequest(
          'validation_failed',
          'Some fields are not valid',
          parsed.error.issues.map((i) => ({ path: ['value', ...i.path.map(String)], message: i.message })),
        );
      const value = cleaned(key, parsed.data);
      for (const image of imageKeysOf(key, value)) await d.images.assertExists(image);
      const { before, after } = await db.transaction(async (tx) => {
        const previous = await siteContentRepo.find(tx, key, { lock: true });
        await siteContentRepo.upsert(tx, { key, value, updatedBy: actorId, at: d.clock.now() });
        return { before: toDto(key, previous), after: toDto(key, await siteContentRepo.find(tx, key)) };
      });
      await d.cache.bump();
      return { before: before.isSet ? before.value : null, after };
    },
  };
}
export type SiteContentService = ReturnType<typeof createSiteContentService>;
