import { LessonPatch } from '@9tangle/contracts';
import type { TFunction } from 'i18next';
import type { LessonPatch as LessonPatchType } from '../../../api/types.ts';
import { type FieldErrors, validateForm } from '../../../lib/forms.ts';

export type ReleaseMode = 'now' | 'date' | 'drip';

/** An ISO time → the value of a `datetime-local` input, in the editor's own time zone. */
export function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A `datetime-local` value (the editor's time zone) → an ISO time in UTC, or null when empty/invalid. */
export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** Reads the lesson editor into a `LessonPatch`, validated with the contract. */
export function readLessonForm(
  form: HTMLFormElement,
  t: TFunction,
): { ok: true; data: LessonPatchType } | { ok: false; errors: FieldErrors } {
  const data = new FormData(form);
  const text = (name: string) => {
    const value = data.get(name);
    return typeof value === 'string' ? value.trim() : '';
  };
  const values: Record<string, unknown> = {
    title: text('title'),
    type: text('type'),
    isPreview: data.get('isPreview') === 'on',
    isRequired: data.get('isRequired') === 'on',
  };
  if (data.has('videoUrl')) values.videoUrl = text('videoUrl') || null;
  if (data.has('contentHtml')) values.contentHtml = text('contentHtml') || null;

  const errors: FieldErrors = {};
  const minutes = text('durationMinutes');
  const seconds = text('durationSecondsPart');
  if (minutes || seconds) {
    const total = Number(minutes || '0') * 60 + Number(seconds || '0');
    if (!Number.isInteger(total) || total < 0) errors.durationSeconds = t('studio.lesson.durationInvalid');
    else values.durationSeconds = total;
  } else {
    values.durationSeconds = null;
  }

  const mode = text('release') as ReleaseMode;
  values.releaseAt = null;
  values.dripDays = null;
  if (mode === 'date') {
    const releaseAt = fromLocalInput(text('releaseAt'));
    if (releaseAt) values.releaseAt = releaseAt;
    else errors.releaseAt = t('studio.lesson.releaseAtRequired');
  } else if (mode === 'drip') {
    const days = text('dripDays');
    if (days) values.dripDays = Number(days);
    else errors.dripDays = t('studio.lesson.dripDaysRequired');
  }

  const parsed = validateForm(LessonPatch, values, t);
  const allErrors = { ...(parsed.ok ? {} : parsed.errors), ...errors };
  if (!parsed.ok || Object.keys(allErrors).length > 0) return { ok: false, errors: allErrors };
  return { ok: true, data: parsed.data };
}
