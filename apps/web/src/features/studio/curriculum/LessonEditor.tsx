import { LessonType as LessonTypeSchema } from '@9tangle/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LessonType, StudioLesson } from '../../../api/types.ts';
import { Alert } from '../../../components/ui/Alert.tsx';
import { Button } from '../../../components/ui/Button.tsx';
import { CheckboxField } from '../../../components/ui/CheckboxField.tsx';
import { Field } from '../../../components/ui/Field.tsx';
import { SelectField } from '../../../components/ui/SelectField.tsx';
import { TextareaField } from '../../../components/ui/TextareaField.tsx';
import { type FieldErrors, serverFieldErrors } from '../../../lib/forms.ts';
import { useErrorMessage } from '../../../lib/use-error-message.ts';
import { LessonMediaPanel } from '../media/LessonMediaPanel.tsx';
import { QuizSettingsPanel } from '../quiz/QuizSettingsPanel.tsx';
import { useLesson, useUpdateLesson } from './curriculum-queries.ts';
import { LessonReleaseFields } from './LessonReleaseFields.tsx';
import { readLessonForm } from './lesson-form.ts';

const FIELDS = ['title', 'type', 'videoUrl', 'contentHtml', 'durationSeconds', 'releaseAt', 'dripDays'];

type LessonEditorProps = { courseId: string; lessonId: string };

/** Loads one lesson and edits it; the fields follow the lesson's type. */
export function LessonEditor({ courseId, lessonId }: LessonEditorProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const lesson = useLesson(lessonId);
  if (lesson.isPending) return <p className="text-sm text-slate-700">{t('common.loading')}</p>;
  if (lesson.isError) return <Alert tone="error">{errorMessage(lesson.error)}</Alert>;
  return (
    <div className="space-y-8">
      <LessonForm key={lesson.data.id} courseId={courseId} lesson={lesson.data} />
      {/* The parts a lesson has beside its fields, each with its own API: uploaded files, quiz settings. */}
      <LessonMediaPanel courseId={courseId} lesson={lesson.data} />
      {lesson.data.type === 'quiz' ? <QuizSettingsPanel courseId={courseId} lesson={lesson.data} /> : null}
    </div>
  );
}

function LessonForm({ courseId, lesson }: { courseId: string; lesson: StudioLesson }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const update = useUpdateLesson(courseId, lesson.id);
  const [type, setType] = useState<LessonType>(lesson.type);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const seconds = lesson.durationSeconds;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setStatus(null);
    const parsed = readLessonForm(event.currentTarget, t);
    setErrors(parsed.ok ? {} : parsed.errors);
    if (!parsed.ok) return;
    try {
      await update.mutateAsync(parsed.data);
      setStatus({ tone: 'success', text: t('studio.lesson.saved') });
    } catch (error) {
      setErrors(serverFieldErrors(error, FIELDS));
      setStatus({ tone: 'error', text: errorMessage(error) });
    }
  }

  return (
    <form
      method="post"
      noValidate
      onSubmit={(event) => void onSubmit(event)}
      className="grid gap-4 sm:grid-cols-2"
    >
      <Field
        label={t('studio.curriculum.lessonTitle')}
        name="title"
        defaultValue={lesson.title}
        maxLength={120}
        required
        error={errors.title}
      />
      <SelectField
        label={t('studio.lesson.type')}
        name="type"
        value={type}
        onChange={(event) => setType(LessonTypeSchema.catch(type).parse(event.currentTarget.value))}
        options={LessonTypeSchema.options.map((option) => ({
          value: option,
          label: t(`lessonTypes.${option}`),
        }))}
        error={errors.type}
      />
      {type === 'video' ? (
        <Field
          label={t('studio.lesson.videoUrl')}
          name="videoUrl"
          type="url"
          dir="ltr"
          defaultValue={lesson.videoUrl ?? ''}
          hint={t('studio.lesson.videoUrlHint')}
          error={errors.videoUrl}
          className="sm:col-span-2"
        />
      ) : null}
      {type !== 'video' && type !== 'text' ? (
        <p className="text-sm text-slate-700 sm:col-span-2">{t('studio.lesson.laterTypes')}</p>
      ) : null}
      {/* Every type shows its text (an article's body, a quiz's instructions, a note under a video or
          PDF), so one field whose label follows the type: switching types keeps what was typed. */}
      <TextareaField
        label={type === 'text' ? t('studio.lesson.contentHtml') : t(`studio.lesson.contentHtmlFor.${type}`)}
        name="contentHtml"
        dir="ltr"
        rows={type === 'text' ? 10 : 4}
        defaultValue={lesson.contentHtml ?? ''}
        hint={t('studio.lesson.contentHtmlHint')}
        error={errors.contentHtml}
        className="sm:col-span-2"
      />
      <fieldset className="sm:col-span-2">
        <legend className="text-sm font-medium text-slate-800">{t('studio.lesson.duration')}</legend>
        <div className="mt-1.5 grid max-w-sm grid-cols-2 gap-3">
          <Field
            label={t('studio.lesson.minutes')}
            name="durationMinutes"
            type="number"
            min={0}
            max={1440}
            defaultValue={seconds === null ? '' : String(Math.floor(seconds / 60))}
            error={errors.durationSeconds}
          />
          <Field
            label={t('studio.lesson.seconds')}
            name="durationSecondsPart"
            type="number"
            min={0}
            max={59}
            defaultValue={seconds === null ? '' : String(seconds % 60)}
          />
        </div>
      </fieldset>
      <CheckboxField
        name="isPreview"
        label={t('studio.lesson.isPreview')}
        hint={t('studio.lesson.isPreviewHint')}
        defaultChecked={lesson.isPreview}
      />
      <CheckboxField
        name="isRequired"
        label={t('studio.lesson.isRequired')}
        hint={t('studio.lesson.isRequiredHint')}
        defaultChecked={lesson.isRequired}
      />
      <LessonReleaseFields releaseAt={lesson.releaseAt} dripDays={lesson.dripDays} errors={errors} />
      <div className="flex flex-wrap items-center gap-4 sm:col-span-2">
        <Button type="submit" isLoading={update.isPending}>
          {t('studio.lesson.save')}
        </Button>
        {status ? <Alert tone={status.tone}>{status.text}</Alert> : null}
      </div>
    </form>
  );
}
