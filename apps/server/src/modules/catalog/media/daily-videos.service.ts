import type { DailyVideoBody, DailyVideoDto, DailyVideoList, DailyVideoPatch } from '@9tangle/contracts';
import type { DailyVideoRow } from '../../../db/schema/index.ts';
import { notFound } from '../../../http/errors.ts';
import { calendarDay } from '../../../platform/clock.ts';
import { auditRepo } from '../audit.repo.ts';
import { type Actor, type CatalogDeps, loadEditableCourse } from '../catalog.deps.ts';
import { checkWebLink, diff } from '../course-fields.ts';
import { dailyVideosRepo } from './daily-videos.repo.ts';

export function toDailyVideoDto(v: DailyVideoRow): DailyVideoDto {
  return {
    id: v.id,
    day: v.day,
    title: v.title,
    url: v.url,
    note: v.note,
    createdAt: v.createdAt.toISOString(),
    updatedAt: v.updatedAt.toISOString(),
  };
}
const snapshot = (v: DailyVideoRow) => ({ id: v.id, day: v.day, title: v.title, url: v.url, note: v.note });

/**
 * The daily video links of a course (a feature of the original 9tangle): one or more dated links per
 * day, which enrolled students see as "today's video" on that day. Editors only; audited.
 */
export function createDailyVideosService(
  d: Pick<CatalogDeps, 'database' | 'clock'> & { siteTimeZone: string },
) {
  const db = d.database.db;
  return {
    /** Every daily video of the course, latest day first, with today's date in the academy's zone. */
    async list(actor: Actor, courseId: string): Promise<DailyVideoList> {
      await loadEditableCourse(db, actor, courseId);
      const rows = await dailyVideosRepo.list(db, courseId);
      return {
        items: rows.map(toDailyVideoDto),
        today: calendarDay(d.clock.now(), d.siteTimeZone),
        timeZone: d.siteTimeZone,
      };
    },

    async create(actor: Actor, courseId: string, body: DailyVideoBody): Promise<DailyVideoDto> {
      checkWebLink('url', body.url);
      return db.transaction(async (tx) => {
        await loadEditableCourse(tx, actor, courseId, { lock: true });
        const now = d.clock.now();
        const row = await dailyVideosRepo.insert(tx, {
          courseId,
          day: body.day,
          title: body.title,
          url: body.url,
          note: body.note || null,
          createdBy: actor.id,
          createdAt: now,
          updatedAt: now,
        });
        await auditRepo.record(
          tx,
          { courseId, actorId: actor.id, action: 'daily_video.created', after: snapshot(row) },
          now,
        );
        return toDailyVideoDto(row);
      });
    },

    async update(actor: Actor, courseId: string, id: string, patch: DailyVideoPatch): Promise<DailyVideoDto> {
      checkWebLink('url', patch.url);
      return db.transaction(async (tx) => {
        await loadEditableCourse(tx, actor, courseId, { lock: true });
        const before = await dailyVideosRepo.find(tx, courseId, id);
        if (!before) throw notFound('daily video');
        const values = {
          ...(patch.day !== undefined ? { day: patch.day } : {}),
          ...(patch.title !== undefined ? { title: patch.title } : {}),
          ...(patch.url !== undefined ? { url: patch.url } : {}),
          ...(patch.note !== undefined ? { note: patch.note || null } : {}),
        };
        const changes = diff(snapshot(before), values);
        if (!changes) return toDailyVideoDto(before);
        const now = d.clock.now();
        const row = await dailyVideosRepo.update(tx, id, { ...values, updatedAt: now });
        await auditRepo.record(
          tx,
          {
            courseId,
            actorId: actor.id,
            action: 'daily_video.updated',
            before: { id, ...changes.before },
            after: { id, ...changes.after },
          },
          now,
        );
        return toDailyVideoDto(row);
      });
    },

    async remove(actor: Actor, courseId: string, id: string): Promise<void> {
      await db.transaction(async (tx) => {
        await loadEditableCourse(tx, actor, courseId, { lock: true });
        const row = await dailyVideosRepo.find(tx, courseId, id);
        if (!row) throw notFound('daily video');
        await dailyVideosRepo.delete(tx, id);
        await auditRepo.record(
          tx,
          { courseId, actorId: actor.id, action: 'daily_video.deleted', before: snapshot(row) },
          d.clock.now(),
        );
      });
    },
  };
}
export type DailyVideosService = ReturnType<typeof createDailyVideosService>;
