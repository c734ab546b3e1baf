import type { AnnouncementAudience, AnnouncementStatus } from '@9tangle/contracts';

/** The fields the rules read; instants as Dates or ISO strings (cached copies hold strings). */
export interface AnnouncementWindow {
  isActive: boolean;
  audience: AnnouncementAudience;
  startsAt: Date | string | null;
  endsAt: Date | string | null;
}

const ms = (t: Date | string) => (typeof t === 'string' ? Date.parse(t) : t.getTime());

/**
 * Where an announcement stands at `now`: turned off (`inactive`) whatever its dates, else `expired`
 * once its end has come, `scheduled` before its start, and `active` in between. The window is
 * half-open: shown from `startsAt` included until `endsAt` excluded.
 */
export function statusOf(a: AnnouncementWindow, now: Date): AnnouncementStatus {
  if (!a.isActive) return 'inactive';
  if (a.endsAt !== null && ms(a.endsAt) <= now.getTime()) return 'expired';
  if (a.startsAt !== null && ms(a.startsAt) > now.getTime()) return 'scheduled';
  return 'active';
}

/** An announcement for everyone reaches every viewer; any other only its own audience. */
export const reaches = (a: Pick<AnnouncementWindow, 'audience'>, viewer: AnnouncementAudience) =>
  a.audience === 'everyone' || a.audience === viewer;

/** Shown to `viewer` at `now`: active, in its window and for its audience. */
export const isShownTo = (a: AnnouncementWindow, viewer: AnnouncementAudience, now: Date) =>
  reaches(a, viewer) && statusOf(a, now) === 'active';

/** A window must end after it starts (either end may be open). */
export function isWindowValid(startsAt: Date | string | null, endsAt: Date | string | null): boolean {
  return startsAt === null || endsAt === null || ms(startsAt) < ms(endsAt);
}
