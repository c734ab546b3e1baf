import {
  type AdminAnnouncement,
  type AnnouncementAudience,
  AnnouncementAudiences,
  type AnnouncementType,
  AnnouncementTypes,
  isoToZonedLocal,
  zonedLocalToIso,
} from '@9tangle/contracts';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { CheckboxField } from '../../components/ui/CheckboxField.tsx';
import { Field } from '../../components/ui/Field.tsx';
import { Modal } from '../../components/ui/Modal.tsx';
import { SelectField } from '../../components/ui/SelectField.tsx';
import { TextareaField } from '../../components/ui/TextareaField.tsx';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { AnnouncementBanner } from './AnnouncementBanner.tsx';
import { useAnnouncementChange } from './announcements-api.ts';

type Props = {
  /** The announcement to edit, `'new'` to create one, null when closed. */
  editing: AdminAnnouncement | 'new' | null;
  timeZone: string;
  onClose: () => void;
};

/** Server field errors (`details: [{ path, message }]`) by field name. */
function fieldErrors(error: unknown): Record<string, string> {
  if (!isApiError(error) || !Array.isArray(error.details)) return {};
  const out: Record<string, string> = {};
  for (const d of error.details as { path?: unknown; message?: unknown }[]) {
    const path = Array.isArray(d.path) ? d.path.join('.') : String(d.path ?? '');
    if (path && typeof d.message === 'string') out[path] = d.message;
  }
  return out;
}

/** Create or edit an announcement, with a live preview of its banner. */
export function AnnouncementDialog({ editing, timeZone, onClose }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const errorMessage = useErrorMessage();
  const change = useAnnouncementChange();
  const current = editing === 'new' ? null : editing;
  const [title, setTitle] = useState(current?.title ?? '');
  const [message, setMessage] = useState(current?.message ?? '');
  const [type, setType] = useState<AnnouncementType>(current?.type ?? 'info');
  const [audience, setAudience] = useState<AnnouncementAudience>(current?.audience ?? 'everyone');
  const [startsAt, setStartsAt] = useState(
    current?.startsAt ? isoToZonedLocal(current.startsAt, timeZone) : '',
  );
  const [endsAt, setEndsAt] = useState(current?.endsAt ? isoToZonedLocal(current.endsAt, timeZone) : '');
  const [isActive, setIsActive] = useState(current?.isActive ?? true);
  const [dismissible, setDismissible] = useState(current?.dismissible ?? true);
  const [localError, setLocalError] = useState<string | null>(null);

  const server = fieldErrors(change.error);
  const windowError =
    localError ??
    (isApiError(change.error, 'invalid_announcement_window') ? errorMessage(change.error) : undefined);

  function submit(event: FormEvent) {
    event.preventDefault();
    const start = startsAt ? zonedLocalToIso(startsAt, timeZone) : null;
    const end = endsAt ? zonedLocalToIso(endsAt, timeZone) : null;
    if (start && end && Date.parse(start) >= Date.parse(end)) {
      setLocalError(t('announcements.form.windowError'));
      return;
    }
    setLocalError(null);
    const body = { title, message, type, audience, startsAt: start, endsAt: end, isActive, dismissible };
    change.mutate(current ? { kind: 'update', id: current.id, body } : { kind: 'create', body }, {
      onSuccess: onClose,
    });
  }

  const zone = { zone: timeZone };
  return (
    <Modal open={editing !== null} onClose={onClose} labelledBy={`${id}-title`} className="max-w-2xl">
      <form onSubmit={submit} className="max-h-[calc(100dvh-2rem)] space-y-4 overflow-y-auto p-6" noValidate>
        <h2 id={`${id}-title`} className="text-lg font-semibold text-slate-900">
          {current ? t('announcements.form.editTitle') : t('announcements.form.newTitle')}
        </h2>
        {change.isError && !windowError && Object.keys(server).length === 0 ? (
          <Alert tone="error">{errorMessage(change.error)}</Alert>
        ) : null}
        <Field
          label={t('announcements.form.title')}
          name="title"
          value={title}
          maxLength={120}
          required
          onChange={(e) => setTitle(e.currentTarget.value)}
          hint={t('announcements.form.count', { count: title.length, max: 120 })}
          error={server.title}
        />
        <TextareaField
          label={t('announcements.form.message')}
          name="message"
          value={message}
          maxLength={1000}
          rows={3}
          required
          onChange={(e) => setMessage(e.currentTarget.value)}
          hint={t('announcements.form.messageHint', { count: message.length, max: 1000 })}
          error={server.message}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            label={t('announcements.form.type')}
            name="type"
            value={type}
            onChange={(e) => setType(e.currentTarget.value as AnnouncementType)}
            options={AnnouncementTypes.map((v) => ({ value: v, label: t(`announcements.type.${v}`) }))}
          />
          <SelectField
            label={t('announcements.form.audience')}
            name="audience"
            value={audience}
            onChange={(e) => setAudience(e.currentTarget.value as AnnouncementAudience)}
            options={AnnouncementAudiences.map((v) => ({
              value: v,
              label: t(`announcements.audience.${v}`),
            }))}
          />
          <Field
            type="datetime-local"
            label={t('announcements.form.startsAt', zone)}
            name="startsAt"
            value={startsAt}
            onChange={(e) => setStartsAt(e.currentTarget.value)}
            hint={t('announcements.form.startsHint')}
            error={server.startsAt}
          />
          <Field
            type="datetime-local"
            label={t('announcements.form.endsAt', zone)}
            name="endsAt"
            value={endsAt}
            onChange={(e) => setEndsAt(e.currentTarget.value)}
            hint={t('announcements.form.endsHint')}
            error={server.endsAt ?? windowError}
          />
        </div>
        <CheckboxField
          label={t('announcements.form.isActive')}
          checked={isActive}
          onChange={(e) => setIsActive(e.currentTarget.checked)}
        />
        <CheckboxField
          label={t('announcements.form.dismissible')}
          checked={dismissible}
          onChange={(e) => setDismissible(e.currentTarget.checked)}
        />
        <section aria-labelledby={`${id}-preview`} className="space-y-2">
          <h3 id={`${id}-preview`} className="text-sm font-semibold text-slate-800">
            {t('announcements.form.preview')}
          </h3>
          <div className="overflow-hidden rounded-lg border border-slate-200">
            <AnnouncementBanner
              title={title || t('announcements.form.previewTitle')}
              message={message || t('announcements.form.previewMessage')}
              type={type}
              onDismiss={dismissible ? () => undefined : undefined}
            />
          </div>
        </section>
        <div className="flex flex-wrap justify-end gap-3 pt-2">
          <Button variant="secondary" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" isLoading={change.isPending}>
            {current ? t('announcements.form.save') : t('announcements.form.create')}
          </Button>
        </div>
      </form>
    </Modal>
  );
}
