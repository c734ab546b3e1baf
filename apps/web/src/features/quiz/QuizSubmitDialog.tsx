import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ui/ConfirmDialog.tsx';

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
  return (
    <ConfirmDialog
      open={open}
      title={t('quiz.confirmTitle')}
      description={unanswered > 0 ? t('quiz.confirmUnanswered', { count: unanswered }) : t('quiz.confirmAll')}
      confirmLabel={t('quiz.confirmSubmit')}
      cancelLabel={t('quiz.keepWorking')}
      tone="primary"
      isBusy={isBusy}
      onConfirm={onConfirm}
      onCancel={onCancel}
    />
  );
}
