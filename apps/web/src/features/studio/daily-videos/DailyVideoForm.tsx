import {
  type DailyVideoBody,
  type DailyVideoDto,
  DailyVideoBody as DailyVideoSchema,
} from '@9tangle/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/Alert.tsx';
import { Button } from '../../../components/ui/Button.tsx';
import { Field } from '../../../components/ui/Field.tsx';
import { TextareaField } from '../../../components/ui/TextareaField.tsx';
import { type FieldErrors, readForm, serverFieldErrors, validateForm } from '../../../lib/forms.ts';
import { useErrorMessage } from '../../../lib/use-error-message.ts';

const FIELDS = ['day', 'title', 'url', 'note'];

type DailyVideoFormProps = {
  /** The video being edited; a new one otherwise. */
  video?: DailyVideoDto;
  /** The day a new video is for by default: today, in the academy's time zone. */
  defaultDay: string;
  submitLabel: string;
  onSave: (body: DailyVideoBody) => Promise<unknown>;
  onCancel?: () => void;
};

/** A daily video's day, title, link and note, checked as the server checks them. */
export function DailyVideoForm({ video, defaultDay, submitLabel, onSave, onCancel }: DailyVideoFormProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(null);
    const form = event.currentTarget;
    const values = readForm(form);
    const parsed = validateForm(
      DailyVideoSchema,
      { ...values, note: values.note?.trim() ? values.note : null },
      t,
    );
    setErrors(parsed.ok ? {} : parsed.errors);
    if (!parsed.ok) return;
    setIsSaving(true);
    try {
      await onSave(parsed.data);
      if (!video) form.reset();
    } catch (saveError) {
      setErrors(serverFieldErrors(saveError, FIELDS));
      setFailure(errorMessage(saveError));
    } finally {
      setIsSaving(false);
    }
  }

  return (
    <form
      method="post"
      noValidate
      onSubmit={(e) => void onSubmit(e)}
      className="grid gap-4 sm:grid-cols-[12rem_1fr]"
    >
      <Field
        label={t('media.daily.day')}
        name="day"
        type="date"
        required
        defaultValue={video?.day ?? defaultDay}
        error={errors.day}
      />
      <Field
        label={t('media.daily.videoTitle')}
        name="title"
        required
        maxLength={200}
        defaultValue={video?.title ?? ''}
        error={errors.title}
      />
      <Field
        label={t('media.daily.url')}
        name="url"
        type="url"
        dir="ltr"
        required
        maxLength={500}
        defaultValue={video?.url ?? ''}
        hint={t('media.daily.urlHint')}
        error={errors.url}
        className="sm:col-span-2"
      />
      <TextareaField
        label={t('media.daily.note')}
        name="note"
        rows={2}
        maxLength={2000}
        defaultValue={video?.note ?? ''}
        error={errors.note}
        className="sm:col-span-2"
      />
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
        <Button type="submit" isLoading={isSaving}>
          {submitLabel}
        </Button>
        {onCancel ? (
          <Button variant="secondary" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        ) : null}
        {failure ? <Alert tone="error">{failure}</Alert> : null}
      </div>
    </form>
  );
}
