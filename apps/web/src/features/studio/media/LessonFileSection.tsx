import type { StudioLessonMedia } from '@9tangle/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/Alert.tsx';
import { Button } from '../../../components/ui/Button.tsx';
import { ConfirmDialog } from '../../../components/ui/ConfirmDialog.tsx';
import { textLinkClasses } from '../../../components/ui/TextLink.tsx';
import { formatBytes } from '../../../lib/format-bytes.ts';
import { useErrorMessage } from '../../../lib/use-error-message.ts';
import { FileUpload } from './FileUpload.tsx';
import { useMediaUploads, useRemoveLessonFile } from './media-queries.ts';

/** What the file pickers offer; the server decides by the bytes (MP4, WebM, Ogg video; PDF). */
export const VIDEO_ACCEPT = 'video/mp4,video/webm,video/ogg,.mp4,.m4v,.webm,.ogv';
const PDF_ACCEPT = 'application/pdf,.pdf';

type LessonFileSectionProps = {
  courseId: string;
  lessonId: string;
  kind: 'video' | 'pdf';
  media: StudioLessonMedia;
};

/** A video or PDF lesson's own file: what is there, replace it, remove it. */
export function LessonFileSection({ courseId, lessonId, kind, media }: LessonFileSectionProps) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const uploads = useMediaUploads(courseId, lessonId);
  const remove = useRemoveLessonFile(courseId, lessonId);
  const [isConfirming, setIsConfirming] = useState(false);
  const { file } = media;

  return (
    <div className="space-y-4">
      <h4 className="font-semibold text-slate-900">{t(`media.lessonFile.title.${kind}`)}</h4>
      {file ? (
        <div className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-slate-200 bg-slate-50 px-4 py-3">
          <p className="min-w-0 text-sm text-slate-800">
            <span className="font-medium break-all">{file.fileName}</span>{' '}
            <span className="text-slate-600">({formatBytes(file.sizeBytes, i18n.language)})</span>
          </p>
          <div className="flex flex-wrap items-center gap-3">
            <a href={file.url} target="_blank" rel="noopener" className={textLinkClasses}>
              {t('media.lessonFile.open')}
              <span className="sr-only">: {file.fileName}</span>
            </a>
            <Button size="sm" variant="secondary" onClick={() => setIsConfirming(true)}>
              {t('media.lessonFile.remove')}
            </Button>
          </div>
        </div>
      ) : (
        <p className="text-sm text-slate-700">{t(`media.lessonFile.none.${kind}`)}</p>
      )}
      {remove.isError ? <Alert tone="error">{errorMessage(remove.error)}</Alert> : null}
      <FileUpload
        label={t(file ? `media.lessonFile.replaceLabel.${kind}` : `media.lessonFile.uploadLabel.${kind}`)}
        hint={t(`media.lessonFile.hint.${kind}`)}
        accept={kind === 'video' ? VIDEO_ACCEPT : PDF_ACCEPT}
        maxBytes={kind === 'video' ? media.limits.videoMaxBytes : media.limits.pdfMaxBytes}
        uploadLabel={t('media.upload.start')}
        upload={uploads.uploadFile}
      />
      <ConfirmDialog
        open={isConfirming}
        title={t(`media.lessonFile.confirmTitle.${kind}`)}
        description={t('media.lessonFile.confirmText', { name: file?.fileName ?? '' })}
        confirmLabel={t('media.lessonFile.remove')}
        isBusy={remove.isPending}
        onCancel={() => setIsConfirming(false)}
        onConfirm={() => remove.mutate(undefined, { onSettled: () => setIsConfirming(false) })}
      />
    </div>
  );
}
