import type { QuizAttemptView, QuizResponse } from '@9tangle/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { cn, focusRing } from '../../components/ui/cn.ts';
import { inputClasses } from '../../components/ui/Field.tsx';
import { LessonHtml } from '../learning/LessonHtml.tsx';

type Question = QuizAttemptView['questions'][number];

type QuizQuestionFieldProps = {
  question: Question;
  index: number;
  total: number;
  value: QuizResponse | undefined;
  error: string | undefined;
  disabled: boolean;
  /** A new response, saved after `delayMs` (at once for a click, after a pause for typing). */
  onChange: (response: QuizResponse | null, delayMs: number) => void;
};

const CLICK_DELAY = 150;
const TYPING_DELAY = 800;
const choiceClasses = cn(
  'flex cursor-pointer items-start gap-3 rounded-lg border border-slate-300 bg-white px-4 py-3',
  'has-[:checked]:border-indigo-600 has-[:checked]:bg-indigo-50',
);
const controlClasses = cn('mt-0.5 size-5 shrink-0 accent-indigo-600', focusRing);

/**
 * One question of an attempt as a `fieldset`, named by its number and prompt: radio buttons (single
 * choice, true/false), checkboxes (multiple choice) or a text box (short answer, number).
 */
export function QuizQuestionField({
  question,
  index,
  total,
  value,
  error,
  disabled,
  onChange,
}: QuizQuestionFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const name = `question-${question.id}`;
  const chosen = value && 'optionIds' in value ? value.optionIds : [];
  const text = value && 'text' in value ? value.text : '';
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [
    question.type === 'multiple_choice' || question.type === 'numeric' ? hintId : null,
    error ? errorId : null,
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <fieldset
      aria-labelledby={`${id}-legend ${id}-prompt`}
      aria-describedby={describedBy || undefined}
      className="space-y-4 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6"
    >
      <legend id={`${id}-legend`} className="sr-only">
        {t('quiz.questionOf', { number: index + 1, total })}
      </legend>
      <p aria-hidden="true" className="text-sm font-semibold text-indigo-800">
        {t('quiz.questionOf', { number: index + 1, total })}{' '}
        <span className="font-normal text-slate-600">({t('quiz.points', { count: question.points })})</span>
      </p>
      <div id={`${id}-prompt`}>
        <LessonHtml html={question.promptHtml} />
      </div>
      {question.type === 'multiple_choice' ? (
        <p id={hintId} className="text-sm text-slate-700">
          {t('quiz.chooseAll')}
        </p>
      ) : null}
      {question.type === 'single_choice' || question.type === 'multiple_choice' ? (
        <ul className="space-y-2">
          {question.options.map((option) => {
            const isChecked = chosen.includes(option.id);
            const isMultiple = question.type === 'multiple_choice';
            return (
              <li key={option.id}>
                <label className={choiceClasses}>
                  <input
                    type={isMultiple ? 'checkbox' : 'radio'}
                    name={name}
                    value={option.id}
                    checked={isChecked}
                    disabled={disabled}
                    className={controlClasses}
                    onChange={(event) => {
                      const next = isMultiple
                        ? event.currentTarget.checked
                          ? [...chosen, option.id]
                          : chosen.filter((c) => c !== option.id)
                        : [option.id];
                      onChange({ optionIds: next }, CLICK_DELAY);
                    }}
                  />
                  <span className="text-slate-900">{option.text}</span>
                </label>
              </li>
            );
          })}
        </ul>
      ) : null}
      {question.type === 'true_false' ? (
        <ul className="grid gap-2 sm:grid-cols-2">
          {[true, false].map((option) => (
            <li key={String(option)}>
              <label className={choiceClasses}>
                <input
                  type="radio"
                  name={name}
                  value={String(option)}
                  checked={value !== undefined && 'value' in value && value.value === option}
                  disabled={disabled}
                  className={controlClasses}
                  onChange={() => onChange({ value: option }, CLICK_DELAY)}
                />
                <span className="text-slate-900">{option ? t('quiz.true') : t('quiz.false')}</span>
              </label>
            </li>
          ))}
        </ul>
      ) : null}
      {question.type === 'short_answer' || question.type === 'numeric' ? (
        <div className="space-y-1.5">
          <label htmlFor={`${id}-input`} className="block text-sm font-medium text-slate-800">
            {question.type === 'numeric' ? t('quiz.yourNumber') : t('quiz.yourAnswer')}
          </label>
          <input
            id={`${id}-input`}
            type="text"
            inputMode={question.type === 'numeric' ? 'decimal' : 'text'}
            autoComplete="off"
            spellCheck={question.type === 'short_answer'}
            maxLength={question.type === 'numeric' ? 50 : 500}
            value={text}
            disabled={disabled}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy || undefined}
            className={cn(inputClasses, 'max-w-md', error ? 'border-red-600' : 'border-slate-300')}
            onChange={(event) => onChange({ text: event.currentTarget.value }, TYPING_DELAY)}
          />
          {question.type === 'numeric' ? (
            <p id={hintId} className="text-sm text-slate-600">
              {t('quiz.numberHint')}
            </p>
          ) : null}
        </div>
      ) : null}
      {error ? (
        <p id={errorId} className="text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
