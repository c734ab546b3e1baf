import type { StudioCourse } from '@9tangle/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getUploadLimits, removeIntroVideo, uploadIntroVideo } from '../../../api/media.ts';
import type { UploadOptions } from '../../../api/upload.ts';
import { Alert } from '../../../components/ui/Alert.tsx';
import { Button } from '../../../components/ui/Button.tsx';
import { ConfirmDialog } from '../../../components/ui/ConfirmDialog.tsx';
import { formatBytes } from '../../../lib/format-bytes.ts';
import { useErrorMessage } from '../../../lib/use-error-message.ts';
import { FileUpload } from '../media/FileUpload.tsx';
import { VIDEO_ACCEPT } from '../media/LessonFileSection.tsx';
import { afterCourseChange } from '../studio-queries.ts';

/** The course's uploaded intro video: shown on the course page instead of the intro video link. */
export function IntroVideoUpload({ course }: { course: StudioCourse }) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const limits = useQuery({
    queryKey: ['studio', 'upload-limits'],
    queryFn: getUploadLimits,
    staleTime: Infinity,
  });
  const [isConfirming, setIsConfirming] = useState(false);
  const remove = useMutation({
    mutationFn: () => removeIntroVideo(course.id),
    onSuccess: (updated) => afterCourseChange(queryClient, course.id, updated),
    onSettled: () => setIsConfirming(false),
  });
  const file = course.introVideoFile ?? null;

  async function upload(picked: File, options: UploadOptions) {
    const updated = await uploadIntroVideo(course.id, picked, options);
    await afterCourseChange(queryClient, course.id, updated);
  }

  return (
    <section
      aria-labelledby="intro-video-title"
      className="space-y-4 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6"
    >
      <h3 id="intro-video-title" className="text-lg font-semibold text-slate-900">
        {t('media.intro.title')}
      </h3>
      {file ? (
        <div className="grid gap-4 sm:grid-cols-[16rem_1fr]">
          {/* biome-ignore lint/a11y/useMediaCaption: an instructor's preview of their own upload */}
          <video
            src={file.url}
            controls
            preload="metadata"
            className="aspect-video w-full rounded-lg bg-black"
          />
          <div className="min-w-0 space-y-3">
            <p className="text-sm text-slate-800">
              <span className="font-medium break-all">{file.fileName}</span>{' '}
              <span className="text-slate-600">({formatBytes(file.sizeBytes, i18n.language)})</span>
            </p>
            <p className="text-sm text-slate-600">{t('media.intro.replacesLink')}</p>
            <Button size="sm" variant="secondary" onClick={() => setIsConfirming(true)}>
              {t('media.intro.remove')}
            </Button>
          </div>
        </div>
      ) : (
        <p className="text-sm text-slate-700">{t('media.intro.none')}</p>
      )}
      {remove.isError ? <Alert tone="error">{errorMessage(remove.error)}</Alert> : null}
      {limits.data ? (
        <FileUpload
          label={t(file ? 'media.intro.replaceLabel' : 'media.intro.uploadLabel')}
          hint={t('media.intro.hint')}
          accept={VIDEO_ACCEPT}
          maxBytes={limits.data.videoMaxBytes}
          uploadLabel={t('media.upload.start')}
          upload={upload}
        />
      ) : null}
      {limits.isError ? <Alert tone="error">{errorMessage(limits.error)}</Alert> : null}
      <ConfirmDialog
        open={isConfirming}
        title={t('media.intro.confirmTitle')}
        description={t('media.intro.confirmText')}
        confirmLabel={t('media.intro.remove')}
        isBusy={remove.isPending}
        onCancel={() => setIsConfirming(false)}
        onConfirm={() => remove.mutate()}
      />
    </section>
  );
}
