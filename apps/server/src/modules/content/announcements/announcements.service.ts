import type {
  AdminAnnouncement,
  AdminAnnouncementList,
  AdminAnnouncementQuery,
  AnnouncementAudience,
  AnnouncementBody,
  AnnouncementPatch,
  PublicAnnouncement,
} from '@9tangle/contracts';
import type { Database } from '../../../db/client.ts';
import type { AnnouncementRow } from '../../../db/schema/index.ts';
import { badRequest, notFound } from '../../../http/errors.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { CatalogCache } from '../../catalog/catalog-cache.ts';
import { isShownTo, isWindowValid, statusOf } from './announcements.policy.ts';
import { type AnnouncementWithAuthor, announcementsRepo } from './announcements.repo.ts';

/** At most this many banners at once: more would push the page out of sight. */
export const MAX_BANNERS = 3;

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const at = (s: string | null) => (s === null ? null : new Date(s));

/** A live announcement as cached: plain JSON, instants as ISO strings. */
interface CachedAnnouncement {
  id: string;
  title: string;
  message: string;
  type: PublicAnnouncement['type'];
  audience: AnnouncementAudience;
  dismissible: boolean;
  isActive: boolean;
  startsAt: string | null;
  endsAt: string | null;
  updatedAt: string;
}

/**
 * Announcements: the admin's list and edits, and the banners a viewer gets. The banners are read on
 * every page render, so the live ones are cached under the shared public version (ADR 029), which every
 * write bumps; the clock then decides, at each read, which of them are inside their window.
 */
export function createAnnouncementsService(d: {
  database: Database;
  clock: Clock;
  cache: CatalogCache;
  siteTimeZone: string;
}) {
  const db = d.database.db;

  function toAdmin(r: AnnouncementWithAuthor, now: Date): AdminAnnouncement {
    return {
      id: r.id,
      title: r.title,
      message: r.message,
      type: r.type,
      audience: r.audience,
      startsAt: iso(r.startsAt),
      endsAt: iso(r.endsAt),
      isActive: r.isActive,
      dismissible: r.dismissible,
      status: statusOf(r, now),
      createdBy: r.createdBy ? { id: r.createdBy, name: r.createdByName ?? '' } : null,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    };
  }
  async function load(id: string): Promise<AnnouncementWithAuthor> {
    const row = await announcementsRepo.findById(db, id);
    if (!row) throw notFound('announcement');
    return row;
  }
  function checkWindow(startsAt: Date | null, endsAt: Date | null) {
    if (!isWindowValid(startsAt, endsAt))
      throw badRequest('invalid_announcement_window', 'The end must come after the start', [
        { path: 'endsAt', message: 'The end must come after the start' },
      ]);
  }
  /** Save a change and answer the announcement before and after it (for the audit trail). */
  async function change(id: string, set: Partial<AnnouncementRow>) {
    const before = await load(id);
    checkWindow(
      set.startsAt === undefined ? before.startsAt : set.startsAt,
      set.endsAt === undefined ? before.endsAt : set.endsAt,
    );
    const now = d.clock.now();
    await announcementsRepo.update(db, id, { ...set, updatedAt: now });
    await d.cache.bump();
    return { before: toAdmin(before, now), after: toAdmin(await load(id), now) };
  }
  const live = () =>
    d.cache.readVersioned<CachedAnnouncement[]>('announcements:live', async () =>
      (await announcementsRepo.live(db, d.clock.now())).map((r) => ({
        id: r.id,
        title: r.title,
        message: r.message,
        type: r.type,
        audience: r.audience,
        dismissible: r.dismissible,
        isActive: r.isActive,
        startsAt: iso(r.startsAt),
        endsAt: iso(r.endsAt),
        updatedAt: r.updatedAt.toISOString(),
      })),
    );
  /** The banners `viewer` sees now, newest first, at most three. */
  async function shownTo(viewer: AnnouncementAudience): Promise<PublicAnnouncement[]> {
    return (await shownWithVersion(viewer)).shown;
  }
  /** `shownTo`, with the shared version the live list was read under. */
  async function shownWithVersion(viewer: AnnouncementAudience) {
    const now = d.clock.now();
    const { version, value } = await live();
    const shown = value
      .filter((x) => isShownTo(x, viewer, now))
      .slice(0, MAX_BANNERS)
      .map(({ id, title, message, type, dismissible, updatedAt }) => ({
        id,
        title,
        message,
        type,
        dismissible,
        updatedAt,
      }));
    return { version, shown };
  }

  return {
    /** Every announcement, newest first, with its status now and the counts per status. */
    async list(q: AdminAnnouncementQuery): Promise<AdminAnnouncementList> {
      const now = d.clock.now();
      const [{ items, total }, counts] = await Promise.all([
        announcementsRepo.list(db, { ...q, now }),
        announcementsRepo.countByStatus(db, now),
      ]);
      return {
        items: items.map((r) => toAdmin(r, now)),
        pageInfo: { page: q.page, limit: q.limit, total, pages: Math.ceil(total / q.limit) },
        counts,
        timeZone: d.siteTimeZone,
      };
    },
    async get(id: string): Promise<AdminAnnouncement> {
      return toAdmin(await load(id), d.clock.now());
    },
    /** A new announcement; 400 `invalid_announcement_window` when it would end before it starts. */
    async create(actorId: string, body: AnnouncementBody): Promise<AdminAnnouncement> {
      const startsAt = at(body.startsAt);
      const endsAt = at(body.endsAt);
      checkWindow(startsAt, endsAt);
      const now = d.clock.now();
      const row = await announcementsRepo.insert(db, {
        ...body,
        startsAt,
        endsAt,
        createdBy: actorId,
        createdAt: now,
        updatedAt: now,
      });
      await d.cache.bump();
      return toAdmin(await load(row.id), now);
    },
    /** Change some fields; the window is checked as it will be after the change. */
    update(id: string, patch: AnnouncementPatch) {
      const { startsAt, endsAt, ...rest } = patch;
      return change(id, {
        ...rest,
        ...(startsAt !== undefined ? { startsAt: at(startsAt) } : {}),
        ...(endsAt !== undefined ? { endsAt: at(endsAt) } : {}),
      });
    },
    /** Turn it on or off without touching its window. */
    setActive: (id: string, isActive: boolean) => change(id, { isActive }),
    /** Delete it for good; answers what it was. */
    async delete(id: string): Promise<AdminAnnouncement> {
      const before = await load(id);
      await announcementsRepo.delete(db, id);
      await d.cache.bump();
      return toAdmin(before, d.clock.now());
    },

    shownTo,
    /**
     * The version of a page for `viewer`: the shared version (ADR 029) and the announcements `viewer`
     * sees at this instant, read together. A window that opens or closes changes it, so the key of a
     * kept page (a public page's ETag, a shared signed-in page's key) changes at that moment, not only
     * at the next write.
     */
    async pageVersion(viewer: AnnouncementAudience): Promise<string> {
      const { version, shown } = await shownWithVersion(viewer);
      return `${version}:${shown.map((x) => `${x.id}@${x.updatedAt}`).join(',') || '-'}`;
    },
  };
}
export type AnnouncementsService = ReturnType<typeof createAnnouncementsService>;
