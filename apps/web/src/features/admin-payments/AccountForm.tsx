import { type AdminPaymentAccount, ManualMethod, PaymentAccountBody } from '@9tangle/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Field } from '../../components/ui/Field.tsx';
import { SelectField } from '../../components/ui/SelectField.tsx';
import { TextareaField } from '../../components/ui/TextareaField.tsx';
import { type FieldErrors, readForm, serverFieldErrors, validateForm } from '../../lib/forms.ts';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { useSaveAccount } from './admin-payments-queries.ts';

const FIELDS = [
  'method',
  'title',
  'accountName',
  'accountNumber',
  'bankName',
  'iban',
  'instructions',
] as const;
const OPTIONAL = ['bankName', 'iban', 'instructions'];

/** Create an account, or edit one (`account`). */
export function AccountForm({
  account,
  onDone,
}: {
  account: AdminPaymentAccount | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const save = useSaveAccount();
  const [errors, setErrors] = useState<FieldErrors>({});

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = validateForm(PaymentAccountBody, readForm(event.currentTarget, OPTIONAL), t);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    save.mutate(
      { id: account?.id ?? null, body: checked.data },
      { onSuccess: onDone, onError: (error) => setErrors(serverFieldErrors(error, FIELDS)) },
    );
  }

  return (
    <form onSubmit={submit} noValidate className="grid gap-4 sm:grid-cols-2" data-testid="account-form">
      <SelectField
        label={t('manual.admin.methodField')}
        name="method"
        defaultValue={account?.method ?? 'jazzcash'}
        options={ManualMethod.options.map((m) => ({ value: m, label: t(`manual.method.${m}`) }))}
      />
      <Field
        label={t('manual.admin.titleField')}
        name="title"
        defaultValue={account?.title}
        error={errors.title}
      />
      <Field
        label={t('manual.accountName')}
        name="accountName"
        defaultValue={account?.accountName}
        error={errors.accountName}
      />
      <Field
        label={t('manual.accountNumber')}
        name="accountNumber"
        defaultValue={account?.accountNumber}
        error={errors.accountNumber}
        dir="ltr"
      />
      <Field
        label={t('manual.bankName')}
        name="bankName"
        defaultValue={account?.bankName ?? ''}
        error={errors.bankName}
      />
      <Field
        label={t('manual.iban')}
        name="iban"
        defaultValue={account?.iban ?? ''}
        error={errors.iban}
        dir="ltr"
      />
      <TextareaField
        label={t('manual.admin.instructions')}
        name="instructions"
        rows={3}
        className="sm:col-span-2"
        defaultValue={account?.instructions ?? ''}
        error={errors.instructions}
      />
      {save.isError && Object.keys(errors).length === 0 ? (
        <Alert tone="error" className="sm:col-span-2">
          {errorMessage(save.error)}
        </Alert>
      ) : null}
      <div className="flex gap-3 sm:col-span-2">
        <Button type="submit" isLoading={save.isPending}>
          {account ? t('manual.admin.save') : t('manual.admin.add')}
        </Button>
        <Button type="button" variant="secondary" onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
