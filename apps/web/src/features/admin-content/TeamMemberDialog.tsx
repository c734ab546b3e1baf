import type { TeamMemberDto } from '@9tangle/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/Alert.tsx';
import { Avatar } from '../../components/ui/Avatar.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { CheckboxField } from '../../components/ui/CheckboxField.tsx';
import { Field } from '../../components/ui/Field.tsx';
import { Modal } from '../../components/ui/Modal.tsx';
import { TextareaField } from '../../components/ui/TextareaField.tsx';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { siteTeamKey } from '../content/content-queries.ts';
import { createTeamMember, removeTeamPhoto, updateTeamMember, uploadTeamPhoto } from './admin-content-api.ts';

export const adminTeamKey = ['admin-team'] as const;

/** Add or edit a team member: name, role, bio, links, visibility and (once saved) the photo. */
export function TeamMemberDialog({ member, onClose }: { member: TeamMemberDto | null; onClose: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const errorMessage = useErrorMessage();
  const client = useQueryClient();
  const [current, setCurrent] = useState(member);
  const [links, setLinks] = useState(member?.links ?? []);
  const refresh = () =>
    Promise.all([
      client.invalidateQueries({ queryKey: adminTeamKey }),
      client.invalidateQueries({ queryKey: siteTeamKey }),
    ]);
  const save = useMutation({
    mutationFn: (body: { name: string; role: string; bio: string; isVisible: boolean }) =>
      current ? updateTeamMember(current.id, { ...body, links }) : createTeamMember({ ...body, links }),
    onSuccess: async (saved) => {
      await refresh();
      if (current) onClose();
      else setCurrent(saved); // a new member stays open so a photo can be added
    },
  });
  const photo = useMutation({
    mutationFn: (file: File | null) =>
      file ? uploadTeamPhoto(current?.id as string, file) : removeTeamPhoto(current?.id as string),
    onSuccess: async (saved) => {
      setCurrent(saved);
      await refresh();
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    save.mutate({
      name: String(f.get('name') ?? ''),
      role: String(f.get('role') ?? ''),
      bio: String(f.get('bio') ?? ''),
      isVisible: f.get('isVisible') === 'on',
    });
  }
  return (
    <Modal open onClose={onClose} labelledBy={`${id}-title`} className="max-w-2xl">
      <form onSubmit={submit} className="max-h-[calc(100dvh-2rem)] space-y-4 overflow-y-auto p-6">
        <h2 id={`${id}-title`} className="text-lg font-semibold text-slate-900">
          {current ? t('adminContent.team.edit') : t('adminContent.team.add')}
        </h2>
        {save.error ? <Alert tone="error">{errorMessage(save.error)}</Alert> : null}
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            label={t('adminContent.team.name')}
            name="name"
            required
            maxLength={120}
            defaultValue={current?.name ?? ''}
          />
          <Field
            label={t('adminContent.team.role')}
            name="role"
            required
            maxLength={120}
            defaultValue={current?.role ?? ''}
          />
        </div>
        <TextareaField
          label={t('adminContent.team.bio')}
          name="bio"
          rows={4}
          maxLength={2000}
          defaultValue={current?.bio ?? ''}
        />
        <fieldset className="space-y-3 rounded-xl border border-slate-200 p-4">
          <legend className="px-1 text-sm font-medium text-slate-800">{t('adminContent.team.links')}</legend>
          {links.map((l, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows edited in place
            <div key={i} className="grid gap-3 sm:grid-cols-[1fr_2fr_auto] sm:items-end">
              <Field
                label={t('adminContent.linkLabel', { n: i + 1 })}
                name={`link-${i}-label`}
                maxLength={40}
                value={l.label}
                onChange={(e) =>
                  setLinks(links.map((x, j) => (j === i ? { ...x, label: e.currentTarget.value } : x)))
                }
              />
              <Field
                label={t('adminContent.linkUrl', { n: i + 1 })}
                name={`link-${i}-url`}
                dir="ltr"
                maxLength={500}
                value={l.url}
                onChange={(e) =>
                  setLinks(links.map((x, j) => (j === i ? { ...x, url: e.currentTarget.value } : x)))
                }
              />
              <Button type="button" variant="ghost" onClick={() => setLinks(links.filter((_, j) => j !== i))}>
                {t('adminContent.remove')}
              </Button>
            </div>
          ))}
          {links.length < 6 ? (
            <Button
              type="button"
              size="sm"
              variant="secondary"
              onClick={() => setLinks([...links, { label: '', url: 'https://' }])}
            >
              {t('adminContent.addLink')}
            </Button>
          ) : null}
        </fieldset>
        <CheckboxField
          label={t('adminContent.team.visible')}
          name="isVisible"
          defaultChecked={current?.isVisible ?? true}
        />
        {current ? (
          <div className="space-y-2 rounded-xl border border-slate-200 p-4">
            <p className="text-sm font-medium text-slate-800">{t('adminContent.team.photo')}</p>
            <div className="flex flex-wrap items-center gap-3">
              <Avatar user={{ name: current.name, avatarUrl: current.photoUrl }} size="lg" />
              <label className="inline-flex cursor-pointer items-center rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 focus-within:ring-2 focus-within:ring-indigo-600 hover:bg-slate-50">
                {photo.isPending ? t('adminContent.image.uploading') : t('adminContent.image.upload')}
                <input
                  type="file"
                  accept="image/jpeg,image/png,image/webp"
                  className="sr-only"
                  onChange={(e) => {
                    const file = e.currentTarget.files?.[0];
                    if (file) photo.mutate(file);
                    e.currentTarget.value = '';
                  }}
                />
              </label>
              {current.photoUrl ? (
                <Button type="button" size="sm" variant="ghost" onClick={() => photo.mutate(null)}>
                  {t('adminContent.image.remove')}
                </Button>
              ) : null}
            </div>
            {photo.error ? <Alert tone="error">{errorMessage(photo.error)}</Alert> : null}
          </div>
        ) : (
          <p className="text-sm text-slate-600">{t('adminContent.team.photoAfterSave')}</p>
        )}
        <div className="flex flex-wrap justify-end gap-3">
          <Button type="button" variant="secondary" onClick={onClose}>
            {current && !member ? t('adminContent.done') : t('common.cancel')}
          </Button>
          <Button type="submit" isLoading={save.isPending}>
            {t('adminContent.save')}
          </Button>
        </div>
      </form>
    </Modal>
  );
}
