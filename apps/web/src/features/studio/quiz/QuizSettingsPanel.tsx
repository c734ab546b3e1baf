import { QuizSettingsBody, type StudioQuizSettings } from '@9tangle/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StudioLesson } from '../../../api/types.ts';
import { Alert } from '../../../components/ui/Alert.tsx';
import { Button } from '../../../components/ui/Button.tsx';
import { CheckboxField } from '../../../components/ui/CheckboxField.tsx';
import { Field } from '../../../components/ui/Field.tsx';
import { SelectField } from '../../../components/ui/SelectField.tsx';
import { type FieldErrors, serverFieldErrors } from '../../../lib/forms.ts';
import { useQuizErrorMessage } from '../../quiz/use-quiz-error.ts';
import { useQuizSettings, useSaveQuizSettings } from './quiz-studio-queries.ts';

type QuizSettingsPanelProps = { courseId: string; lesson: StudioLesson };

const WHOLE_BANK = '';
const FIELDS = ['pool', 'questionCount', 'passPercent', 'attemptLimit', 'timeLimitSeconds'];

/** A quiz lesson's settings: pool, question count, pass mark, limits, shuffling and feedback. */
export function QuizSettingsPanel({ lesson }: QuizSettingsPanelProps) {
  const { t } = useTranslation();
  const errorMessage = useQuizErrorMessage();
  const settings = useQuizSettings(lesson.id);
  return (
    <section aria-labelledby="quiz-settings-heading" className="space-y-4 border-t border-slate-200 pt-6">
      <h3 id="quiz-settings-heading" className="text-lg font-semibold text-slate-900">
        {t('quizStudio.settingsTitle')}
      </h3>
      {settings.isPending ? <p className="text-sm text-slate-700">{t('common.loading')}</p> : null}
      {settings.isError ? <Alert tone="error">{errorMessage(settings.error)}</Alert> : null}
      {settings.data ? <SettingsForm key={lesson.id} lessonId={lesson.id} settings={settings.data} /> : null}
    </section>
  );
}

const optionalInt = (v: FormDataEntryValue | null) => {
  const s = String(v ?? '').trim();
  return s === '' ? null : Number(s);
};

function SettingsForm({ lessonId, settings }: { lessonId: string; settings: StudioQuizSettings }) {
  const { t } = useTranslation();
  const errorMessage = useQuizErrorMessage();
  const save = useSaveQuizSettings(lessonId);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setStatus(null);
    const form = new FormData(event.currentTarget);
    const minutes = optionalInt(form.get('timeLimitMinutes'));
    const parsed = QuizSettingsBody.safeParse({
      pool: String(form.get('pool') ?? '') || null,
      questionCount: optionalInt(form.get('questionCount')),
      passPercent: optionalInt(form.get('passPercent')),
      attemptLimit: optionalInt(form.get('attemptLimit')),
      timeLimitSeconds: minutes === null ? null : Math.round(minutes * 60),
      shuffleQuestions: form.get('shuffleQuestions') === 'on',
      shuffleOptions: form.get('shuffleOptions') === 'on',
      showCorrectAnswers: form.get('showCorrectAnswers') === 'on',
    });
    if (!parsed.success) {
      const next: FieldErrors = {};
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? 'form');
        next[field] ??= t(`quizStudio.validation.${field}`);
      }
      setErrors(next);
      return;
    }
    setErrors({});
    try {
      await save.mutateAsync(parsed.data);
      setStatus({ tone: 'success', text: t('quizStudio.settingsSaved') });
    } catch (error) {
      setErrors(serverFieldErrors(error, FIELDS));
      setStatus({ tone: 'error', text: errorMessage(error) });
    }
  }

  const total = settings.pools.reduce((sum, p) => sum + p.count, 0);
  const drawn =
    settings.questionCount === null
      ? settings.available
      : Math.min(settings.questionCount, settings.available);
  return (
    <form
      method="post"
      noValidate
      onSubmit={(event) => void onSubmit(event)}
      className="grid gap-4 sm:grid-cols-2"
    >
      <SelectField
        label={t('quizStudio.drawFrom')}
        name="pool"
        defaultValue={settings.pool ?? WHOLE_BANK}
        error={errors.pool}
        options={[
          { value: WHOLE_BANK, label: t('quizStudio.wholeBank', { count: total }) },
          ...settings.pools.map((p) => ({
            value: p.pool,
            label: t('quizStudio.poolOption', { pool: p.pool, count: p.count }),
          })),
        ]}
      />
      <Field
        label={t('quizStudio.questionCount')}
        name="questionCount"
        type="number"
        min={1}
        max={200}
        defaultValue={settings.questionCount ?? ''}
        hint={t('quizStudio.questionCountHint')}
        error={errors.questionCount}
      />
      <Field
        label={t('quizStudio.passPercent')}
        name="passPercent"
        type="number"
        min={0}
        max={100}
        defaultValue={settings.passPercent}
        error={errors.passPercent}
      />
      <Field
        label={t('quizStudio.attemptLimit')}
        name="attemptLimit"
        type="number"
        min={1}
        max={100}
        defaultValue={settings.attemptLimit ?? ''}
        hint={t('quizStudio.attemptLimitHint')}
        error={errors.attemptLimit}
      />
      <Field
        label={t('quizStudio.timeLimit')}
        name="timeLimitMinutes"
        type="number"
        min={1}
        max={1440}
        step="any"
        defaultValue={settings.timeLimitSeconds === null ? '' : settings.timeLimitSeconds / 60}
        hint={t('quizStudio.timeLimitHint')}
        error={errors.timeLimitSeconds}
      />
      <div className="space-y-3 sm:col-span-2">
        <CheckboxField
          name="shuffleQuestions"
          label={t('quizStudio.shuffleQuestions')}
          defaultChecked={settings.shuffleQuestions}
        />
        <CheckboxField
          name="shuffleOptions"
          label={t('quizStudio.shuffleOptions')}
          defaultChecked={settings.shuffleOptions}
        />
        <CheckboxField
          name="showCorrectAnswers"
          label={t('quizStudio.showCorrectAnswers')}
          hint={t('quizStudio.showCorrectAnswersHint')}
          defaultChecked={settings.showCorrectAnswers}
        />
      </div>
      <p className="text-sm text-slate-700 sm:col-span-2">
        {settings.available === 0
          ? t('quizStudio.noQuestionsYet')
          : t('quizStudio.drawSummary', { count: drawn, available: settings.available })}
      </p>
      {settings.questionCount !== null &&
      settings.questionCount > settings.available &&
      settings.available > 0 ? (
        <Alert tone="warning" className="sm:col-span-2">
          {t('quizStudio.poolTooSmall', { count: settings.questionCount, available: settings.available })}
        </Alert>
      ) : null}
      <div className="flex flex-wrap items-center gap-4 sm:col-span-2">
        <Button type="submit" isLoading={save.isPending}>
          {t('quizStudio.saveSettings')}
        </Button>
        {status ? <Alert tone={status.tone}>{status.text}</Alert> : null}
      </div>
    </form>
  );
}
