import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.ts';
import { Alert } from '../../../components/ui/Alert.tsx';
import { Button } from '../../../components/ui/Button.tsx';
import { Field } from '../../../components/ui/Field.tsx';
import { useErrorMessage } from '../../../lib/use-error-message.ts';
import { useAddInstructor } from './instructors-queries.ts';

/** "Add an instructor" by the email address of their instructor account. */
export function AddInstructorForm({ courseId }: { courseId: string }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const add = useAddInstructor(courseId);
  const [error, setError] = useState<string | undefined>();
  const [added, setAdded] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const email = String(new FormData(form).get('email') ?? '').trim();
    setAdded(null);
    if (!email.includes('@')) {
      setError(t('studioPeople.instructors.emailInvalid'));
      return;
    }
    setError(undefined);
    try {
      const list = await add.mutateAsync(email);
      form.reset();
      setAdded(list.items.find((i) => i.email === email.toLowerCase())?.name ?? email);
    } catch (err) {
      setError(
        isApiError(err, 'validation_failed') ? t('studioPeople.instructors.emailInvalid') : errorMessage(err),
      );
    }
  }

  return (
    <form
      noValidate
      onSubmit={(event) => void onSubmit(event)}
      className="space-y-3 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm"
    >
      <h3 className="text-lg font-semibold text-slate-900">{t('studioPeople.instructors.addTitle')}</h3>
      <div className="flex flex-wrap items-start gap-3">
        <Field
          label={t('studioPeople.instructors.email')}
          name="email"
          type="email"
          autoComplete="off"
          dir="ltr"
          hint={t('studioPeople.instructors.emailHint')}
          error={error}
          className="min-w-64 flex-1"
        />
        <Button type="submit" isLoading={add.isPending} className="sm:mt-7">
          {t('studioPeople.instructors.add')}
        </Button>
      </div>
      {added ? <Alert tone="success">{t('studioPeople.instructors.added', { name: added })}</Alert> : null}
    </form>
  );
}
