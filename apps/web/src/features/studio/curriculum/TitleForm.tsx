import { SectionBody } from '@9tangle/contracts';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button.tsx';
import { Field } from '../../../components/ui/Field.tsx';
import { validateForm } from '../../../lib/forms.ts';
import { useErrorMessage } from '../../../lib/use-error-message.ts';

type TitleFormProps = {
  label: string;
  submitLabel: string;
  /** Names the form, where the page has other fields of the same label (a lesson editor's title). */
  formLabel?: string;
  defaultValue?: string;
  /** More fields beside the title (the new lesson's type); read by `onSave` from the form. */
  extra?: ReactNode;
  onSave: (title: string, form: HTMLFormElement) => Promise<unknown>;
  onCancel?: () => void;
  autoFocus?: boolean;
};

/** A one-line form for a title (new section, renamed section, new lesson), validated like the server does. */
export function TitleForm({
  label,
  submitLabel,
  formLabel,
  defaultValue = '',
  extra,
  onSave,
  onCancel,
  autoFocus,
}: TitleFormProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [error, setError] = useState<string | undefined>();
  const [isSaving, setIsSaving] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const title = new FormData(form).get('title');
    const parsed = validateForm(SectionBody, { title }, t);
    setError(parsed.ok ? undefined : parsed.errors.title);
    if (!parsed.ok) return;
    setIsSaving(true);
    try {
      await onSave(parsed.data.title, form);
      form.reset();
    } catch (saveError) {
      setError(errorMessage(saveError));
    } finally {
      setIsSaving(false);
    }
  }

  return (
    <form
      method="post"
      noValidate
      aria-label={formLabel}
      onSubmit={(event) => void onSubmit(event)}
      className="flex flex-wrap items-start gap-3"
    >
      <Field
        label={label}
        name="title"
        defaultValue={defaultValue}
        maxLength={120}
        required
        error={error}
        autoFocus={autoFocus}
        className="min-w-0 flex-1 basis-56"
      />
      {extra}
      <div className="flex gap-2 sm:mt-7">
        <Button type="submit" isLoading={isSaving}>
          {submitLabel}
        </Button>
        {onCancel ? (
          <Button variant="secondary" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
