import { RejectReason as Reasons, type RejectReason } from '@9tangle/contracts';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Modal } from '../../components/ui/Modal.tsx';
import { SelectField } from '../../components/ui/SelectField.tsx';
import { TextareaField } from '../../components/ui/TextareaField.tsx';

type RejectDialogProps = {
  open: boolean;
  isBusy: boolean;
  error: string | null;
  onConfirm: (body: { reason: RejectReason; note?: string }) => void;
  onCancel: () => void;
};

/** Reject a proof: one of the reasons the buyer is mailed, and a note (required for "other"). */
export function RejectDialog({ open, isBusy, error, onConfirm, onCancel }: RejectDialogProps) {
  const { t } = useTranslation();
  const id = useId();
  const [reason, setReason] = useState<RejectReason>('unreadable_proof');
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | undefined>();

  function submit(event: FormEvent) {
    event.preventDefault();
    if (reason === 'other' && note.trim() === '') {
      setNoteError(t('manual.admin.noteRequired'));
      return;
    }
    onConfirm({ reason, ...(note.trim() ? { note: note.trim() } : {}) });
  }

  return (
    <Modal open={open} onClose={onCancel} labelledBy={`${id}-title`} className="max-w-lg">
      <form onSubmit={submit} noValidate className="space-y-4 p-6">
        <h2 id={`${id}-title`} className="text-lg font-semibold text-slate-900">
          {t('manual.admin.rejectTitle')}
        </h2>
        <SelectField
          label={t('manual.admin.reason')}
          name="reason"
          value={reason}
          onChange={(event) => setReason(Reasons.parse(event.currentTarget.value))}
          options={Reasons.options.map((r) => ({ value: r, label: t(`manual.reason.${r}`) }))}
        />
        <TextareaField
          label={t('manual.admin.note')}
          name="note"
          rows={3}
          maxLength={500}
          value={note}
          onChange={(event) => {
            setNote(event.currentTarget.value);
            setNoteError(undefined);
          }}
          error={noteError}
          hint={t('manual.admin.noteHint')}
        />
        {error ? <Alert tone="error">{error}</Alert> : null}
        <div className="flex flex-wrap justify-end gap-3">
          <Button variant="secondary" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="danger" isLoading={isBusy}>
            {t('manual.admin.reject')}
          </Button>
        </div>
      </form>
    </Modal>
  );
}
