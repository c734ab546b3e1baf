import { QUIZ_LIMITS } from '@9tangle/contracts';
import { useTranslation } from 'react-i18next';
import { CheckboxField } from '../../../components/ui/CheckboxField.tsx';
import { cn, focusRing } from '../../../components/ui/cn.ts';
import { Field } from '../../../components/ui/Field.tsx';
import { TextareaField } from '../../../components/ui/TextareaField.tsx';
import type { FieldErrors } from '../../../lib/forms.ts';
import type { QuestionDraft } from './question-draft.ts';

type AnswerKeyFieldsProps = {
  draft: QuestionDraft;
  errors: FieldErrors;
  onChange: (patch: Partial<QuestionDraft>) => void;
};

/** The answer key of a true/false, short-answer or numeric question. */
export function AnswerKeyFields({ draft, errors, onChange }: AnswerKeyFieldsProps) {
  const { t } = useTranslation();
  if (draft.type === 'true_false') {
    return (
      <fieldset className="sm:col-span-2">
        <legend className="text-sm font-medium text-slate-800">{t('quizStudio.correctAnswer')}</legend>
        <div className="mt-2 flex gap-6">
          {[true, false].map((value) => (
            <label key={String(value)} className="inline-flex items-center gap-2 text-slate-900">
              <input
                type="radio"
                name="trueFalse"
                checked={draft.trueFalse === value}
                className={cn('size-5 accent-emerald-600', focusRing)}
                onChange={() => onChange({ trueFalse: value })}
              />
              {value ? t('quiz.true') : t('quiz.false')}
            </label>
          ))}
        </div>
      </fieldset>
    );
  }
  if (draft.type === 'short_answer') {
    return (
      <>
        <TextareaField
          label={t('quizStudio.accepted')}
          name="accepted"
          rows={3}
          value={draft.accepted}
          hint={t('quizStudio.acceptedHint')}
          error={errors.accepted}
          className="sm:col-span-2"
          onChange={(event) => onChange({ accepted: event.currentTarget.value })}
        />
        <Field
          label={t('quizStudio.pattern')}
          name="pattern"
          dir="ltr"
          value={draft.pattern}
          maxLength={QUIZ_LIMITS.pattern}
          hint={t('quizStudio.patternHint')}
          error={errors.pattern}
          className="sm:col-span-2"
          onChange={(event) => onChange({ pattern: event.currentTarget.value })}
        />
        <CheckboxField
          label={t('quizStudio.caseSensitive')}
          checked={draft.caseSensitive}
          className="sm:col-span-2"
          onChange={(event) => onChange({ caseSensitive: event.currentTarget.checked })}
        />
      </>
    );
  }
  if (draft.type === 'numeric') {
    return (
      <>
        <Field
          label={t('quizStudio.numericValue')}
          name="numericValue"
          inputMode="decimal"
          dir="ltr"
          value={draft.numericValue}
          error={errors.numericValue}
          onChange={(event) => onChange({ numericValue: event.currentTarget.value })}
        />
        <Field
          label={t('quizStudio.tolerance')}
          name="tolerance"
          inputMode="decimal"
          dir="ltr"
          value={draft.tolerance}
          hint={t('quizStudio.toleranceHint')}
          error={errors.tolerance}
          onChange={(event) => onChange({ tolerance: event.currentTarget.value })}
        />
      </>
    );
  }
  return null;
}
