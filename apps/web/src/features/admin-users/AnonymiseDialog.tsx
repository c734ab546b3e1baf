import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Field } from '../../components/ui/Field.tsx';
import { Modal } from '../../components/ui/Modal.tsx';
import { useAnonymiseUser } from './admin-users-queries.ts';
import { useAdminUsersError } from './use-admin-error.ts';

/** Anonymise on request: the admin types the account's email to confirm; it cannot be undone. */
export function AnonymiseDialog(p: {
  open: boolean;
  userId: string;
  email: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const errorMessage = useAdminUsersError();
  const anonymise = useAnonymiseUser(p.userId);
  const [typed, setTyped] = useState('');
  const close = () => {
    setTyped('');
    anonymise.reset();
    p.onClose();
  };
  const err = anonymise.error;
  // The mismatch belongs to the field; anything else is a message for the whole dialog.
  const fieldError =
    err instanceof ApiError && (err.code === 'confirm_email_mismatch' || err.code === 'validation_failed')
      ? errorMessage(err)
      : undefined;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    anonymise.mutate(typed.trim(), {
      onSuccess: () => {
        setTyped('');
        p.onDone();
      },
    });
  }

  return (
    <Modal
      open={p.open}
      onClose={close}
      labelledBy={`${id}-title`}
      describedBy={`${id}-desc`}
      className="max-w-lg"
    >
      <form className="space-y-4 p-6" onSubmit={submit} noValidate>
        <h2 id={`${id}-title`} className="text-lg font-semibold text-slate-900">
          {t('adminUsers.anonymise.title')}
        </h2>
        <p id={`${id}-desc`} className="text-slate-700">
          {t('adminUsers.anonymise.body')}
        </p>
        {err && !fieldError ? <Alert tone="error">{errorMessage(err)}</Alert> : null}
        <Field
          label={t('adminUsers.anonymise.confirmLabel', { email: p.email })}
          name="confirmEmail"
          type="email"
          autoComplete="off"
          dir="ltr"
          value={typed}
          onChange={(e) => setTyped(e.currentTarget.value)}
          error={fieldError}
        />
        <div className="flex flex-wrap justify-end gap-3">
          <Button variant="secondary" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="danger" isLoading={anonymise.isPending} disabled={!typed.trim()}>
            {t('adminUsers.anonymise.confirm')}
          </Button>
        </div>
      </form>
    </Modal>
  );
}
