import { ChangeEmailBody, SixDigitCode, type UserDto } from '@9tangle/contracts';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { confirmEmailChange, requestEmailChange } from '../../api/account.ts';
import { isApiError } from '../../api/client.ts';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Field } from '../../components/ui/Field.tsx';
import { type FieldErrors, readForm, serverFieldErrors, validateForm } from '../../lib/forms.ts';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { useUpdateMeUser } from '../session/use-me.ts';
import { SettingsSection } from './SettingsSection.tsx';

type Status = { tone: 'success' | 'error' | 'info'; text: string } | null;

/** Change the sign-in address: ask with the password, then confirm with the mailed code or link. */
export function EmailSection({ user }: { user: UserDto }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const updateMeUser = useUpdateMeUser();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const [pendingEmail, setPendingEmail] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<Status>(null);
  const [isBusy, setIsBusy] = useState(false);
  const linkToken = searchParams.get('confirmEmailToken');
  const linkSent = useRef(false);

  function onConfirmed(updated: UserDto) {
    updateMeUser(updated);
    setPendingEmail(null);
    setStatus({ tone: 'success', text: t('account.email.changed', { email: updated.email }) });
  }

  // The confirmation mail links to /profile?confirmEmailToken=…; confirm once, then drop the token from the URL.
  useEffect(() => {
    if (!linkToken || linkSent.current) return;
    linkSent.current = true;
    void navigate('/profile#email', { replace: true });
    confirmEmailChange({ token: linkToken })
      .then((result) => onConfirmed(result.user))
      .catch((error: unknown) => setStatus({ tone: 'error', text: errorMessage(error) }));
  });

  async function requestChange(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setStatus(null);
    const parsed = validateForm(ChangeEmailBody, readForm(event.currentTarget), t);
    setErrors(parsed.ok ? {} : parsed.errors);
    if (!parsed.ok) return;
    setIsBusy(true);
    try {
      await requestEmailChange(parsed.data);
      setPendingEmail(parsed.data.newEmail);
    } catch (error) {
      if (isApiError(error, 'wrong_password')) setErrors({ password: errorMessage(error) });
      else if (isApiError(error, 'email_taken') || isApiError(error, 'same_email')) {
        setErrors({ newEmail: errorMessage(error) });
      } else if (isApiError(error, 'validation_failed'))
        setErrors(serverFieldErrors(error, ['newEmail', 'password']));
      else setStatus({ tone: 'error', text: errorMessage(error) });
    } finally {
      setIsBusy(false);
    }
  }

  async function confirmCode(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setStatus(null);
    const parsed = SixDigitCode.safeParse(readForm(event.currentTarget).code ?? '');
    if (!parsed.success) return setErrors({ code: t('validation.fields.code.invalid_format') });
    setErrors({});
    setIsBusy(true);
    try {
      onConfirmed((await confirmEmailChange({ code: parsed.data })).user);
    } catch (error) {
      if (isApiError(error, 'invalid_code') || isApiError(error, 'code_expired')) {
        setErrors({ code: errorMessage(error) });
      } else setStatus({ tone: 'error', text: errorMessage(error) });
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <SettingsSection
      id="email"
      title={t('account.email.title')}
      description={t('account.email.description', { email: user.email })}
    >
      {status ? (
        <Alert tone={status.tone} className="mb-5">
          {status.text}
        </Alert>
      ) : null}
      {pendingEmail ? (
        <form method="post" noValidate onSubmit={(event) => void confirmCode(event)} className="space-y-5">
          <Alert>{t('account.email.codeSent', { email: pendingEmail })}</Alert>
          <Field
            label={t('fields.confirmationCode')}
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            required
            error={errors.code}
            className="max-w-xs"
          />
          <div className="flex flex-wrap gap-3">
            <Button type="submit" isLoading={isBusy}>
              {t('account.email.confirm')}
            </Button>
            <Button variant="secondary" onClick={() => setPendingEmail(null)}>
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      ) : (
        <form
          method="post"
          noValidate
          onSubmit={(event) => void requestChange(event)}
          className="grid gap-5 sm:grid-cols-2"
        >
          <Field
            label={t('fields.newEmail')}
            name="newEmail"
            type="email"
            autoComplete="email"
            required
            error={errors.newEmail}
          />
          <Field
            label={t('fields.yourPassword')}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            error={errors.password}
          />
          <div className="sm:col-span-2">
            <Button type="submit" isLoading={isBusy}>
              {t('account.email.submit')}
            </Button>
          </div>
        </form>
      )}
    </SettingsSection>
  );
}
