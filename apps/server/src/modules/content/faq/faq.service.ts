import {
  FaqEntryBody,
  type FaqEntryDto,
  type FaqEntryList,
  type FaqEntryPatch,
  type PublicFaq,
} from '@9tangle/contracts';
import type { FaqEntryRow } from '../../../db/schema/index.ts';
import { badRequest, notFound } from '../../../http/errors.ts';
import { sanitizeRichText } from '../../catalog/rich-text.ts';
import type { ContentDeps } from '../content.deps.ts';
import { groupByCategory, isPermutationOf } from '../content.policy.ts';
import { faqRepo } from './faq.repo.ts';

const toDto = (r: FaqEntryRow): FaqEntryDto => ({
  id: r.id,
  question: r.question,
  answerHtml: r.answer,
  category: r.category,
  position: r.position,
  isPublished: r.isPublished,
  updatedAt: r.updatedAt.toISOString(),
});

/** An answer sanitised; one that sanitises to nothing (only a script, say) is refused. */
function cleanAnswer(html: string): string {
  const clean = sanitizeRichText(html);
  if (!clean)
    throw badRequest('validation_failed', 'Write an answer.', [
      { path: ['answerHtml'], message: 'Write an answer.' },
    ]);
  return clean;
}

/** The FAQ: entries in one ordered list, grouped by their free-text category, published or not. */
export function createFaqService(d: Pick<ContentDeps, 'database' | 'clock' | 'cache'>) {
  const db = d.database.db;
  const changed = async () => d.cache.bump();
  return {
    /** Published entries grouped by category (cached under the public version). */
    listPublic: (): Promise<PublicFaq> =>
      d.cache.read('content:faq', async () => ({
        categories: groupByCategory(await faqRepo.list(db, { publishedOnly: true })).map((g) => ({
          category: g.category,
          entries: g.entries.map((e) => ({ id: e.id, question: e.question, answerHtml: e.answer })),
        })),
      })),
    listAll: async (): Promise<FaqEntryList> => ({ items: (await faqRepo.list(db)).map(toDto) }),
    /** Add an entry at the end (of its category, which keeps its place). */
    async create(body: FaqEntryBody): Promise<FaqEntryDto> {
      const v = FaqEntryBody.parse(body);
      const answer = cleanAnswer(v.answerHtml);
      const row = await db.transaction(async (tx) => {
        await faqRepo.lockAll(tx);
        return faqRepo.insert(tx, {
          question: v.question,
          answer,
          category: v.category,
          isPublished: v.isPublished,
          position: await faqRepo.nextPosition(tx),
        });
      });
      await changed();
      return toDto(row);
    },
    async update(id: string, patch: FaqEntryPatch) {
      const before = await faqRepo.find(db, id);
      if (!before) throw notFound('FAQ entry');
      const { answerHtml, ...rest } = patch;
      const row = await faqRepo.update(db, id, {
        ...rest,
        ...(answerHtml === undefined ? {} : { answer: cleanAnswer(answerHtml) }),
        updatedAt: d.clock.now(),
      });
      if (!row) throw notFound('FAQ entry');
      await changed();
      return { before: toDto(before), after: toDto(row) };
    },
    async remove(id: string): Promise<FaqEntryDto> {
      const row = await faqRepo.delete(db, id);
      if (!row) throw notFound('FAQ entry');
      await changed();
      return toDto(row);
    },
    /** Put every entry in this order (400 unless `ids` names each entry once). */
    async reorder(ids: string[]): Promise<FaqEntryList> {
      await db.transaction(async (tx) => {
        const current = (await faqRepo.lockAll(tx)).map((r) => r.id);
        if (!isPermutationOf(ids, current))
          throw badRequest('validation_failed', 'List every FAQ entry once, in the new order.');
        for (const [position, id] of ids.entries()) await faqRepo.update(tx, id, { position });
      });
      await changed();
      return { items: (await faqRepo.list(db)).map(toDto) };
    },
  };
}
export type FaqService = ReturnType<typeof createFaqService>;
