import type { AuthEventDto } from '@9tangle/contracts';
import { useTranslation } from 'react-i18next';
import { cn } from '../../components/ui/cn.ts';
import { TextLink } from '../../components/ui/TextLink.tsx';
import { formatDateTime } from '../../lib/format-date.ts';
import { describeUserAgent } from '../../lib/user-agent.ts';

const device = (ua: string | null) => {
  const d = describeUserAgent(ua);
  return [d.browser, d.os].filter(Boolean).join(' · ') || '—';
};

const ALERTING = new Set(['sign_in_failure', 'sign_in_throttled', 'two_factor_failure']);

/** Entries of the security journal: when, what, which account (or the address typed), from where. */
export function AuthEventsTable(p: { items: AuthEventDto[]; showAccount?: boolean; caption: string }) {
  const { t, i18n } = useTranslation();
  const th = 'px-4 py-2 text-start font-semibold';
  const td = 'px-4 py-2 align-top';
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className="w-full min-w-[44rem] text-sm">
        <caption className="sr-only">{p.caption}</caption>
        <thead className="bg-slate-50 text-slate-700">
          <tr>
            <th scope="col" className={th}>
              {t('adminAudit.time')}
            </th>
            <th scope="col" className={th}>
              {t('adminAudit.event')}
            </th>
            {p.showAccount ? (
              <th scope="col" className={th}>
                {t('adminAudit.account')}
              </th>
            ) : null}
            <th scope="col" className={th}>
              {t('adminAudit.ip')}
            </th>
            <th scope="col" className={th}>
              {t('adminAudit.device')}
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
                <span
                  className={cn(
                    'inline-block rounded-full px-2 py-0.5 text-xs font-semibold',
                    ALERTING.has(e.type) ? 'bg-red-100 text-red-900' : 'bg-slate-100 text-slate-800',
                  )}
                >
                  {t(`adminAudit.types.${e.type}`, { defaultValue: e.type })}
                </span>
              </td>
              {p.showAccount ? (
                <td className={td}>
                  {e.userId ? (
                    <TextLink to={`/admin/users/${e.userId}`}>
                      {e.userName ?? e.userEmail ?? e.userId}
                    </TextLink>
                  ) : (
                    <span className="text-slate-600">{t('adminAudit.unknownAccount')}</span>
                  )}
                  {e.email && e.email !== e.userEmail ? (
                    <span className="block text-slate-600" dir="ltr">
                      {e.email}
                    </span>
                  ) : null}
                </td>
              ) : null}
              <td className={`${td} font-mono`} dir="ltr">
                {e.ip ?? '—'}
              </td>
              <td className={`${td} text-slate-700`}>{device(e.userAgent)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
