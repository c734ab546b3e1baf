import type { StudioQuestion } from '@9tangle/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button.tsx';
import { ConfirmDialog } from '../../../components/ui/ConfirmDialog.tsx';
import { htmlToText, truncateText } from '../../../lib/html-text.ts';
import { ReorderButtons } from '../curriculum/ReorderButtons.tsx';

type QuestionRowProps = {
  question: StudioQuestion;
  index: number;
  count: number;
  isBusy: boolean;
  onEdit: () => void;
  onMove: (from: number, to: number) => void;
  onArchive: (isArchived: boolean) => void;
  onDelete: () => Promise<unknown>;
};

/**
 * One question of the bank: its type, points and prompt, with Edit, Move and either Delete (never
 * drawn) or Archive (students have had it: old attempts keep showing it).
 */
export function QuestionRow({
  question,
  index,
  count,
  isBusy,
  onEdit,
  onMove,
  onArchive,
  onDelete,
}: QuestionRowProps) {
  const { t } = useTranslation();
  const [isConfirming, setIsConfirming] = useState(false);
  const text = truncateText(htmlToText(question.promptHtml), 140);
  const name = truncateText(text, 40);
  const isArchived = question.archivedAt !== null;
  return (
    <div className="flex flex-wrap items-start justify-between gap-3 px-4 py-3">
      <div className="min-w-0 flex-1 basis-64">
        <p className="text-sm text-slate-600">
          <span className="font-semibold text-indigo-800">{t(`quizStudio.types.${question.type}`)}</span>
          {' · '}
          {t('quiz.points', { count: question.points })}
          {question.inUse ? ` · ${t('quizStudio.inUse')}` : null}
        </p>
        <p className="mt-1 break-words text-slate-900">{text}</p>
      </div>
      <div className="flex flex-wrap items-center gap-1">
        {isArchived ? (
          <Button size="sm" variant="secondary" disabled={isBusy} onClick={() => onArchive(false)}>
            {t('quizStudio.unarchive')}
          </Button>
        ) : (
          <>
            <ReorderButtons index={index} count={count} name={name} disabled={isBusy} onMove={onMove} />
            <Button
              size="sm"
              variant="secondary"
              aria-label={t('quizStudio.editNamed', { name })}
              onClick={onEdit}
            >
              {t('quizStudio.edit')}
            </Button>
            {question.inUse ? (
              <Button
                size="sm"
                variant="ghost"
                disabled={isBusy}
                aria-label={t('quizStudio.archiveNamed', { name })}
                onClick={() => onArchive(true)}
              >
                {t('quizStudio.archive')}
              </Button>
            ) : (
              <Button
                size="sm"
                variant="ghost"
                aria-label={t('quizStudio.deleteNamed', { name })}
                onClick={() => setIsConfirming(true)}
              >
                {t('quizStudio.delete')}
              </Button>
            )}
          </>
        )}
      </div>
      <ConfirmDialog
        open={isConfirming}
        title={t('quizStudio.deleteTitle')}
        description={t('quizStudio.deleteBody', { name })}
        confirmLabel={t('quizStudio.delete')}
        isBusy={isBusy}
        onConfirm={() => void onDelete().finally(() => setIsConfirming(false))}
        onCancel={() => setIsConfirming(false)}
      />
    </div>
  );
}
