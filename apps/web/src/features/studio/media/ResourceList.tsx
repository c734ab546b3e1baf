import type { StudioLessonMedia } from '@9tangle/contracts';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/Alert.tsx';
import { useErrorMessage } from '../../../lib/use-error-message.ts';
import { FileUpload } from './FileUpload.tsx';
import { useMediaUploads, useReorderResources } from './media-queries.ts';
import { ResourceItem } from './ResourceItem.tsx';

/** What the picker offers for resources; the server decides by the bytes. */
const RESOURCE_ACCEPT = [
  '.pdf,.zip,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp,.epub',
  '.png,.jpg,.jpeg,.webp,.gif,.txt,.csv,.md',
].join(',');

type ResourceListProps = { courseId: string; lessonId: string; media: StudioLessonMedia };

/** The lesson's downloadable resources, in order: add, rename, move and delete. */
export function ResourceList({ courseId, lessonId, media }: ResourceListProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const uploads = useMediaUploads(courseId, lessonId);
  const reorder = useReorderResources(courseId, lessonId);
  const { resources } = media;

  function move(from: number, to: number) {
    const ids = resources.map((r) => r.id);
    const [moved] = ids.splice(from, 1);
    if (!moved) return;
    ids.splice(to, 0, moved);
    reorder.mutate(ids);
  }

  return (
    <div className="space-y-4">
      <h4 className="font-semibold text-slate-900">{t('media.resources.title')}</h4>
      {resources.length === 0 ? (
        <p className="text-sm text-slate-700">{t('media.resources.none')}</p>
      ) : (
        <ol className="divide-y divide-slate-200 rounded-lg border border-slate-200">
          {resources.map((resource, index) => (
            <ResourceItem
              key={resource.id}
              courseId={courseId}
              lessonId={lessonId}
              resource={resource}
              index={index}
              count={resources.length}
              isMoving={reorder.isPending}
              onMove={move}
            />
          ))}
        </ol>
      )}
      {reorder.isError ? <Alert tone="error">{errorMessage(reorder.error)}</Alert> : null}
      <FileUpload
        label={t('media.resources.addLabel')}
        hint={t('media.resources.hint')}
        accept={RESOURCE_ACCEPT}
        maxBytes={media.limits.resourceMaxBytes}
        uploadLabel={t('media.resources.add')}
        upload={uploads.uploadResource}
      />
    </div>
  );
}
