import * as Label from '@radix-ui/react-label';
import { type ChangeEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.ts';
import type { UploadOptions } from '../../../api/upload.ts';
import { Button } from '../../../components/ui/Button.tsx';
import { cn, focusRing } from '../../../components/ui/cn.ts';
import { ProgressBar } from '../../../components/ui/ProgressBar.tsx';
import { formatBytes } from '../../../lib/format-bytes.ts';
import { useErrorMessage } from '../../../lib/use-error-message.ts';

type FileUploadProps = {
  label: string;
  hint: string;
  /** The `accept` attribute: a help for the file picker only; the server checks the bytes. */
  accept: string;
  maxBytes: number;
  uploadLabel: string;
  /** Sends the file; resolves once the server has stored and checked it. */
  upload: (file: File, options: UploadOptions) => Promise<unknown>;
};

/**
 * Pick a file and upload it with a real progress bar (XMLHttpRequest upload progress). The bar stays
 * at 100 % with a confirmation once the server has accepted the file; an upload can be cancelled.
 */
export function FileUpload({ label, hint, accept, maxBytes, uploadLabel, upload }: FileUploadProps) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const abortRef = useRef<AbortController | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [doneName, setDoneName] = useState<string | null>(null);
  useEffect(() => () => abortRef.current?.abort(), []);

  const max = formatBytes(maxBytes, i18n.language);
  function clear() {
    setFile(null);
    if (inputRef.current) inputRef.current.value = '';
  }
  function cancel() {
    abortRef.current?.abort();
    abortRef.current = null;
    setProgress(null);
    clear();
  }

  function onChange(event: ChangeEvent<HTMLInputElement>) {
    setError(null);
    setDoneName(null);
    setProgress(null);
    const picked = event.currentTarget.files?.[0] ?? null;
    if (picked && picked.size > maxBytes) {
      clear();
      setError(t('media.upload.tooLarge', { max }));
      return;
    }
    setFile(picked);
  }

  async function start() {
    if (!file) return;
    const controller = new AbortController();
    abortRef.current = controller;
    setError(null);
    setProgress(0);
    try {
      await upload(file, { onProgress: setProgress, signal: controller.signal });
      abortRef.current = null;
      setProgress(1);
      setDoneName(file.name);
      clear();
    } catch (uploadError) {
      if (uploadError instanceof DOMException && uploadError.name === 'AbortError') return;
      setProgress(null);
      setError(
        isApiError(uploadError, 'payload_too_large')
          ? t('media.upload.tooLarge', { max })
          : errorMessage(uploadError),
      );
    }
  }

  const isUploading = progress !== null && doneName === null;
  const percent = Math.round((progress ?? 0) * 100);
  const errorId = `${id}-error`;
  return (
    <div className="space-y-3">
      <Label.Root htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </Label.Root>
      <input
        ref={inputRef}
        id={id}
        type="file"
        accept={accept}
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
        {hint} {t('media.upload.limit', { max })}
      </p>
      {error ? (
        <p id={errorId} className="text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
      {progress !== null ? (
        <div className="space-y-1">
          <ProgressBar
            value={percent}
            label={t('media.upload.progressLabel', { name: doneName ?? file?.name ?? '' })}
            valueText={t('media.upload.percent', { percent })}
          />
          <p
            role="status"
            className={cn('text-sm', doneName ? 'font-medium text-emerald-800' : 'text-slate-700')}
          >
            {doneName ? t('media.upload.done', { name: doneName }) : t('media.upload.uploading', { percent })}
          </p>
        </div>
      ) : null}
      {file && !isUploading ? (
        <p className="text-sm text-slate-700">
          {t('media.upload.chosen', { name: file.name, size: formatBytes(file.size, i18n.language) })}
        </p>
      ) : null}
      {file ? (
        <div className="flex flex-wrap gap-3">
          <Button size="sm" isLoading={isUploading} onClick={() => void start()}>
            {uploadLabel}
          </Button>
          <Button size="sm" variant="secondary" onClick={cancel}>
            {t('common.cancel')}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
