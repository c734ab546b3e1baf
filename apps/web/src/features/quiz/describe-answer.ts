import type { AnswerKey, QuizAttemptView } from '@9tangle/contracts';
import type { TFunction } from 'i18next';

type Options = { options: { id: string; text: string }[] };
type Saved = QuizAttemptView['answers'][number]['response'];

const optionTexts = (q: Options, ids: string[]) =>
  q.options.filter((o) => ids.includes(o.id)).map((o) => o.text);

/** A student's response in words ("Jupiter", "True", what they typed), or "No answer". */
export function describeResponse(q: Options, r: Saved | null | undefined, t: TFunction): string {
  if (!r) return t('quiz.noAnswer');
  if ('optionIds' in r) return optionTexts(q, r.optionIds).join(', ') || t('quiz.noAnswer');
  if ('text' in r) return r.text.trim() !== '' ? r.text : t('quiz.noAnswer');
  return r.value ? t('quiz.true') : t('quiz.false');
}

/** An answer key in words: the right options, the accepted answers (or the pattern), the number ± tolerance. */
export function describeKey(q: Options, key: AnswerKey, t: TFunction, language: string): string {
  if ('optionIds' in key) return optionTexts(q, key.optionIds).join(', ');
  if ('accepted' in key)
    return key.accepted.length > 0
      ? key.accepted.join(' / ')
      : t('quiz.matchingPattern', { pattern: key.pattern });
  if ('tolerance' in key) {
    const n = new Intl.NumberFormat(language, { maximumFractionDigits: 6 });
    return key.tolerance > 0
      ? t('quiz.numberWithin', { value: n.format(key.value), tolerance: n.format(key.tolerance) })
      : n.format(key.value);
  }
  return key.value ? t('quiz.true') : t('quiz.false');
}
