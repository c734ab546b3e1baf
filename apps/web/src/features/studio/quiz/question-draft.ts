import {
  QuestionBody,
  type QuestionBodyInput,
  type QuestionType,
  type StudioQuestion,
} from '@9tangle/contracts';
import type { TFunction } from 'i18next';
import { ApiError } from '../../../api/client.ts';
import { type FieldErrors, translateIssue } from '../../../lib/forms.ts';

/** A question as the editor holds it: every type's fields at once, as the inputs show them. */
export interface QuestionDraft {
  type: QuestionType;
  pool: string;
  points: string;
  promptHtml: string;
  explanationHtml: string;
  options: { id: string; text: string; isCorrect: boolean }[];
  partialCredit: boolean;
  trueFalse: boolean;
  /** Accepted short answers, one per line. */
  accepted: string;
  caseSensitive: boolean;
  pattern: string;
  numericValue: string;
  tolerance: string;
}

/** A fresh option id (the server only needs it unique within the question). */
export const newOptionId = () => `o${Math.random().toString(36).slice(2, 10)}`;

export function draftFrom(q: StudioQuestion | null, pool = 'general'): QuestionDraft {
  const key = q?.answer;
  const correct = key && 'optionIds' in key ? key.optionIds : [];
  return {
    type: q?.type ?? 'single_choice',
    pool: q?.pool ?? pool,
    points: String(q?.points ?? 1),
    promptHtml: q?.promptHtml ?? '',
    explanationHtml: q?.explanationHtml ?? '',
    options:
      q && q.options.length > 0
        ? q.options.map((o) => ({ ...o, isCorrect: correct.includes(o.id) }))
        : [
            { id: newOptionId(), text: '', isCorrect: true },
            { id: newOptionId(), text: '', isCorrect: false },
          ],
    partialCredit: q?.partialCredit ?? false,
    trueFalse: key && 'value' in key && typeof key.value === 'boolean' ? key.value : true,
    accepted: key && 'accepted' in key ? key.accepted.join('\n') : '',
    caseSensitive: key && 'caseSensitive' in key ? key.caseSensitive : false,
    pattern: key && 'pattern' in key ? (key.pattern ?? '') : '',
    numericValue: key && 'tolerance' in key ? String(key.value) : '',
    tolerance: key && 'tolerance' in key ? String(key.tolerance) : '0',
  };
}

/** A number as an instructor types it ("3,5" too); NaN when it is not one, so validation says so. */
const toNumber = (s: string) => (s.trim() === '' ? Number.NaN : Number(s.trim().replace(',', '.')));

/** The request body for the draft's type (the other types' fields are left out). */
export function bodyFrom(d: QuestionDraft): QuestionBodyInput {
  const common = {
    pool: d.pool.trim(),
    points: toNumber(d.points),
    promptHtml: d.promptHtml,
    explanationHtml: d.explanationHtml.trim() === '' ? null : d.explanationHtml,
  };
  const options = d.options.map(({ id, text }) => ({ id, text }));
  const optionIds = d.options.filter((o) => o.isCorrect).map((o) => o.id);
  switch (d.type) {
    case 'single_choice':
      return { ...common, type: d.type, options, answer: { optionIds } };
    case 'multiple_choice':
      return { ...common, type: d.type, options, answer: { optionIds }, partialCredit: d.partialCredit };
    case 'true_false':
      return { ...common, type: d.type, answer: { value: d.trueFalse } };
    case 'short_answer':
      return {
        ...common,
        type: d.type,
        answer: {
          accepted: d.accepted
            .split('\n')
            .map((a) => a.trim())
            .filter(Boolean),
          caseSensitive: d.caseSensitive,
          pattern: d.pattern.trim() === '' ? null : d.pattern,
        },
      };
    case 'numeric':
      return {
        ...common,
        type: d.type,
        answer: { value: toNumber(d.numericValue), tolerance: toNumber(d.tolerance) },
      };
  }
}

/** Which editor field an issue's path belongs to. */
export function fieldOfPath(path: readonly PropertyKey[]): string {
  const [first, second] = path;
  if (first === 'answer') {
    if (second === 'optionIds') return 'correct';
    if (second === 'value') return 'numericValue';
    if (typeof second === 'string') return second;
    return 'answer';
  }
  return typeof first === 'string' ? first : 'form';
}

/** The draft checked as the server will check it: the body, or one message per field. */
export function validateDraft(d: QuestionDraft, t: TFunction) {
  const parsed = QuestionBody.safeParse(bodyFrom(d));
  if (parsed.success) return { ok: true as const, body: bodyFrom(d) };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = fieldOfPath(issue.path);
    // The bank's own wording per field first: the generic messages speak of characters.
    errors[field] ??= t(`quizStudio.validation.${field}`, { defaultValue: translateIssue(t, issue) });
  }
  return { ok: false as const, errors };
}

/** Field messages from a server `validation_failed` answer. */
export function serverDraftErrors(error: unknown): FieldErrors {
  if (!(error instanceof ApiError) || error.code !== 'validation_failed' || !Array.isArray(error.details))
    return {};
  const errors: FieldErrors = {};
  for (const d of error.details as { path?: unknown; message?: unknown }[]) {
    if (!Array.isArray(d.path) || typeof d.message !== 'string') continue;
    errors[fieldOfPath(d.path)] ??= d.message;
  }
  return errors;
}
