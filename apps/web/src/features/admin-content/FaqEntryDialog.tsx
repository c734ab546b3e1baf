import type { FaqEntryDto } from '@9tangle/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { CheckboxField } from '../../components/ui/CheckboxField.tsx';
import { Field } from '../../components/ui/Field.tsx';
import { Modal } from '../../components/ui/Modal.tsx';
import { RichTextField } from '../../components/ui/RichTextField.tsx';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { siteFaqKey } from '../content/content-queries.ts';
import { createFaqEntry, updateFaqEntry } from './admin-content-api.ts';

export const adminFaqKey = ['admin-faq'] as const;

/** Add or edit a FAQ entry: question, answer (rich text), category and whether it is published. */
export function FaqEntryDialog({
  entry,
  categories,
  onClose,
}: {
  entry: FaqEntryDto | null;
  categories: string[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const errorMessage = useErrorMessage();
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: (body: { question: string; answerHtml: string; category: string; isPublished: boolean }) =>
      entry ? updateFaqEntry(entry.id, body) : createFaqEntry(body),
    onSuccess: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: adminFaqKey }),
        client.invalidateQueries({ queryKey: siteFaqKey }),
      ]);
      onClose();
    },
  });
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    save.mutate({
      question: String(f.get('question') ?? ''),
      answerHtml: String(f.get('answerHtml') ?? ''),
      category: String(f.get('category') ?? ''),
      isPublished: f.get('isPublished') === 'on',
    });
  }
  return (
    <Modal open onClose={onClose} labelledBy={`${id}-title`} className="max-w-2xl">
      <form onSubmit={submit} className="max-h-[calc(100dvh-2rem)] space-y-4 overflow-y-auto p-6">
        <h2 id={`${id}-title`} className="text-lg font-semibold text-slate-900">
          {entry ? t('adminContent.faq.edit') : t('adminContent.faq.add')}
        </h2>
        {save.error ? <Alert tone="error">{errorMessage(save.error)}</Alert> : null}
        <Field
          label={t('adminContent.faq.question')}
          name="question"
          required
          minLength={3}
          maxLength={300}
          defaultValue={entry?.question ?? ''}
        />
        <Field
          label={t('adminContent.faq.category')}
          name="category"
          maxLength={80}
          list={`${id}-categories`}
          hint={t('adminContent.faq.categoryHint')}
          defaultValue={entry?.category ?? ''}
        />
        <datalist id={`${id}-categories`}>
          {categories.map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
        <RichTextField
          label={t('adminContent.faq.answer')}
          name="answerHtml"
          hint={t('adminContent.rich.hint')}
          previewLabel={t('adminContent.rich.preview')}
          defaultValue={entry?.answerHtml ?? ''}
          rows={6}
          maxLength={20_000}
          previewClassName="h-40"
        />
        <CheckboxField
          label={t('adminContent.faq.published')}
          name="isPublished"
          defaultChecked={entry?.isPublished ?? true}
        />
        <div className="flex flex-wrap justify-end gap-3">
          <Button type="button" variant="secondary" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" isLoading={save.isPending}>
            {t('adminContent.save')}
          </Button>
        </div>
      </form>
    </Modal>
  );
}
