import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Modal } from '../../components/ui/Modal.tsx';
import { TextareaField } from '../../components/ui/TextareaField.tsx';

type ReasonDialogProps = {
  open: boolean;
  title: string;
  description: string;
  confirmLabel: string;
  isBusy: boolean;
  /** A failure to show in the dialog (already turned into text). */
  error: string | null;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
};

/** An admin action that needs a reason for the record (revoke, hide…): a dialog with one text field. */
export function ReasonDialog({
  open,
  title,
  description,
  confirmLabel,
  isBusy,
  error,
  onConfirm,
  onCancel,
}: ReasonDialogProps) {
  const { t } = useTranslation();
  const id = useId();
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();

  function submit(event: FormEvent) {
    event.preventDefault();
    if (reason.trim().length < 3) {
      setFieldError(t('reviews.reason.tooShort'));
      return;
    }
    onConfirm(reason.trim());
  }

  return (
    <Modal
      open={open}
      onClose={onCancel}
      labelledBy={`${id}-title`}
      describedBy={`${id}-desc`}
      className="max-w-lg"
    >
      <form onSubmit={submit} noValidate className="space-y-4 p-6">
        <h2 id={`${id}-title`} className="text-lg font-semibold text-slate-900">
          {title}
        </h2>
        <p id={`${id}-desc`} className="text-slate-700">
          {description}
        </p>
        <TextareaField
          label={t('reviews.reason.label')}
          name="reason"
          rows={3}
          maxLength={500}
          value={reason}
          onChange={(event) => {
            setReason(event.currentTarget.value);
            setFieldError(undefined);
          }}
          error={fieldError}
          hint={t('reviews.reason.hint')}
        />
        {error ? <Alert tone="error">{error}</Alert> : null}
        <div className="flex flex-wrap justify-end gap-3">
          <Button variant="secondary" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="danger" isLoading={isBusy}>
            {confirmLabel}
          </Button>
        </div>
      </form>
    </Modal>
  );
}
