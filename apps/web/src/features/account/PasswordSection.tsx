import { ChangePasswordBody } from '@9tangle/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changePassword } from '../../api/account.ts';
import { isApiError } from '../../api/client.ts';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Field } from '../../components/ui/Field.tsx';
import { type FieldErrors, readForm, serverFieldErrors, validateForm } from '../../lib/forms.ts';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { sessionsQueryKey } from './account-queries.ts';
import { SettingsSection } from './SettingsSection.tsx';

export function PasswordSection() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [isSaving, setIsSaving] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setStatus(null);
    const form = event.currentTarget;
    const parsed = validateForm(ChangePasswordBody, readForm(form), t);
    setErrors(parsed.ok ? {} : parsed.errors);
    if (!parsed.ok) return;
    setIsSaving(true);
    try {
      await changePassword(parsed.data);
      form.reset();
      setStatus({ tone: 'success', text: t('account.password.changed') });
      // Changing the password may end the other sessions.
      void queryClient.invalidateQueries({ queryKey: sessionsQueryKey });
    } catch (error) {
      if (isApiError(error, 'wrong_password')) setErrors({ currentPassword: errorMessage(error) });
      else if (isApiError(error, 'validation_failed')) {
        setErrors(serverFieldErrors(error, ['currentPassword', 'newPassword']));
      } else setStatus({ tone: 'error', text: errorMessage(error) });
    } finally {
      setIsSaving(false);
    }
  }

  return (
    <SettingsSection
      id="password"
      title={t('account.password.title')}
      description={t('account.password.description')}
    >
      <form
        method="post"
        noValidate
        onSubmit={(event) => void onSubmit(event)}
        className="grid gap-5 sm:grid-cols-2"
      >
        <Field
          label={t('fields.currentPassword')}
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          error={errors.currentPassword}
        />
        <Field
          label={t('fields.newPassword')}
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          hint={t('fields.passwordHint')}
          error={errors.newPassword}
        />
        <div className="flex flex-wrap items-center gap-4 sm:col-span-2">
          <Button type="submit" isLoading={isSaving}>
            {t('account.password.submit')}
          </Button>
          {status ? <Alert tone={status.tone}>{status.text}</Alert> : null}
        </div>
      </form>
    </SettingsSection>
  );
}
