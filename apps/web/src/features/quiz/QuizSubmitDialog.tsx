import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui/Button.tsx';
import { Modal } from '../../components/ui/Modal.tsx';

type QuizSubmitDialogProps = {
  open: boolean;
  unanswered: number;
  isBusy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
};

/** "Submit your answers?", saying how many questions are still unanswered; "Keep working" has the focus first. */
export function QuizSubmitDialog({ open, unanswered, isBusy, onConfirm, onCancel }: QuizSubmitDialogProps) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <Modal
      open={open}
      onClose={onCancel}
      labelledBy={`${id}-title`}
      describedBy={`${id}-desc`}
      className="max-w-md"
    >
      <div className="p-6">
        <h2 id={`${id}-title`} className="text-lg font-semibold text-slate-900">
          {t('quiz.confirmTitle')}
        </h2>
        <p id={`${id}-desc`} className="mt-2 text-slate-700">
          {unanswered > 0 ? t('quiz.confirmUnanswered', { count: unanswered }) : t('quiz.confirmAll')}
        </p>
        <div className="mt-6 flex flex-wrap justify-end gap-3">
          <Button variant="secondary" onClick={onCancel}>
            {t('quiz.keepWorking')}
          </Button>
          <Button isLoading={isBusy} onClick={onConfirm}>
            {t('quiz.confirmSubmit')}
          </Button>
        </div>
      </div>
    </Modal>
  );
}
