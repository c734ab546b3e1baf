import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Modal } from '../../components/ui/Modal.tsx';
import { TextareaField } from '../../components/ui/TextareaField.tsx';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { useReviewDecision } from './admin-courses-queries.ts';

type RejectCourseDialogProps = { course: { id: string; title: string } | null; onClose: () => void };

/** Send a course back to draft with a reason, which is mailed to its instructors and kept in its history. */
export function RejectCourseDialog({ course, onClose }: RejectCourseDialogProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const id = useId();
  const decide = useReviewDecision();
  const [error, setError] = useState<string | undefined>();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!course) return;
    const reason = String(new FormData(event.currentTarget).get('reason') ?? '').trim();
    if (reason.length < 3) {
      setError(t('adminCourses.reasonTooShort'));
      return;
    }
    setError(undefined);
    try {
      await decide.mutateAsync({ id: course.id, decision: 'reject', reason });
      onClose();
    } catch {
      // shown below
    }
  }

  return (
    <Modal open={course !== null} onClose={onClose} labelledBy={`${id}-title`} className="max-w-lg">
      <form noValidate onSubmit={(event) => void onSubmit(event)} className="space-y-4 p-6">
        <h2 id={`${id}-title`} className="text-lg font-semibold text-slate-900">
          {t('adminCourses.rejectTitle', { title: course?.title ?? '' })}
        </h2>
        <TextareaField
          label={t('adminCourses.reason')}
          name="reason"
          rows={5}
          maxLength={1000}
          hint={t('adminCourses.reasonHint')}
          error={error}
        />
        {decide.isError ? <Alert tone="error">{errorMessage(decide.error)}</Alert> : null}
        <div className="flex flex-wrap justify-end gap-3">
          <Button type="button" variant="secondary" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="danger" isLoading={decide.isPending}>
            {t('adminCourses.reject')}
          </Button>
        </div>
      </form>
    </Modal>
  );
}
