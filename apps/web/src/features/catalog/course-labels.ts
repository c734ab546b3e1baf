import type { CourseSummary } from '@9tangle/contracts';
import type { TFunction } from 'i18next';
import { formatMoney } from '../../lib/format-money.ts';

/** "Free", or the price in the reader's language. */
export function formatCoursePrice(
  course: Pick<CourseSummary, 'isFree' | 'priceMinor' | 'currency'>,
  t: TFunction,
  language: string,
): string {
  if (course.isFree || course.priceMinor === 0) return t('catalog.free');
  return formatMoney(course.priceMinor, course.currency, language);
}

/** The name of a course language ("Urdu"), or its code when we have no name for it. */
export function languageName(code: string, t: TFunction): string {
  return t(`catalog.languages.${code}`, { defaultValue: code.toUpperCase() });
}

/** "Ada Lovelace, Grace Hopper". */
export function instructorNames(course: Pick<CourseSummary, 'instructors'>): string {
  return course.instructors.map((instructor) => instructor.name).join(', ');
}

/** The languages a course can be taught in (the studio's choices and the catalog's filter). */
export const COURSE_LANGUAGES = ['en', 'ur'] as const;
