import { type CourseBody, CoursePatch, Currency } from '@9tangle/contracts';
import type { TFunction } from 'i18next';
import { parseMoney } from '../../lib/format-money.ts';
import { type FieldErrors, validateForm } from '../../lib/forms.ts';

/** Contract fields that the form shows under another name. */
const FIELD_ALIASES: Record<string, string> = { priceMinor: 'price' };

/** Fields whose empty value means "none" (null), rather than "leave unchanged". */
const NULLABLE = ['subtitle', 'categoryId', 'introVideoUrl'] as const;

/** One entry per non-empty line of a textarea ("What you will learn", "Requirements"). */
export function splitLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/** Renames contract field names in errors to the form's own (`priceMinor` → `price`). */
export function aliasFieldErrors(errors: FieldErrors): FieldErrors {
  const result: FieldErrors = {};
  for (const [field, message] of Object.entries(errors)) result[FIELD_ALIASES[field] ?? field] ??= message;
  return result;
}

/**
 * Reads the course fields a form has (the new-course form has fewer than the editor) into a
 * `CoursePatch`, validated with the contract. The price is typed in major units ("2500.00").
 */
export function readCourseForm(
  form: HTMLFormElement,
  t: TFunction,
): { ok: true; data: CourseBody } | { ok: false; errors: FieldErrors } {
  const data = new FormData(form);
  const text = (name: string) => {
    const value = data.get(name);
    return typeof value === 'string' ? value : undefined;
  };
  const values: Record<string, unknown> = {};
  for (const name of ['title', 'level', 'language', 'descriptionHtml'] as const) {
    if (data.has(name)) values[name] = text(name);
  }
  const slug = text('slug')?.trim();
  if (slug) values.slug = slug;
  for (const name of NULLABLE) {
    if (data.has(name)) values[name] = text(name)?.trim() || null;
  }
  for (const name of ['whatYouWillLearn', 'requirements'] as const) {
    if (data.has(name)) values[name] = splitLines(text(name) ?? '');
  }
  const duration = text('durationMinutes')?.trim();
  if (duration) values.durationMinutes = Number(duration);

  const errors: FieldErrors = {};
  const currency = Currency.safeParse(text('currency'));
  if (currency.success) values.currency = currency.data;
  if (data.get('isFree') === 'on') {
    values.priceMinor = 0;
  } else if (currency.success) {
    const minor = parseMoney(text('price') ?? '', currency.data);
    if (minor === null) errors.price = t('studio.form.priceInvalid');
    else if (minor === 0) errors.price = t('studio.form.priceZero');
    else values.priceMinor = minor;
  }

  const parsed = validateForm(CoursePatch, values, t);
  const allErrors = { ...(parsed.ok ? {} : aliasFieldErrors(parsed.errors)), ...errors };
  if (!parsed.ok || Object.keys(allErrors).length > 0) return { ok: false, errors: allErrors };
  if (typeof parsed.data.title !== 'string')
    return { ok: false, errors: { title: t('validation.required') } };
  return { ok: true, data: { ...parsed.data, title: parsed.data.title } };
}
