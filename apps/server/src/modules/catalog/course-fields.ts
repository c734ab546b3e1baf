import type { CoursePatch, LessonPatch } from '@9tangle/contracts';
import type { Executor } from '../../db/client.ts';
import { badRequest } from '../../http/errors.ts';
import { categoriesRepo } from './categories.repo.ts';
import type { CourseInsert } from './courses.repo.ts';
import { htmlToText, sanitizeRichText } from './rich-text.ts';

/** A 400 `validation_failed` shaped like the schema validator's, for rules a schema cannot express. */
export const invalidField = (path: string, message: string) =>
  badRequest('validation_failed', 'Some fields are not valid', [{ path: [path], message }]);

/**
 * Links a page will put in `href` or a player's `src`: http(s) only. (A bare URL schema accepts
 * `javascript:` and `data:`, which would run script in the page that shows them.)
 */
export function checkWebLink(path: string, url: string | null | undefined): void {
  if (url === null || url === undefined) return;
  let protocol = '';
  try {
    protocol = new URL(url).protocol;
  } catch {
    throw invalidField(path, 'Give a full http(s) link');
  }
  if (protocol !== 'https:' && protocol !== 'http:') throw invalidField(path, 'Give an http(s) link');
}

/** A course body (create or patch) as columns: rich text sanitized, links and category checked. */
export async function courseColumnsFrom(x: Executor, body: CoursePatch): Promise<Partial<CourseInsert>> {
  checkWebLink('introVideoUrl', body.introVideoUrl);
  if (body.categoryId) {
    const category = await categoriesRepo.findById(x, body.categoryId);
    if (!category) throw invalidField('categoryId', 'No such category');
  }
  const values: Partial<CourseInsert> = {};
  const copy = <K extends keyof CoursePatch & keyof CourseInsert>(k: K) => {
    if (body[k] !== undefined) values[k] = body[k] as CourseInsert[K];
  };
  for (const k of [
    'title',
    'slug',
    'subtitle',
    'categoryId',
    'level',
    'language',
    'durationMinutes',
    'priceMinor',
    'currency',
    'whatYouWillLearn',
    'requirements',
    'introVideoUrl',
  ] as const)
    copy(k);
  if (values.subtitle === '') values.subtitle = null;
  if (body.descriptionHtml !== undefined) {
    values.descriptionHtml = sanitizeRichText(body.descriptionHtml);
    values.descriptionText = htmlToText(values.descriptionHtml);
  }
  return values;
}

/** A lesson body (create or patch) as columns: rich text sanitized, the video link checked. */
export function lessonColumnsFrom(body: LessonPatch) {
  checkWebLink('videoUrl', body.videoUrl);
  return {
    ...(body.title !== undefined ? { title: body.title } : {}),
    ...(body.type !== undefined ? { type: body.type } : {}),
    ...(body.contentHtml !== undefined
      ? { contentHtml: body.contentHtml === null ? null : sanitizeRichText(body.contentHtml) }
      : {}),
    ...(body.videoUrl !== undefined ? { videoUrl: body.videoUrl } : {}),
    ...(body.durationSeconds !== undefined ? { durationSeconds: body.durationSeconds } : {}),
    ...(body.isPreview !== undefined ? { isPreview: body.isPreview } : {}),
    ...(body.isRequired !== undefined ? { isRequired: body.isRequired } : {}),
    ...(body.releaseAt !== undefined ? { releaseAt: body.releaseAt ? new Date(body.releaseAt) : null } : {}),
    ...(body.dripDays !== undefined ? { dripDays: body.dripDays } : {}),
  };
}

/** The fields whose values differ, as `{ before, after }` snapshots for the audit trail. */
export function diff(
  before: object,
  after: object,
): { before: Record<string, unknown>; after: Record<string, unknown> } | null {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  const plain = (v: unknown) => (v instanceof Date ? v.toISOString() : v);
  for (const [k, value] of Object.entries(after)) {
    if (value === undefined) continue;
    const from = plain((before as Record<string, unknown>)[k]);
    const to = plain(value);
    if (JSON.stringify(from) === JSON.stringify(to)) continue;
    b[k] = from;
    a[k] = to;
  }
  return Object.keys(a).length ? { before: b, after: a } : null;
}

/** The ids must be exactly the current set, each once: anything else is a stale or forged reorder. */
export function checkSameSet(current: string[], wanted: string[]): void {
  const set = new Set(wanted);
  if (set.size !== wanted.length || wanted.length !== current.length || !current.every((id) => set.has(id)))
    throw badRequest('validation_failed', 'Send every id of the list exactly once', [
      { path: ['ids'], message: 'Must list each current id exactly once' },
    ]);
}
