import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { ApiError } from '../api/client.ts';

/** Error text per field name. */
export type FieldErrors = Partial<Record<string, string>>;

type Issue = z.core.$ZodIssue;

/** The form's fields as strings; empty optional fields are left out so optional schemas accept them. */
export function readForm(form: HTMLFormElement, optional: readonly string[] = []): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of new FormData(form)) {
    if (typeof value !== 'string') continue;
    if (optional.includes(name) && value.trim() === '') continue;
    values[name] = value;
  }
  return values;
}

function fieldOf(path: readonly PropertyKey[]): string {
  const last = [...path].reverse().find((segment) => typeof segment === 'string');
  return typeof last === 'string' ? last : '';
}

/** A translated message for one Zod issue: field-specific text first, then generic, then Zod's own. */
export function translateIssue(t: TFunction, issue: Issue): string {
  const field = fieldOf(issue.path);
  const isEmpty =
    issue.code === 'invalid_type' ||
    (issue.code === 'too_small' && issue.origin === 'string' && issue.minimum === 1);
  if (isEmpty) return t('validation.required');
  const params = {
    minimum: 'minimum' in issue ? String(issue.minimum) : '',
    maximum: 'maximum' in issue ? String(issue.maximum) : '',
  };
  return t([`validation.fields.${field}.${issue.code}`, `validation.${issue.code}`], {
    ...params,
    defaultValue: issue.message,
  });
}

/** Validates with a contracts schema; the parsed data, or one translated error per field. */
export function validateForm<S extends z.ZodType>(
  schema: S,
  values: unknown,
  t: TFunction,
): { ok: true; data: z.output<S> } | { ok: false; errors: FieldErrors } {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = fieldOf(issue.path) || 'form';
    errors[field] ??= translateIssue(t, issue);
  }
  return { ok: false, errors };
}

type ServerIssue = { path?: unknown; message?: unknown };

/**
 * Field errors from a `validation_failed` answer (`details: [{ path, message }]`), for the fields
 * this form shows; issues about other fields are returned under `form`.
 */
export function serverFieldErrors(error: unknown, fields: readonly string[]): FieldErrors {
  if (!(error instanceof ApiError) || error.code !== 'validation_failed' || !Array.isArray(error.details)) {
    return {};
  }
  const errors: FieldErrors = {};
  for (const detail of error.details as ServerIssue[]) {
    const path = Array.isArray(detail.path) ? detail.path.filter((p) => typeof p === 'string') : [];
    const field = path.find((segment) => fields.includes(segment));
    const message = typeof detail.message === 'string' ? detail.message : '';
    if (!message) continue;
    if (field) errors[field] ??= message;
    else errors.form ??= message;
  }
  return errors;
}
