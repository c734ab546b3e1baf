import type { AuditEntryDto } from '@9tangle/contracts';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui/Button.tsx';
import { formatDateTime } from '../../lib/format-date.ts';

/** One page of the audit log; each row opens its before/after. */
export function AuditTable(p: { items: AuditEntryDto[]; onOpen: (entry: AuditEntryDto) => void }) {
  const { t, i18n } = useTranslation();
  const th = 'px-4 py-3 text-start font-semibold';
  const td = 'px-4 py-2 align-top';
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className="w-full min-w-[56rem] text-sm">
        <caption className="sr-only">{t('adminAudit.title')}</caption>
        <thead className="bg-slate-50 text-slate-700">
          <tr>
            <th scope="col" className={th}>
              {t('adminAudit.time')}
            </th>
            <th scope="col" className={th}>
              {t('adminAudit.actor')}
            </th>
            <th scope="col" className={th}>
              {t('adminAudit.action')}
            </th>
            <th scope="col" className={th}>
              {t('adminAudit.target')}
            </th>
            <th scope="col" className={th}>
              {t('adminAudit.ip')}
            </th>
            <th scope="col" className={th}>
              <span className="sr-only">{t('adminAudit.details')}</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {p.items.map((e) => (
            <tr key={e.id}>
              <td className={`${td} whitespace-nowrap text-slate-700`}>
                {formatDateTime(e.createdAt, i18n.language)}
              </td>
              <td className={td}>
                {e.impersonatorId ? (
                  <>
                    <span className="block" dir="ltr">
                      {e.impersonatorEmail ?? e.impersonatorId}
                    </span>
                    <span className="block font-semibold text-amber-900">
                      {t('adminAudit.asUser', { user: e.actorEmail ?? '—' })}
                    </span>
                  </>
                ) : (
                  <span dir="ltr">{e.actorEmail ?? t('adminAudit.system')}</span>
                )}
              </td>
              <td className={`${td} font-mono`} dir="ltr">
                {e.action}
              </td>
              <td className={td}>
                {e.targetType ? <span className="block">{e.targetType}</span> : null}
                {e.targetId ? (
                  <span className="block font-mono text-xs text-slate-600" dir="ltr">
                    {e.targetId}
                  </span>
                ) : null}
                {!e.targetType && !e.targetId ? '—' : null}
              </td>
              <td className={`${td} font-mono`} dir="ltr">
                {e.ip ?? '—'}
              </td>
              <td className={td}>
                <Button size="sm" variant="secondary" onClick={() => p.onOpen(e)}>
                  {t('adminAudit.view')}
                  <span className="sr-only"> {e.action}</span>
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
