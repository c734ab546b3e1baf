import {
  FaqEntryBody,
  type SiteContentKey,
  SiteContentKeys,
  siteContentSchemas,
  TeamMemberBody,
} from '@9tangle/contracts';
import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { faqEntries, siteContent, teamMembers } from '../db/schema/index.ts';
import { sanitizeRichText } from '../modules/catalog/rich-text.ts';
import { DEMO_FAQ, DEMO_SITE_CONTENT, DEMO_TEAM } from './demo-content.data.ts';

const count = async (x: Executor, table: typeof teamMembers | typeof faqEntries) =>
  (await x.select({ n: sql<number>`count(*)::int` }).from(table))[0]?.n ?? 0;

/**
 * The demo academy's site content: the home banner, contact details, About text, privacy policy and
 * terms (each checked by its schema, as an admin's save is), three team members and eight FAQ entries
 * in three categories. Keys already set and lists already filled are left alone: safe to run twice.
 */
export async function seedDemoContent(x: Executor): Promise<void> {
  for (const key of SiteContentKeys) {
    const raw = DEMO_SITE_CONTENT[key as SiteContentKey];
    if (raw === undefined) continue;
    const value = siteContentSchemas[key].parse(raw) as Record<string, unknown>;
    if (typeof value.html === 'string') value.html = sanitizeRichText(value.html);
    await x.insert(siteContent).values({ key, value }).onConflictDoNothing();
  }
  if ((await count(x, teamMembers)) === 0)
    for (const [position, m] of DEMO_TEAM.entries())
      await x.insert(teamMembers).values({ ...TeamMemberBody.parse(m), position });
  if ((await count(x, faqEntries)) === 0)
    for (const [position, e] of DEMO_FAQ.entries()) {
      const v = FaqEntryBody.parse(e);
      await x.insert(faqEntries).values({
        question: v.question,
        answer: sanitizeRichText(v.answerHtml),
        category: v.category,
        isPublished: v.isPublished,
        position,
      });
    }
}
