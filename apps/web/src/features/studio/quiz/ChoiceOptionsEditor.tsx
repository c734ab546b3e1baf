import { QUIZ_LIMITS } from '@9tangle/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button.tsx';
import { CheckboxField } from '../../../components/ui/CheckboxField.tsx';
import { cn, focusRing } from '../../../components/ui/cn.ts';
import { inputClasses } from '../../../components/ui/Field.tsx';
import type { FieldErrors } from '../../../lib/forms.ts';
import { newOptionId, type QuestionDraft } from './question-draft.ts';

type ChoiceOptionsEditorProps = {
  draft: QuestionDraft;
  errors: FieldErrors;
  onChange: (patch: Partial<QuestionDraft>) => void;
};

/** The options of a choice question, each with its "correct" mark; add, remove, and partial credit. */
export function ChoiceOptionsEditor({ draft, errors, onChange }: ChoiceOptionsEditorProps) {
  const { t } = useTranslation();
  const id = useId();
  const isMultiple = draft.type === 'multiple_choice';
  const setOptions = (options: QuestionDraft['options']) => onChange({ options });
  const error = errors.options ?? errors.correct;

  return (
    <fieldset className="space-y-3 sm:col-span-2" aria-describedby={error ? `${id}-error` : `${id}-hint`}>
      <legend className="text-sm font-medium text-slate-800">{t('quizStudio.options')}</legend>
      <p id={`${id}-hint`} className="text-sm text-slate-600">
        {isMultiple ? t('quizStudio.optionsHintMultiple') : t('quizStudio.optionsHintSingle')}
      </p>
      <ol className="space-y-2">
        {draft.options.map((option, index) => (
          <li key={option.id} className="flex flex-wrap items-center gap-3">
            <label className="inline-flex items-center gap-2 text-sm text-slate-800">
              <input
                type={isMultiple ? 'checkbox' : 'radio'}
                name={`${id}-correct`}
                checked={option.isCorrect}
                className={cn('size-5 accent-emerald-600', focusRing)}
                onChange={(event) => {
                  const checked = event.currentTarget.checked;
                  setOptions(
                    draft.options.map((o) =>
                      o.id === option.id
                        ? { ...o, isCorrect: checked }
                        : isMultiple
                          ? o
                          : { ...o, isCorrect: false },
                    ),
                  );
                }}
              />
              <span className="sr-only">{t('quizStudio.correctOption', { number: index + 1 })}</span>
              <span aria-hidden="true">{t('quizStudio.correctShort')}</span>
            </label>
            <label htmlFor={`${id}-option-${option.id}`} className="sr-only">
              {t('quizStudio.optionNumber', { number: index + 1 })}
            </label>
            <input
              id={`${id}-option-${option.id}`}
              value={option.text}
              maxLength={QUIZ_LIMITS.optionText}
              placeholder={t('quizStudio.optionNumber', { number: index + 1 })}
              className={cn(inputClasses, 'min-w-0 flex-1 basis-48 border-slate-300')}
              onChange={(event) => {
                const text = event.currentTarget.value;
                setOptions(draft.options.map((o) => (o.id === option.id ? { ...o, text } : o)));
              }}
            />
            <Button
              size="sm"
              variant="ghost"
              disabled={draft.options.length <= QUIZ_LIMITS.options.min}
              aria-label={t('quizStudio.removeOption', { number: index + 1 })}
              onClick={() => setOptions(draft.options.filter((o) => o.id !== option.id))}
            >
              {t('quizStudio.remove')}
            </Button>
          </li>
        ))}
      </ol>
      <Button
        size="sm"
        variant="secondary"
        disabled={draft.options.length >= QUIZ_LIMITS.options.max}
        onClick={() => setOptions([...draft.options, { id: newOptionId(), text: '', isCorrect: false }])}
      >
        {t('quizStudio.addOption')}
      </Button>
      {error ? (
        <p id={`${id}-error`} className="text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
      {isMultiple ? (
        <CheckboxField
          label={t('quizStudio.partialCredit')}
          hint={t('quizStudio.partialCreditHint')}
          checked={draft.partialCredit}
          onChange={(event) => onChange({ partialCredit: event.currentTarget.checked })}
        />
      ) : null}
    </fieldset>
  );
}
