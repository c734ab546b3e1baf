import { type ManualOrderView, ProofFields } from '@9tangle/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Field } from '../../components/ui/Field.tsx';
import { SelectField } from '../../components/ui/SelectField.tsx';
import { formatBytes } from '../../lib/format-bytes.ts';
import { type FieldErrors, readForm, serverFieldErrors, validateForm } from '../../lib/forms.ts';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { useSendProof } from './manual-queries.ts';

const FIELDS = ['transactionId', 'paidOn', 'senderAccount', 'accountId', 'file'] as const;
const ACCEPT = 'image/jpeg,image/png,image/webp,application/pdf';

/** The proof of a transfer: the receipt (image or PDF), its transaction id, date, sender and account. */
export function ProofForm({ view, today }: { view: ManualOrderView; today: string }) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const send = useSendProof(view.orderNumber);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [isSent, setSent] = useState(false);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const checked = validateForm(ProofFields, readForm(form), t);
    const data = new FormData(form);
    const file = data.get('file');
    const next: FieldErrors = checked.ok ? {} : { ...checked.errors };
    if (!(file instanceof File) || file.size === 0) next.file = t('manual.fileRequired');
    else if (file.size > view.maxFileBytes)
      next.file = t('manual.fileTooLarge', { size: formatBytes(view.maxFileBytes, i18n.language) });
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    // Text fields first, the file last: the server reads them in order.
    const body = new FormData();
    for (const name of FIELDS) {
      const value = data.get(name);
      if (value !== null) body.append(name, value);
    }
    send.mutate(body, {
      onSuccess: () => {
        setSent(true);
        form.reset();
      },
      onError: (error) => setErrors(serverFieldErrors(error, FIELDS)),
    });
  }

  return (
    <form onSubmit={submit} noValidate className="mt-4 space-y-4" aria-labelledby="proof-form-heading">
      <h2 id="proof-form-heading" className="text-xl font-semibold text-slate-900">
        {view.proofs.length > 0 ? t('manual.resubmitTitle') : t('manual.formTitle')}
      </h2>
      <p className="text-sm text-slate-700">{t('manual.attemptsLeft', { count: view.attemptsLeft })}</p>
      {isSent && !send.isPending ? <Alert tone="success">{t('manual.sent')}</Alert> : null}
      {send.isError && !errors.transactionId && !errors.paidOn && !errors.file ? (
        <Alert tone="error">{errorMessage(send.error)}</Alert>
      ) : null}
      <SelectField
        label={t('manual.accountField')}
        name="accountId"
        error={errors.accountId}
        defaultValue={view.accounts[0]?.id ?? ''}
        options={view.accounts.map((a) => ({
          value: a.id,
          label: `${a.title} (${t(`manual.method.${a.method}`)})`,
        }))}
      />
      <Field
        label={t('manual.transactionId')}
        name="transactionId"
        error={errors.transactionId}
        maxLength={100}
      />
      <Field
        label={t('manual.paidOn')}
        name="paidOn"
        type="date"
        max={today}
        defaultValue={today}
        error={errors.paidOn}
      />
      <Field
        label={t('manual.senderAccount')}
        name="senderAccount"
        hint={t('manual.senderAccountHint')}
        error={errors.senderAccount}
        maxLength={100}
      />
      <Field
        label={t('manual.file')}
        name="file"
        type="file"
        accept={ACCEPT}
        hint={t('manual.fileHint', { size: formatBytes(view.maxFileBytes, i18n.language) })}
        error={errors.file}
      />
      {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
      <Button type="submit" isLoading={send.isPending}>
        {t('manual.send')}
      </Button>
    </form>
  );
}
