import type { StudioCourse } from '@9tangle/contracts';
import * as Label from '@radix-ui/react-label';
import { useQueryClient } from '@tanstack/react-query';
import { type ChangeEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uploadCourseThumbnail } from '../../../api/studio.ts';
import { Alert } from '../../../components/ui/Alert.tsx';
import { Button } from '../../../components/ui/Button.tsx';
import { cn, focusRing } from '../../../components/ui/cn.ts';
import { useErrorMessage } from '../../../lib/use-error-message.ts';
import { CourseThumbnail } from '../../catalog/CourseThumbnail.tsx';
import { afterCourseChange } from '../studio-queries.ts';

const ACCEPTED_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
const MAX_BYTES = 2 * 1024 * 1024;

/** Pick an image, see it at once, upload it with a progress bar (XMLHttpRequest reports progress). */
export function ThumbnailUpload({ course }: { course: StudioCourse }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const abortRef = useRef<AbortController | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [previewUrl, setPreviewUrl] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isDone, setIsDone] = useState(false);

  useEffect(() => {
    if (!previewUrl) return;
    return () => URL.revokeObjectURL(previewUrl);
  }, [previewUrl]);
  useEffect(() => () => abortRef.current?.abort(), []);

  function reset() {
    abortRef.current?.abort();
    setFile(null);
    setPreviewUrl(null);
    setProgress(null);
    if (inputRef.current) inputRef.current.value = '';
  }

  function onChange(event: ChangeEvent<HTMLInputElement>) {
    setError(null);
    setIsDone(false);
    const picked = event.currentTarget.files?.[0];
    if (!picked) return reset();
    if (!ACCEPTED_TYPES.includes(picked.type)) {
      reset();
      return setError(t('studio.thumbnail.wrongType'));
    }
    if (picked.size > MAX_BYTES) {
      reset();
      return setError(t('studio.thumbnail.tooLarge'));
    }
    setFile(picked);
    setPreviewUrl(URL.createObjectURL(picked));
  }

  async function upload() {
    if (!file) return;
    const controller = new AbortController();
    abortRef.current = controller;
    setError(null);
    setProgress(0);
    try {
      const updated = await uploadCourseThumbnail(course.id, file, {
        onProgress: setProgress,
        signal: controller.signal,
      });
      await afterCourseChange(queryClient, course.id, updated);
      abortRef.current = null;
      reset();
      setIsDone(true);
    } catch (uploadError) {
      if (uploadError instanceof DOMException && uploadError.name === 'AbortError') return;
      setProgress(null);
      setError(errorMessage(uploadError));
    }
  }

  const isUploading = progress !== null;
  const percent = Math.round((progress ?? 0) * 100);
  const errorId = `${id}-error`;
  return (
    <div className="grid gap-5 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm sm:grid-cols-[16rem_1fr] sm:p-6">
      {previewUrl ? (
        <img src={previewUrl} alt="" className="aspect-video w-full rounded-lg object-cover" />
      ) : (
        <CourseThumbnail
          title={course.title}
          thumbnailUrl={course.thumbnailUrl}
          categorySlug={course.category?.slug}
          className="rounded-lg"
        />
      )}
      <div className="min-w-0 space-y-3">
        <Label.Root htmlFor={id} className="block text-sm font-medium text-slate-800">
          {t('studio.thumbnail.label')}
        </Label.Root>
        <input
          ref={inputRef}
          id={id}
          type="file"
          accept={ACCEPTED_TYPES.join(',')}
          onChange={onChange}
          disabled={isUploading}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint${error ? ` ${errorId}` : ''}`}
          className={cn(
            'block w-full text-sm text-slate-700 file:me-3 file:rounded-lg file:border-0 file:bg-indigo-50',
            'file:px-3 file:py-2 file:font-semibold file:text-indigo-800 hover:file:bg-indigo-100',
            focusRing,
          )}
        />
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {t('studio.thumbnail.hint')}
        </p>
        {error ? (
          <p id={errorId} className="text-sm font-medium text-red-700">
            {error}
          </p>
        ) : null}
        {isUploading ? (
          <div className="space-y-1">
            <label htmlFor={`${id}-progress`} className="text-sm text-slate-700">
              {t('studio.thumbnail.uploading', { percent })}
            </label>
            <progress
              id={`${id}-progress`}
              max={100}
              value={percent}
              className="block h-2 w-full accent-indigo-600"
            />
          </div>
        ) : null}
        {file ? (
          <div className="flex flex-wrap gap-3">
            <Button size="sm" isLoading={isUploading} onClick={() => void upload()}>
              {t('studio.thumbnail.upload')}
            </Button>
            <Button size="sm" variant="secondary" onClick={reset}>
              {t('common.cancel')}
            </Button>
          </div>
        ) : null}
        {isDone ? <Alert tone="success">{t('studio.thumbnail.uploaded')}</Alert> : null}
      </div>
    </div>
  );
}
