import { type MediaFileDto, ResourcePatch } from '@9tangle/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button.tsx';
import { ConfirmDialog } from '../../../components/ui/ConfirmDialog.tsx';
import { Field } from '../../../components/ui/Field.tsx';
import { textLinkClasses } from '../../../components/ui/TextLink.tsx';
import { formatBytes } from '../../../lib/format-bytes.ts';
import { validateForm } from '../../../lib/forms.ts';
import { useErrorMessage } from '../../../lib/use-error-message.ts';
import { ReorderButtons } from '../curriculum/ReorderButtons.tsx';
import { useDeleteResource, useRenameResource } from './media-queries.ts';

type ResourceItemProps = {
  courseId: string;
  lessonId: string;
  resource: MediaFileDto;
  index: number;
  count: number;
  isMoving: boolean;
  onMove: (from: number, to: number) => void;
};

/** One resource: its title and file, with rename, move up/down and delete (after a confirmation). */
export function ResourceItem({
  courseId,
  lessonId,
  resource,
  index,
  count,
  isMoving,
  onMove,
}: ResourceItemProps) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const rename = useRenameResource(courseId, lessonId);
  const remove = useDeleteResource(courseId, lessonId);
  const [isEditing, setIsEditing] = useState(false);
  const [isConfirming, setIsConfirming] = useState(false);
  const [error, setError] = useState<string | undefined>();

  async function onRename(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = validateForm(ResourcePatch, { title: new FormData(event.currentTarget).get('title') }, t);
    setError(parsed.ok ? undefined : parsed.errors.title);
    if (!parsed.ok) return;
    try {
      await rename.mutateAsync({ id: resource.id, title: parsed.data.title });
      setIsEditing(false);
    } catch (renameError) {
      setError(errorMessage(renameError));
    }
  }

  return (
    <li className="space-y-3 px-4 py-3">
      {isEditing ? (
        <form
          method="post"
          noValidate
          onSubmit={(e) => void onRename(e)}
          className="flex flex-wrap items-start gap-3"
        >
          <Field
            label={t('media.resources.titleLabel')}
            name="title"
            defaultValue={resource.title}
            maxLength={200}
            required
            autoFocus
            error={error}
            className="min-w-0 flex-1 basis-56"
          />
          <div className="flex gap-2 sm:mt-7">
            <Button type="submit" size="sm" isLoading={rename.isPending}>
              {t('media.resources.save')}
            </Button>
            <Button size="sm" variant="secondary" onClick={() => setIsEditing(false)}>
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      ) : (
        <div className="flex flex-wrap items-center justify-between gap-3">
          <div className="min-w-0">
            <p className="font-medium break-words text-slate-900">{resource.title}</p>
            <p className="text-sm text-slate-600">
              <a href={resource.downloadUrl} className={textLinkClasses}>
                <span className="break-all">{resource.fileName}</span>
              </a>{' '}
              ({formatBytes(resource.sizeBytes, i18n.language)})
            </p>
          </div>
          <div className="flex flex-wrap items-center gap-2">
            <ReorderButtons
              index={index}
              count={count}
              name={resource.title}
              disabled={isMoving}
              onMove={onMove}
            />
            <Button size="sm" variant="secondary" onClick={() => setIsEditing(true)}>
              {t('media.resources.rename')}
              <span className="sr-only">: {resource.title}</span>
            </Button>
            <Button size="sm" variant="secondary" onClick={() => setIsConfirming(true)}>
              {t('media.resources.delete')}
              <span className="sr-only">: {resource.title}</span>
            </Button>
          </div>
        </div>
      )}
      {remove.isError ? (
        <p className="text-sm font-medium text-red-700">{errorMessage(remove.error)}</p>
      ) : null}
      <ConfirmDialog
        open={isConfirming}
        title={t('media.resources.confirmTitle')}
        description={t('media.resources.confirmText', { title: resource.title })}
        confirmLabel={t('media.resources.delete')}
        isBusy={remove.isPending}
        onCancel={() => setIsConfirming(false)}
        onConfirm={() => remove.mutate(resource.id, { onSettled: () => setIsConfirming(false) })}
      />
    </li>
  );
}
