import { UpdateProfileBody, type UserDto } from '@9tangle/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { updateProfile } from '../../api/account.ts';
import { isApiError } from '../../api/client.ts';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Field } from '../../components/ui/Field.tsx';
import { type FieldErrors, readForm, serverFieldErrors, validateForm } from '../../lib/forms.ts';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { useUpdateMeUser } from '../session/use-me.ts';
import { AvatarUpload } from './AvatarUpload.tsx';
import { SettingsSection } from './SettingsSection.tsx';

export function ProfileSection({ user }: { user: UserDto }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const updateMeUser = useUpdateMeUser();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [isSaving, setIsSaving] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setStatus(null);
    const values = readForm(event.currentTarget);
    const parsed = validateForm(
      UpdateProfileBody,
      { name: values.name, phone: values.phone?.trim() || null },
      t,
    );
    setErrors(parsed.ok ? {} : parsed.errors);
    if (!parsed.ok) return;
    setIsSaving(true);
    try {
      const result = await updateProfile(parsed.data);
      updateMeUser(result.user);
      setStatus({ tone: 'success', text: t('account.profile.saved') });
    } catch (error) {
      setErrors(serverFieldErrors(error, ['name', 'phone']));
      if (!isApiError(error, 'validation_failed')) setStatus({ tone: 'error', text: errorMessage(error) });
    } finally {
      setIsSaving(false);
    }
  }

  return (
    <SettingsSection
      id="profile"
      title={t('account.profile.title')}
      description={t('account.profile.description')}
    >
      <AvatarUpload user={user} />
      <form
        method="post"
        noValidate
        onSubmit={(event) => void onSubmit(event)}
        className="mt-8 grid gap-5 sm:grid-cols-2"
      >
        <Field
          label={t('fields.name')}
          name="name"
          autoComplete="name"
          defaultValue={user.name}
          required
          error={errors.name}
        />
        <Field
          label={t('fields.phone')}
          name="phone"
          type="tel"
          autoComplete="tel"
          defaultValue={user.phone ?? ''}
          hint={t('fields.phoneHint')}
          error={errors.phone}
        />
        <div className="flex flex-wrap items-center gap-4 sm:col-span-2">
          <Button type="submit" isLoading={isSaving}>
            {t('account.profile.save')}
          </Button>
          {status ? <Alert tone={status.tone}>{status.text}</Alert> : null}
        </div>
      </form>
    </SettingsSection>
  );
}
