import type { AuditEntryDto } from '@9tangle/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui/Button.tsx';
import { cn } from '../../components/ui/cn.ts';
import { Modal } from '../../components/ui/Modal.tsx';
import { formatDateTime } from '../../lib/format-date.ts';
import { diffJson } from './json-diff.ts';

const tones = {
  same: '',
  changed: 'bg-amber-50',
  added: 'bg-emerald-50',
  removed: 'bg-red-50',
} as const;

/** One audit entry: who, as whom, what, from where, and the state before and after side by side. */
export function AuditDetailDialog({ entry, onClose }: { entry: AuditEntryDto | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const rows = entry ? diffJson(entry.before, entry.after) : [];
  const facts: [string, string][] = entry
    ? [
        [t('adminAudit.time'), formatDateTime(entry.createdAt, i18n.language)],
        [t('adminAudit.actor'), entry.actorEmail ?? t('adminAudit.system')],
        ...(entry.impersonatorId
          ? ([[t('adminAudit.impersonator'), entry.impersonatorEmail ?? entry.impersonatorId]] as [
              string,
              string,
            ][])
          : []),
        [t('adminAudit.action'), entry.action],
        [t('adminAudit.target'), [entry.targetType, entry.targetId].filter(Boolean).join(' · ') || '—'],
        [t('adminAudit.ip'), entry.ip ?? '—'],
        [t('adminAudit.userAgent'), entry.userAgent ?? '—'],
        [t('adminAudit.requestId'), entry.requestId ?? '—'],
        [t('adminAudit.statusCode'), entry.statusCode === null ? '—' : String(entry.statusCode)],
      ]
    : [];
  return (
    <Modal open={entry !== null} onClose={onClose} labelledBy={`${id}-title`} className="max-w-4xl">
      <div className="max-h-[calc(100dvh-2rem)] overflow-y-auto p-6">
        <h2 id={`${id}-title`} className="text-lg font-semibold text-slate-900">
          {t('adminAudit.detailTitle')}
        </h2>
        <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-6 gap-y-1 text-sm">
          {facts.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="font-medium text-slate-700">{k}</dt>
              <dd className="break-all text-slate-900">{v}</dd>
            </div>
          ))}
        </dl>
        <h3 className="mt-6 font-semibold text-slate-900">{t('adminAudit.changes')}</h3>
        {rows.length === 0 ? (
          <p className="mt-2 text-sm text-slate-700">{t('adminAudit.noChanges')}</p>
        ) : (
          <div className="mt-2 overflow-x-auto rounded-lg border border-slate-200">
            <table className="w-full text-sm">
              <caption className="sr-only">{t('adminAudit.changes')}</caption>
              <thead className="bg-slate-50 text-slate-700">
                <tr>
                  <th scope="col" className="px-3 py-2 text-start font-semibold">
                    {t('adminAudit.field')}
                  </th>
                  <th scope="col" className="px-3 py-2 text-start font-semibold">
                    {t('adminAudit.before')}
                  </th>
                  <th scope="col" className="px-3 py-2 text-start font-semibold">
                    {t('adminAudit.after')}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200 font-mono" dir="ltr">
                {rows.map((r) => (
                  <tr key={r.path} className={cn(tones[r.kind])}>
                    <th scope="row" className="px-3 py-1.5 text-start font-medium text-slate-800">
                      {r.path}
                      {r.kind !== 'same' ? (
                        <span className="ms-2 font-sans text-xs font-semibold text-slate-700">
                          {t(`adminAudit.diff.${r.kind}`)}
                        </span>
                      ) : null}
                    </th>
                    <td className="px-3 py-1.5 break-all text-slate-800">{r.before ?? '—'}</td>
                    <td className="px-3 py-1.5 break-all text-slate-900">{r.after ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <div className="mt-6 flex justify-end">
          <Button variant="secondary" onClick={onClose}>
            {t('adminAudit.close')}
          </Button>
        </div>
      </div>
    </Modal>
  );
}
