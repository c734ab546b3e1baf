import { boolean, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns.ts';
import { users } from './identity.ts';

/** Site content an admin edits: announcements, pages, the team, the FAQ and the contact form's inbox. */

export const announcementTypeEnum = pgEnum('announcement_type', ['info', 'warning', 'success', 'error']);
/** Who sees an announcement: everyone, signed-out visitors, signed-in students, instructors or admins. */
export const announcementAudienceEnum = pgEnum('announcement_audience', [
  'everyone',
  'guests',
  'students',
  'instructors',
  'admins',
]);

export const announcements = pgTable(
  'announcements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    message: text('message').notNull(),
    type: announcementTypeEnum('type').notNull().default('info'),
    audience: announcementAudienceEnum('audience').notNull().default('everyone'),
    /** Shown from this time (null: at once) until `ends_at` (null: until turned off). */
    startsAt: timestamp('starts_at', { withTimezone: true }),
    endsAt: timestamp('ends_at', { withTimezone: true }),
    isActive: boolean('is_active').notNull().default(true),
    /** Whether a visitor may close it (remembered in the browser). */
    dismissible: boolean('dismissible').notNull().default(true),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('announcements_active_window_idx').on(t.isActive, t.startsAt, t.endsAt)],
);

/**
 * Keyed blocks of site content, one JSON value each, checked by the contracts' schema of the key:
 * `home.hero`, `page_headers` (a background image per public page), `contact.details`,
 * `legal.privacy`, `legal.terms`, `about.intro`.
 */
export const siteContent = pgTable('site_content', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: updatedAt(),
});

/** The About page's team. */
export const teamMembers = pgTable(
  'team_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    role: text('role').notNull(),
    bio: text('bio').notNull().default(''),
    /** Storage key of the photo (checked by content like every upload). */
    photoKey: text('photo_key'),
    /** Links such as LinkedIn or a website: [{ label, url }]. */
    links: jsonb('links').$type<{ label: string; url: string }[]>().notNull().default([]),
    position: integer('position').notNull().default(0),
    isVisible: boolean('is_visible').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('team_members_position_idx').on(t.position)],
);

export const faqEntries = pgTable(
  'faq_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    question: text('question').notNull(),
    /** Sanitised HTML, as every rich-text field. */
    answer: text('answer').notNull(),
    /** A free-form group heading ("Payments", "Certificates"); empty for none. */
    category: text('category').notNull().default(''),
    position: integer('position').notNull().default(0),
    isPublished: boolean('is_published').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('faq_entries_category_position_idx').on(t.category, t.position)],
);

export const contactMessageStatusEnum = pgEnum('contact_message_status', ['new', 'read', 'answered', 'spam']);

/** What the contact form received: stored first, then mailed to the admins in the same transaction. */
export const contactMessages = pgTable(
  'contact_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    subject: text('subject').notNull(),
    message: text('message').notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    /** HMAC of the sender's IP: enough to throttle and spot floods, not to locate anyone. */
    ipHash: text('ip_hash'),
    status: contactMessageStatusEnum('status').notNull().default('new'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('contact_messages_status_created_idx').on(t.status, t.createdAt)],
);

export type AnnouncementRow = typeof announcements.$inferSelect;
export type SiteContentRow = typeof siteContent.$inferSelect;
export type TeamMemberRow = typeof teamMembers.$inferSelect;
export type FaqEntryRow = typeof faqEntries.$inferSelect;
export type ContactMessageRow = typeof contactMessages.$inferSelect;
