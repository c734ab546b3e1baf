import { QUIZ_LIMITS, QuestionType as QuestionTypeSchema, type StudioQuestion } from '@9tangle/contracts';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/Alert.tsx';
import { Button } from '../../../components/ui/Button.tsx';
import { Field } from '../../../components/ui/Field.tsx';
import { SelectField } from '../../../components/ui/SelectField.tsx';
import { TextareaField } from '../../../components/ui/TextareaField.tsx';
import type { FieldErrors } from '../../../lib/forms.ts';
import { useQuizErrorMessage } from '../../quiz/use-quiz-error.ts';
import { AnswerKeyFields } from './AnswerKeyFields.tsx';
import { ChoiceOptionsEditor } from './ChoiceOptionsEditor.tsx';
import { draftFrom, type QuestionDraft, serverDraftErrors, validateDraft } from './question-draft.ts';
import { useSaveQuestion } from './quiz-studio-queries.ts';

type QuestionEditorProps = {
  courseId: string;
  /** The question to edit, or null for a new one. */
  question: StudioQuestion | null;
  pools: string[];
  defaultPool: string;
  onDone: (saved: StudioQuestion | null) => void;
};

/** Add or edit one question of the bank: its type, prompt, options or answer key, points, explanation and pool. */
export function QuestionEditor({ courseId, question, pools, defaultPool, onDone }: QuestionEditorProps) {
  const { t } = useTranslation();
  const errorMessage = useQuizErrorMessage();
  const save = useSaveQuestion(courseId);
  const [draft, setDraft] = useState<QuestionDraft>(() => draftFrom(question, defaultPool));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const poolListId = useId();
  const change = (patch: Partial<QuestionDraft>) => setDraft((d) => ({ ...d, ...patch }));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(null);
    const checked = validateDraft(draft, t);
    setErrors(checked.ok ? {} : checked.errors);
    if (!checked.ok) return;
    try {
      onDone(await save.mutateAsync({ id: question?.id ?? null, body: checked.body }));
    } catch (error) {
      setErrors(serverDraftErrors(error));
      setFailure(errorMessage(error));
    }
  }

  const isChoice = draft.type === 'single_choice' || draft.type === 'multiple_choice';
  return (
    <form
      noValidate
      aria-label={question ? t('quizStudio.editQuestion') : t('quizStudio.newQuestion')}
      onSubmit={(event) => void onSubmit(event)}
      className="grid gap-4 rounded-xl border border-indigo-200 bg-indigo-50/40 p-5 sm:grid-cols-2"
    >
      <SelectField
        label={t('quizStudio.type')}
        name="type"
        value={draft.type}
        disabled={question?.inUse}
        hint={question?.inUse ? t('quizStudio.typeLocked') : undefined}
        options={QuestionTypeSchema.options.map((type) => ({
          value: type,
          label: t(`quizStudio.types.${type}`),
        }))}
        onChange={(event) =>
          change({ type: QuestionTypeSchema.catch(draft.type).parse(event.currentTarget.value) })
        }
        error={errors.type}
      />
      <div className="grid grid-cols-2 gap-4">
        <Field
          label={t('quizStudio.pool')}
          name="pool"
          value={draft.pool}
          list={poolListId}
          maxLength={60}
          error={errors.pool}
          onChange={(event) => change({ pool: event.currentTarget.value })}
        />
        <datalist id={poolListId}>
          {pools.map((pool) => (
            <option key={pool} value={pool} />
          ))}
        </datalist>
        <Field
          label={t('quizStudio.points')}
          name="points"
          type="number"
          min={1}
          max={100}
          value={draft.points}
          error={errors.points}
          onChange={(event) => change({ points: event.currentTarget.value })}
        />
      </div>
      <TextareaField
        label={t('quizStudio.prompt')}
        name="promptHtml"
        dir="ltr"
        rows={4}
        maxLength={QUIZ_LIMITS.prompt}
        value={draft.promptHtml}
        hint={t('quizStudio.htmlHint')}
        error={errors.promptHtml}
        className="sm:col-span-2"
        onChange={(event) => change({ promptHtml: event.currentTarget.value })}
      />
      {isChoice ? <ChoiceOptionsEditor draft={draft} errors={errors} onChange={change} /> : null}
      <AnswerKeyFields draft={draft} errors={errors} onChange={change} />
      <TextareaField
        label={t('quizStudio.explanation')}
        name="explanationHtml"
        dir="ltr"
        rows={3}
        maxLength={QUIZ_LIMITS.explanation}
        value={draft.explanationHtml}
        hint={t('quizStudio.explanationHint')}
        error={errors.explanationHtml}
        className="sm:col-span-2"
        onChange={(event) => change({ explanationHtml: event.currentTarget.value })}
      />
      {failure ? (
        <Alert tone="error" className="sm:col-span-2">
          {failure}
        </Alert>
      ) : null}
      <div className="flex flex-wrap gap-3 sm:col-span-2">
        <Button type="submit" isLoading={save.isPending}>
          {question ? t('quizStudio.saveQuestion') : t('quizStudio.addQuestion')}
        </Button>
        <Button variant="secondary" onClick={() => onDone(null)}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
