import { z } from 'zod';
import { PageInfo, Pagination } from './admin.ts';

/** Site-wide announcements shown as banners on every page (issue 5, "Site content"). */
export const AnnouncementTypes = ['info', 'warning', 'success', 'error'] as const;
export const AnnouncementType = z.enum(AnnouncementTypes);
export type AnnouncementType = z.infer<typeof AnnouncementType>;

/** Who sees it: everyone, signed-out visitors, or signed-in students, instructors or admins. */
export const AnnouncementAudiences = ['everyone', 'guests', 'students', 'instructors', 'admins'] as const;
export const AnnouncementAudience = z.enum(AnnouncementAudiences);
export type AnnouncementAudience = z.infer<typeof AnnouncementAudience>;

/** Where an announcement stands now: shown, waiting for its start, past its end, or turned off. */
export const AnnouncementStatuses = ['active', 'scheduled', 'expired', 'inactive'] as const;
export const AnnouncementStatus = z.enum(AnnouncementStatuses);
export type AnnouncementStatus = z.infer<typeof AnnouncementStatus>;

const Timestamp = z.iso.datetime({ offset: true });

export const AnnouncementBody = z
  .object({
    title: z.string().trim().min(1).max(120),
    /** Plain text (shown escaped, line breaks kept); no HTML. */
    message: z.string().trim().min(1).max(1000),
    type: AnnouncementType.default('info'),
    audience: AnnouncementAudience.default('everyone'),
    /** Shown from this instant; null: at once. */
    startsAt: Timestamp.nullable().default(null),
    /** Shown until this instant (after `startsAt`); null: until turned off. */
    endsAt: Timestamp.nullable().default(null),
    isActive: z.boolean().default(true),
    /** Whether a visitor may close it (remembered in their browser until it is edited). */
    dismissible: z.boolean().default(true),
  })
  .strict();
export type AnnouncementBody = z.infer<typeof AnnouncementBody>;
export type AnnouncementInput = z.input<typeof AnnouncementBody>;

/** A change to some fields; the window is checked against the fields it leaves as they are. */
export const AnnouncementPatch = z
  .object({
    title: z.string().trim().min(1).max(120),
    message: z.string().trim().min(1).max(1000),
    type: AnnouncementType,
    audience: AnnouncementAudience,
    startsAt: Timestamp.nullable(),
    endsAt: Timestamp.nullable(),
    isActive: z.boolean(),
    dismissible: z.boolean(),
  })
  .partial()
  .strict();
export type AnnouncementPatch = z.infer<typeof AnnouncementPatch>;

export const AdminAnnouncement = z.object({
  id: z.uuid(),
  title: z.string(),
  message: z.string(),
  type: AnnouncementType,
  audience: AnnouncementAudience,
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  isActive: z.boolean(),
  dismissible: z.boolean(),
  status: AnnouncementStatus,
  createdBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AdminAnnouncement = z.infer<typeof AdminAnnouncement>;

export const AdminAnnouncementQuery = Pagination.extend({ status: AnnouncementStatus.optional() });
export type AdminAnnouncementQuery = z.infer<typeof AdminAnnouncementQuery>;
export const AdminAnnouncementList = z.object({
  items: z.array(AdminAnnouncement),
  pageInfo: PageInfo,
  /** How many there are in each status now (for the filter's badges). */
  counts: z.record(AnnouncementStatus, z.number()),
  /** The academy's time zone, in which the admin reads and types the window. */
  timeZone: z.string(),
});
export type AdminAnnouncementList = z.infer<typeof AdminAnnouncementList>;

/** A banner as a visitor gets it. */
export const PublicAnnouncement = z.object({
  id: z.uuid(),
  title: z.string(),
  message: z.string(),
  type: AnnouncementType,
  dismissible: z.boolean(),
  /** Part of the key a dismissal is remembered under: an edited announcement shows again. */
  updatedAt: z.string(),
});
export type PublicAnnouncement = z.infer<typeof PublicAnnouncement>;
export const PublicAnnouncementList = z.object({ items: z.array(PublicAnnouncement) });
export type PublicAnnouncementList = z.infer<typeof PublicAnnouncementList>;

/** The audience a viewer belongs to: guests signed out, else by role. */
export function announcementAudienceOf(role: 'student' | 'instructor' | 'admin' | null | undefined) {
  if (!role) return 'guests' as const;
  return `${role}s` as 'students' | 'instructors' | 'admins';
}
