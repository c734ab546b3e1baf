import type { UserDto } from '@9tangle/contracts';
import * as Label from '@radix-ui/react-label';
import { type ChangeEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uploadAvatar } from '../../api/account.ts';
import { Alert } from '../../components/ui/Alert.tsx';
import { Avatar } from '../../components/ui/Avatar.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { cn, focusRing } from '../../components/ui/cn.ts';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { useUpdateMeUser } from '../session/use-me.ts';

const ACCEPTED_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
const MAX_BYTES = 2 * 1024 * 1024;

/** Pick a photo, see it at once, then upload it (the server checks the real content type and size). */
export function AvatarUpload({ user }: { user: UserDto }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const updateMeUser = useUpdateMeUser();
  const inputRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [previewUrl, setPreviewUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isDone, setIsDone] = useState(false);
  const [isUploading, setIsUploading] = useState(false);

  useEffect(() => {
    if (!previewUrl) return;
    return () => URL.revokeObjectURL(previewUrl);
  }, [previewUrl]);

  function reset() {
    setFile(null);
    setPreviewUrl(null);
    if (inputRef.current) inputRef.current.value = '';
  }

  function onChange(event: ChangeEvent<HTMLInputElement>) {
    setError(null);
    setIsDone(false);
    const picked = event.currentTarget.files?.[0];
    if (!picked) return reset();
    if (!ACCEPTED_TYPES.includes(picked.type)) {
      reset();
      return setError(t('account.avatar.wrongType'));
    }
    if (picked.size > MAX_BYTES) {
      reset();
      return setError(t('account.avatar.tooLarge'));
    }
    setFile(picked);
    setPreviewUrl(URL.createObjectURL(picked));
  }

  async function upload() {
    if (!file) return;
    setIsUploading(true);
    setError(null);
    try {
      const result = await uploadAvatar(file);
      updateMeUser(result.user);
      reset();
      setIsDone(true);
    } catch (uploadError) {
      setError(errorMessage(uploadError));
    } finally {
      setIsUploading(false);
    }
  }

  const errorId = `${id}-error`;
  return (
    <div className="flex flex-col gap-5 sm:flex-row sm:items-start">
      <Avatar user={user} src={previewUrl} size="lg" />
      <div className="min-w-0 flex-1 space-y-3">
        <Label.Root htmlFor={id} className="block text-sm font-medium text-slate-800">
          {t('account.avatar.label')}
        </Label.Root>
        <input
          ref={inputRef}
          id={id}
          type="file"
          accept={ACCEPTED_TYPES.join(',')}
          onChange={onChange}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint${error ? ` ${errorId}` : ''}`}
          className={cn(
            'block w-full text-sm text-slate-700 file:me-3 file:rounded-lg file:border-0 file:bg-indigo-50',
            'file:px-3 file:py-2 file:font-semibold file:text-indigo-800 hover:file:bg-indigo-100',
            focusRing,
          )}
        />
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {t('account.avatar.hint')}
        </p>
        {error ? (
          <p id={errorId} className="text-sm font-medium text-red-700">
            {error}
          </p>
        ) : null}
        {file ? (
          <div className="flex flex-wrap gap-3">
            <Button size="sm" isLoading={isUploading} onClick={() => void upload()}>
              {t('account.avatar.upload')}
            </Button>
            <Button size="sm" variant="secondary" onClick={reset}>
              {t('common.cancel')}
            </Button>
          </div>
        ) : null}
        {isDone ? <Alert tone="success">{t('account.avatar.uploaded')}</Alert> : null}
      </div>
    </div>
  );
}
