import { z } from 'zod';
import { PageInfo, Pagination } from './admin.ts';

/**
 * Site content an admin edits (issue 5 §1): keyed blocks (`site_content`), the team, the FAQ and the
 * contact form. Every key's value is checked by its schema on write and has a default when absent.
 */

/** Storage name of an uploaded content image: random, so it is served with year-long caching. */
export const ContentImageKey = z.string().regex(/^[0-9a-f-]{36}\.(jpg|png|webp)$/, 'Not an image key');
export const contentImageUrl = (key: string) => `/api/files/content/${key}`;

const HTTPS = /^https:\/\/[^\s/]+\.[^\s]+$/i;
/** A link: an https URL. `http:`, `javascript:` and protocol-relative links are refused. */
export const HttpsUrl = z.string().trim().max(500).regex(HTTPS, 'Use an https:// address');
/** A call to action: a path on this site (`/courses`) or an https URL. */
export const SafeHref = z
  .string()
  .trim()
  .max(500)
  .refine((v) => (v.startsWith('/') && !v.startsWith('//') && !v.includes('\\')) || HTTPS.test(v), {
    message: 'Use a path on this site (/courses) or an https:// address',
  });
const line = (max: number) => z.string().trim().max(max);

export const HeroCta = z.object({ label: line(40).min(1), href: SafeHref }).strict();
/** `home.hero`: the home page's banner. Empty text falls back to the built-in strings. */
export const HomeHero = z
  .object({
    eyebrow: line(80),
    title: line(120),
    subtitle: line(400),
    /** At most two buttons; none keeps the default "Browse courses / Create an account". */
    ctas: z.array(HeroCta).max(2),
    imageKey: ContentImageKey.nullable(),
  })
  .strict();
export type HomeHero = z.infer<typeof HomeHero>;

export const PageHeader = z
  .object({
    imageKey: ContentImageKey.nullable(),
    title: line(120).optional(),
    subtitle: line(300).optional(),
  })
  .strict();
export type PageHeader = z.infer<typeof PageHeader>;
export const PublicPageNames = ['about', 'contact', 'faq', 'privacy', 'terms'] as const;
export type PublicPageName = (typeof PublicPageNames)[number];
/** `page_headers`: the background image (and optional heading) of each public page. */
export const PageHeaders = z
  .object({
    about: PageHeader,
    contact: PageHeader,
    faq: PageHeader,
    privacy: PageHeader,
    terms: PageHeader,
  })
  .strict();
export type PageHeaders = z.infer<typeof PageHeaders>;

export const SocialLink = z.object({ label: line(40).min(1), url: HttpsUrl }).strict();
/** `contact.details`: shown on /contact; `email` also receives the contact form (else every admin). */
export const ContactDetails = z
  .object({
    email: z.union([z.email().max(254), z.literal('')]),
    phone: line(40),
    whatsapp: line(40),
    address: line(400),
    hours: line(200),
    /** A map link (https), shown as a link, never embedded. */
    mapUrl: z.union([HttpsUrl, z.literal('')]),
    socials: z.array(SocialLink).max(8),
  })
  .strict();
export type ContactDetails = z.infer<typeof ContactDetails>;

/** `about.intro`: the About page's text above the team. `html` is sanitised on write. */
export const AboutIntro = z.object({ title: line(120), html: z.string().max(50_000) }).strict();
export type AboutIntro = z.infer<typeof AboutIntro>;

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use YYYY-MM-DD');
/** `legal.privacy`, `legal.terms`. `html` is sanitised on write. */
export const LegalPage = z
  .object({
    title: line(120),
    html: z.string().max(200_000),
    effectiveDate: z.union([IsoDate, z.literal('')]),
  })
  .strict();
export type LegalPage = z.infer<typeof LegalPage>;

export const SiteContentKeys = [
  'home.hero',
  'page_headers',
  'contact.details',
  'about.intro',
  'legal.privacy',
  'legal.terms',
] as const;
export const SiteContentKey = z.enum(SiteContentKeys);
export type SiteContentKey = z.infer<typeof SiteContentKey>;

/** The schema of each key's value. */
export const siteContentSchemas = {
  'home.hero': HomeHero,
  page_headers: PageHeaders,
  'contact.details': ContactDetails,
  'about.intro': AboutIntro,
  'legal.privacy': LegalPage,
  'legal.terms': LegalPage,
} as const;
export type SiteContentValue<K extends SiteContentKey> = z.infer<(typeof siteContentSchemas)[K]>;

const noHeader: PageHeader = { imageKey: null };
/** What each key holds before an admin writes it: empty, so the pages show their built-in text. */
export const siteContentDefaults: { [K in SiteContentKey]: SiteContentValue<K> } = {
  'home.hero': { eyebrow: '', title: '', subtitle: '', ctas: [], imageKey: null },
  page_headers: { about: noHeader, contact: noHeader, faq: noHeader, privacy: noHeader, terms: noHeader },
  'contact.details': { email: '', phone: '', whatsapp: '', address: '', hours: '', mapUrl: '', socials: [] },
  'about.intro': { title: '', html: '' },
  'legal.privacy': { title: '', html: '', effectiveDate: '' },
  'legal.terms': { title: '', html: '', effectiveDate: '' },
};

const entry = <K extends SiteContentKey>(key: K) =>
  z.object({
    key: z.literal(key),
    value: siteContentSchemas[key],
    /** False until an admin saves the key: the value is the default. */
    isSet: z.boolean(),
    updatedAt: z.string().nullable(),
  });
export const SiteContentDto = z.discriminatedUnion('key', [
  entry('home.hero'),
  entry('page_headers'),
  entry('contact.details'),
  entry('about.intro'),
  entry('legal.privacy'),
  entry('legal.terms'),
]);
export type SiteContentDto = z.infer<typeof SiteContentDto>;
export type SiteContentEntry<K extends SiteContentKey> = Extract<SiteContentDto, { key: K }>;
export const SiteContentParams = z.object({ key: SiteContentKey });
/** `PUT /api/admin/content/:key`: the whole value, checked against the key's schema. */
export const SiteContentPut = z.object({ value: z.unknown() }).strict();
export type SiteContentPut = z.infer<typeof SiteContentPut>;
export const ContentImageUploaded = z.object({ key: ContentImageKey, url: z.string() });
export type ContentImageUploaded = z.infer<typeof ContentImageUploaded>;

// --- Team -------------------------------------------------------------------------------------------

export const TeamLink = z.object({ label: line(40).min(1), url: HttpsUrl }).strict();
export const TeamMemberBody = z
  .object({
    name: line(120).min(1),
    role: line(120).min(1),
    /** Plain text; paragraphs by blank lines. */
    bio: line(2_000).default(''),
    links: z.array(TeamLink).max(6).default([]),
    isVisible: z.boolean().default(true),
  })
  .strict();
export type TeamMemberBody = z.input<typeof TeamMemberBody>;
export const TeamMemberPatch = z
  .object({
    name: line(120).min(1),
    role: line(120).min(1),
    bio: line(2_000),
    links: z.array(TeamLink).max(6),
    isVisible: z.boolean(),
  })
  .partial()
  .strict();
export type TeamMemberPatch = z.infer<typeof TeamMemberPatch>;
export const PublicTeamMember = z.object({
  id: z.uuid(),
  name: z.string(),
  role: z.string(),
  bio: z.string(),
  photoUrl: z.string().nullable(),
  links: z.array(z.object({ label: z.string(), url: z.string() })),
});
export type PublicTeamMember = z.infer<typeof PublicTeamMember>;
export const TeamMemberDto = PublicTeamMember.extend({
  photoKey: z.string().nullable(),
  position: z.number(),
  isVisible: z.boolean(),
  updatedAt: z.string(),
});
export type TeamMemberDto = z.infer<typeof TeamMemberDto>;
export const TeamMemberList = z.object({ items: z.array(TeamMemberDto) });
export type TeamMemberList = z.infer<typeof TeamMemberList>;
export const PublicTeamList = z.object({ items: z.array(PublicTeamMember) });
export type PublicTeamList = z.infer<typeof PublicTeamList>;
/** Every id of the list, once, in the new order. */
export const ContentReorderBody = z.object({ ids: z.array(z.uuid()).min(1).max(500) }).strict();
export type ContentReorderBody = z.infer<typeof ContentReorderBody>;

// --- FAQ --------------------------------------------------------------------------------------------

export const FaqEntryBody = z
  .object({
    question: line(300).min(3),
    /** Rich text, sanitised on write. */
    answerHtml: z.string().min(1).max(20_000),
    /** Free-text group heading; empty for "General". */
    category: line(80).default(''),
    isPublished: z.boolean().default(true),
  })
  .strict();
export type FaqEntryBody = z.input<typeof FaqEntryBody>;
export const FaqEntryPatch = z
  .object({
    question: line(300).min(3),
    answerHtml: z.string().min(1).max(20_000),
    category: line(80),
    isPublished: z.boolean(),
  })
  .partial()
  .strict();
export type FaqEntryPatch = z.infer<typeof FaqEntryPatch>;
export const FaqEntryDto = z.object({
  id: z.uuid(),
  question: z.string(),
  answerHtml: z.string(),
  category: z.string(),
  position: z.number(),
  isPublished: z.boolean(),
  updatedAt: z.string(),
});
export type FaqEntryDto = z.infer<typeof FaqEntryDto>;
export const FaqEntryList = z.object({ items: z.array(FaqEntryDto) });
export type FaqEntryList = z.infer<typeof FaqEntryList>;
export const PublicFaq = z.object({
  /** Published entries by category, categories in the order of their first entry. */
  categories: z.array(
    z.object({
      category: z.string(),
      entries: z.array(z.object({ id: z.uuid(), question: z.string(), answerHtml: z.string() })),
    }),
  ),
});
export type PublicFaq = z.infer<typeof PublicFaq>;

// --- Contact form -----------------------------------------------------------------------------------

export const ContactBody = z
  .object({
    name: line(120).min(1),
    email: z.email().max(254),
    subject: line(200).min(1),
    message: z.string().trim().min(10).max(5_000),
    /** Honeypot: hidden from people, so it must stay empty. A filled one is dropped as spam. */
    website: z.string().max(500).default(''),
  })
  .strict();
export type ContactBody = z.input<typeof ContactBody>;
export const ContactReceived = z.object({ status: z.literal('received') });

export const ContactMessageStatuses = ['new', 'read', 'answered', 'spam'] as const;
export const ContactMessageStatus = z.enum(ContactMessageStatuses);
export type ContactMessageStatus = z.infer<typeof ContactMessageStatus>;
export const ContactMessageDto = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  subject: z.string(),
  message: z.string(),
  status: ContactMessageStatus,
  userId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ContactMessageDto = z.infer<typeof ContactMessageDto>;
export const ContactMessageQuery = Pagination.extend({ status: ContactMessageStatus.optional() });
export type ContactMessageQuery = z.input<typeof ContactMessageQuery>;
export const ContactMessageList = z.object({
  items: z.array(ContactMessageDto),
  pageInfo: PageInfo,
  /** Messages still `new`, whatever the filter. */
  unread: z.number(),
});
export type ContactMessageList = z.infer<typeof ContactMessageList>;
export const ContactMessagePatch = z.object({ status: ContactMessageStatus }).strict();
export type ContactMessagePatch = z.infer<typeof ContactMessagePatch>;
